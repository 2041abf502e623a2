// Live counters of a running job, read by whoever shows jobs (the shell's SHOW JOBS).
import Foundation

/// Rows read and written so far, and a cancellation request. Updated by the job's thread and
/// read or set by others, so every access takes the lock.
public final class JobProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var rowsInCount = 0
    private var rowsOutCount = 0
    private var cancelled = false
    private var ended = false

    public init() {}

    public var rowsIn: Int { lock.withLock { rowsInCount } }
    public var rowsOut: Int { lock.withLock { rowsOutCount } }
    public var isCancelled: Bool { lock.withLock { cancelled } }
    /// True once the job has stopped, for whatever reason.
    public var isFinished: Bool { lock.withLock { ended } }

    public func markFinished() { lock.withLock { ended = true } }

    /// Asks the job to stop after the batch it is working on.
    public func cancel() { lock.withLock { cancelled = true } }

    func read(_ rows: Int) { lock.withLock { rowsInCount += rows } }
    func wrote(_ rows: Int) { lock.withLock { rowsOutCount += rows } }
}
