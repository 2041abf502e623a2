// What the tasks of one job share: the layout, each other's inboxes, and the way to stop together.
import BrookPlanner
import Foundation

/// Shared by a job's tasks. The first task to fail records its error and stops the others; a
/// cancelled job stops them too. Operators are never shared: each task has its own instances.
final class TaskCoordinator: @unchecked Sendable {
    let layout: TaskLayout
    /// Per node: the nodes that read it, and at which input port.
    let consumers: [[(node: Int, port: Int)]]
    /// A task reads its sources only while every other task has fewer rows than this queued.
    let queueLimit: Int
    var tasks: [JobTask] = []
    private let lock = NSLock()
    private var failure: RuntimeError?
    private var stopped = false
    private var cancelledFlag = false
    private var reportedLateRows = Set<Int>()

    init(layout: TaskLayout, consumers: [[(node: Int, port: Int)]], queueLimit: Int) {
        self.layout = layout
        self.consumers = consumers
        self.queueLimit = queueLimit
    }

    var isStopped: Bool { lock.withLock { stopped } }
    var error: RuntimeError? { lock.withLock { failure } }
    var wasCancelled: Bool { lock.withLock { cancelledFlag } }

    func fail(_ error: RuntimeError) {
        lock.withLock {
            if failure == nil { failure = error }
            stopped = true
        }
        for task in tasks { task.inbox.wake() }
    }

    func cancel() {
        lock.withLock {
            cancelledFlag = true
            stopped = true
        }
        for task in tasks { task.inbox.wake() }
    }

    /// Whether `task` may read another batch from its sources: no other task is behind by more
    /// than the queue limit.
    func hasRoom(besides task: Int) -> Bool {
        tasks.allSatisfy { $0.index == task || $0.inbox.queuedRows < queueLimit }
    }

    /// True the first time any task reports late rows at `node`, so the job logs once per operator.
    func firstLateRowReport(node: Int) -> Bool {
        lock.withLock { reportedLateRows.insert(node).inserted }
    }
}
