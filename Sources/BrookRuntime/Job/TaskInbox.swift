// The queue through which the tasks of a parallel job send each other rows, watermarks and ends.
import Foundation

/// What one task sends another: rows for an operator's input, or a sender's watermark or end of input.
enum TaskMessage {
    case rows(node: Int, port: Int, Batch)
    case watermark(node: Int, port: Int, sender: Int, Int64)
    case end(node: Int, port: Int, sender: Int)
}

/// A task's incoming messages, in the order each sender sent them. Unbounded, so sending never
/// blocks and two tasks sending to each other cannot deadlock; tasks read their sources only while
/// every other task's queue holds fewer than a few batches of rows, which bounds it.
final class TaskInbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var messages: [TaskMessage] = []
    private var rows = 0

    /// Rows waiting in the queue.
    var queuedRows: Int {
        condition.lock()
        defer { condition.unlock() }
        return rows
    }

    func send(_ message: TaskMessage) {
        condition.lock()
        messages.append(message)
        if case .rows(_, _, let batch) = message { rows += batch.count }
        condition.signal()
        condition.unlock()
    }

    /// Everything queued, oldest first; waits up to `timeout` seconds when the queue is empty.
    func receive(waiting timeout: Double) -> [TaskMessage] {
        condition.lock()
        defer { condition.unlock() }
        if messages.isEmpty, timeout > 0 { _ = condition.wait(until: Date(timeIntervalSinceNow: timeout)) }
        let taken = messages
        messages = []
        rows = 0
        return taken
    }

    /// Ends a wait early (the job is stopping).
    func wake() {
        condition.lock()
        condition.signal()
        condition.unlock()
    }
}
