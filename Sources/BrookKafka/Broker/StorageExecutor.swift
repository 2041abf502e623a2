// A dedicated thread that runs the storage actor, so SQLite's fsyncs never block Swift's shared pool.
import Foundation

/// A serial executor backed by one long-lived thread. SQLite calls block (synchronous=FULL waits
/// for the disk); running them here keeps the cooperative pool, and with it the group
/// coordinator and connection tasks, responsive on a two-core machine.
final class StorageExecutor: SerialExecutor, @unchecked Sendable {
    /// Shared by every broker in the process; the thread lives as long as the process.
    static let shared = StorageExecutor(name: "brook-storage")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(name: String) {
        let thread = Thread { [unowned self] in self.run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
        }
    }
}
