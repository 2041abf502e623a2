// One task of a job: its instances of the operators placed on it, the sources it reads, and its inbox.
import BrookCore
import Foundation

/// Runs its operator instances on one thread. It reads its sources in event-time order (the one
/// whose watermark is furthest behind goes next) and pushes each batch through its operators
/// depth-first; rows bound for an operator instance in another task go to that task's inbox.
/// Each operator input tracks a watermark and an end of input per sender and sees the minimum
/// watermark; an operator finishes once every sender to every input has ended.
final class JobTask: @unchecked Sendable {
    let index: Int
    let inbox = TaskInbox()
    unowned let coordinator: TaskCoordinator
    let options: RunOptions
    /// Per node: the operator instance in this task (nil for sources and nodes placed elsewhere).
    var operators: [StreamOperator?]
    /// Per node: the source this task reads, for source nodes placed here.
    var sources: [JobSource?]
    /// Per node: the operator's name in logs.
    let names: [String]
    /// `table.exec.source.idle-timeout` in seconds, when set.
    let idleTimeout: Double?
    /// The table late rows go to, when `table.exec.late-rows.sink` names one.
    let lateRowTable: String?
    private var outputs: [OperatorOutput] = []
    private var inputWatermarks: [[[Int64]]]
    private var combinedWatermark: [Int64]
    private var forwardedWatermark: [Int64]
    private var openSenders: [Int]
    private var unfinished: Int
    private var reportedLateRows: Set<Int> = []
    private var random: SplitMix64
    private var turn = 0

    init(index: Int, coordinator: TaskCoordinator, options: RunOptions, operators: [StreamOperator?], sources: [JobSource?], names: [String], idleTimeout: Double?, lateRowTable: String?) {
        self.index = index
        self.coordinator = coordinator
        self.options = options
        self.operators = operators
        self.sources = sources
        self.names = names
        self.idleTimeout = idleTimeout
        self.lateRowTable = lateRowTable
        let layout = coordinator.layout
        let nodes = operators.indices
        inputWatermarks = nodes.map { node in
            layout.exchanges[node].indices.map { port in Array(repeating: Int64.min, count: layout.senders(node: node, port: port)) }
        }
        combinedWatermark = Array(repeating: Int64.min, count: operators.count)
        forwardedWatermark = Array(repeating: Int64.min, count: operators.count)
        openSenders = nodes.map { node in layout.exchanges[node].indices.reduce(0) { $0 + layout.senders(node: node, port: $1) } }
        unfinished = nodes.filter { layout.tasks(of: $0).contains(index) }.count
        random = SplitMix64(seed: (options.interleavingSeed ?? 0) &+ UInt64(index))
        outputs = nodes.map { node in OperatorOutput { [unowned self] (batch: Batch) throws(RuntimeError) in try self.send(batch, from: node) } }
    }

    /// Runs until every operator here has finished, the job is cancelled, or a task fails.
    func run() {
        do throws(RuntimeError) {
            try work()
        } catch {
            coordinator.fail(error)
        }
    }

    private func work() throws(RuntimeError) {
        var active = sources.indices.filter { sources[$0] != nil }
        var waiting = Set<Int>()
        var emptySince: [Int: Date] = [:]
        while unfinished > 0, !coordinator.isStopped {
            if options.progress?.isCancelled == true {
                coordinator.cancel()
                return
            }
            let messages = inbox.receive(waiting: 0)
            for message in messages { try handle(message) }
            if !messages.isEmpty, options.log != nil { logFirstLateRows() }
            guard !active.isEmpty, coordinator.hasRoom(besides: index) else {
                if messages.isEmpty { for message in inbox.receive(waiting: active.isEmpty ? 0.05 : 0.001) { try handle(message) } }
                continue
            }
            let position = nextSource(active, waiting: &waiting)
            let id = active[position]
            let source = sources[id]!
            let size = options.interleavingSeed != nil ? 1 + Int(random.next() % UInt64(options.batchSize)) : options.batchSize
            guard let batch = try source.next(maxRows: size) else {
                active.remove(at: position)
                try finishSource(id)
                continue
            }
            if batch.count > 0 {
                waiting.remove(id)
                emptySince[id] = nil
                options.progress?.read(batch.count)
                try send(batch, from: id)
                if options.log != nil { logFirstLateRows() }
            } else {
                waiting.insert(id)
                let since = emptySince[id] ?? Date()
                emptySince[id] = since
                if let idle = idleTimeout, Date().timeIntervalSince(since) >= idle {
                    // An idle source stops holding the watermark back, as Flink's idle-timeout does.
                    let others = active.filter { $0 != id }.map { forwardedWatermark[$0] }.max() ?? Int64.min
                    if others > forwardedWatermark[id] {
                        forwardedWatermark[id] = others
                        try sendWatermark(others, from: id)
                    }
                }
            }
            if source.watermark > forwardedWatermark[id] {
                forwardedWatermark[id] = source.watermark
                try sendWatermark(source.watermark, from: id)
            }
        }
    }

    /// The position in `active` of the source to read next: the one furthest behind in event time,
    /// so one source cannot run ahead of another and fill join state with rows the other has not
    /// reached yet. A source that had nothing new last time waits a turn while others have data.
    /// With an interleaving seed (tests), a random one.
    private func nextSource(_ active: [Int], waiting: inout Set<Int>) -> Int {
        if options.interleavingSeed != nil { return Int(random.next() % UInt64(active.count)) }
        var candidates = active.indices.filter { !waiting.contains(active[$0]) }
        if candidates.isEmpty {
            waiting.removeAll()
            candidates = Array(active.indices)
        }
        let lowest = candidates.map { sources[active[$0]]!.watermark }.min()!
        let behind = candidates.filter { sources[active[$0]]!.watermark == lowest }
        defer { turn += 1 }
        return behind[turn % behind.count]
    }

    private func finishSource(_ node: Int) throws(RuntimeError) {
        forwardedWatermark[node] = Int64.max
        try sendWatermark(Int64.max, from: node)
        try finish(node)
    }

    private func handle(_ message: TaskMessage) throws(RuntimeError) {
        switch message {
        case .rows(let node, let port, let batch): try receive(batch, node: node, port: port)
        case .watermark(let node, let port, let sender, let watermark): try receiveWatermark(watermark, node: node, port: port, sender: sender)
        case .end(let node, let port, let sender): try receiveEnd(node: node, port: port, sender: sender)
        }
    }

    /// Sends an operator's output rows to its consumers, through each consumer input's exchange.
    private func send(_ batch: Batch, from node: Int) throws(RuntimeError) {
        let layout = coordinator.layout
        for (consumer, port) in coordinator.consumers[node] {
            switch layout.exchanges[consumer][port] {
            case .forward:
                try receive(batch, node: consumer, port: port)
            case .gather:
                try deliver(.rows(node: consumer, port: port, batch), to: 0)
            case .hash(let keys):
                for (task, part) in KeyPartitioner.split(batch, keys: keys, tasks: layout.parallelism).enumerated() where part.count > 0 {
                    try deliver(.rows(node: consumer, port: port, part), to: task)
                }
            }
        }
    }

    private func sendWatermark(_ watermark: Int64, from node: Int) throws(RuntimeError) {
        try broadcast(from: node) { .watermark(node: $0, port: $1, sender: $2, watermark) }
    }

    /// Sends a message about `node`'s output (a watermark or its end) to every consumer instance that reads it.
    private func broadcast(from node: Int, _ message: (_ consumer: Int, _ port: Int, _ sender: Int) -> TaskMessage) throws(RuntimeError) {
        let layout = coordinator.layout
        for (consumer, port) in coordinator.consumers[node] {
            let sent = message(consumer, port, layout.sender(node: consumer, port: port, task: index))
            switch layout.exchanges[consumer][port] {
            case .forward: try handle(sent)
            case .gather: try deliver(sent, to: 0)
            case .hash: for task in 0..<layout.parallelism { try deliver(sent, to: task) }
            }
        }
    }

    /// Handles a message here when it is for this task, otherwise queues it in the other task.
    private func deliver(_ message: TaskMessage, to task: Int) throws(RuntimeError) {
        if task == index {
            try handle(message)
        } else {
            coordinator.tasks[task].inbox.send(message)
        }
    }

    private func receive(_ batch: Batch, node: Int, port: Int) throws(RuntimeError) {
        guard let operation = operators[node] else { return }
        try operation.process(batch, port: port, output: outputs[node])
    }

    private func receiveWatermark(_ watermark: Int64, node: Int, port: Int, sender: Int) throws(RuntimeError) {
        guard watermark > inputWatermarks[node][port][sender] else { return }
        inputWatermarks[node][port][sender] = watermark
        let combined = inputWatermarks[node].map { $0.min()! }.min()!
        guard combined > combinedWatermark[node], let operation = operators[node] else { return }
        combinedWatermark[node] = combined
        let forwarded = try operation.advanceWatermark(to: combined, output: outputs[node])
        if forwarded > forwardedWatermark[node] {
            forwardedWatermark[node] = forwarded
            try sendWatermark(forwarded, from: node)
        }
    }

    private func receiveEnd(node: Int, port: Int, sender: Int) throws(RuntimeError) {
        openSenders[node] -= 1
        if openSenders[node] == 0 { try finish(node) }
    }

    /// Every input has ended: the operator emits what remains, then its consumers hear it ended.
    private func finish(_ node: Int) throws(RuntimeError) {
        try operators[node]?.finish(output: outputs[node])
        unfinished -= 1
        try broadcast(from: node) { .end(node: $0, port: $1, sender: $2) }
    }

    /// Logs once per operator (across tasks) when it drops its first late row; the summary carries the count.
    private func logFirstLateRows() {
        for node in operators.indices where !reportedLateRows.contains(node) {
            guard let operation = operators[node], operation.metrics.lateRowsDropped > 0 else { continue }
            reportedLateRows.insert(node)
            guard coordinator.firstLateRowReport(node: node) else { continue }
            let routed = lateRowTable.map { "written to table '\($0)'" } ?? "dropped (set '\(LateRowSink.setting)' to keep them)"
            options.log?("\(names[node]) received a row older than its watermark; late rows are \(routed) and counted in the job summary")
        }
    }
}
