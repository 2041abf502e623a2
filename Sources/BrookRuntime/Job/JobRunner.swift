// Runs a planned job: builds its operators, pulls from its sources, pushes rows and watermarks through.
import BrookCore
import BrookPlanner
import Foundation

/// How the runner schedules sources and sizes batches.
public struct RunOptions {
    public var batchSize = 4096
    /// Seed for the order in which sources are read; nil reads them round-robin. Tests replay
    /// one input in many interleavings to check that results do not depend on it.
    public var interleavingSeed: UInt64?
    /// Writers to use instead of a sink's connector, by table name (tests collect rows this way).
    public var sinkWriters: [String: RowWriter] = [:]
    /// Receives a SELECT's rows (the root of a job that has no sink).
    public var queryWriter: RowWriter?
    /// The Brook home, for functions that keep caches there (the llm sentiment model).
    public var homePath: String?
    /// Counters the job keeps current while it runs, and the way to cancel it.
    public var progress: JobProgress?
    /// Receives the job's log lines: the first late row each operator drops, as it happens.
    public var log: ((String) -> Void)?

    public init() {}
}

/// What a finished job did.
public struct JobSummary: Sendable {
    public var rowsRead: [String: Int] = [:]
    public var rowsWritten: [String: Int] = [:]
    public var lateRowsDropped = 0
    public var skippedRecords = 0
    public var seconds = 0.0
    /// When the first row reached a sink, if any did.
    public var firstRowAt: Date?
    /// True when the job stopped because it was cancelled, not because its input ended.
    public var cancelled = false
}

/// Executes a job on one thread: sources are read in event-time order (the one whose watermark
/// is furthest behind goes next), each batch is pushed through the operators depth-first, and
/// watermarks follow, each operator seeing the minimum over its inputs.
public final class JobRunner {
    struct Node {
        var operation: StreamOperator?
        var source: JobSource?
        var consumers: [(node: Int, port: Int)] = []
        var inputWatermarks: [Int64] = []
        var combinedWatermark = Int64.min
        var forwardedWatermark = Int64.min
        var sinkTable: String?
        var name = ""
        var reportedLateRows = false
    }

    private var nodes: [Node]
    private let options: RunOptions
    /// `table.exec.source.idle-timeout` in seconds, when set.
    private let idleTimeout: Double?
    private let plan: PhysicalPlan
    /// The table late rows go to, when `table.exec.late-rows.sink` names one.
    private var lateRowTable: String?

    public init(job: PlannedJob, catalog: Catalog, settings: Settings, options: RunOptions = RunOptions()) throws(RuntimeError) {
        self.options = options
        idleTimeout = settings["table.exec.source.idle-timeout"].flatMap(DurationText.milliseconds).flatMap { $0 > 0 ? Double($0) / 1000 : nil }
        let plan = job.physical
        self.plan = plan
        var values = Dictionary(uniqueKeysWithValues: settings.all.map { ($0.key, $0.value) })
        values[SentimentFunctions.homeSetting] = options.homePath
        let context = EvaluationContext(timeZone: try SessionTimeZone(identifier: settings["table.local-time-zone"] ?? "UTC"), settings: values)
        var lateRows: LateRowSink?
        if let name = settings[LateRowSink.setting], !name.isEmpty {
            guard let table = catalog.table(name) else { throw RuntimeError("'\(LateRowSink.setting)' names '\(name)', which is not a table") }
            lateRowTable = name
            lateRows = try LateRowSink(table: table, writer: try ConnectorFactory.writer(for: table, homePath: options.homePath, context: context), context: context)
        }
        var nodes: [Node] = []
        for node in plan.nodes {
            var built = Node()
            built.name = OperatorFactory.operatorName(node)
            built.inputWatermarks = Array(repeating: Int64.min, count: node.inputs.count)
            let inputTypes = node.inputs.first.map { plan[$0].schema.fields.map(\.type.type) } ?? []
            switch node.operation {
            case .source(let tableName, _, let columns, _):
                let table = catalog.table(tableName)!
                let stored = ScanSource.storedColumns(of: table, scanning: columns)
                let reader = try ConnectorFactory.reader(for: table, columns: stored, homePath: options.homePath)
                if settings.isBatch, !reader.isBounded {
                    throw RuntimeError("table '\(tableName)' is an unbounded source, and 'execution.runtime-mode' is 'batch', which needs bounded input; set 'scan.bounded.mode' or run in streaming mode")
                }
                built.source = ScanSource(table: table, columns: columns, reader: reader, context: context)
            case .values(let rows):
                var builder = BatchBuilder(types: node.schema.fields.map(\.type.type), capacity: rows.count)
                for row in rows {
                    var cells: [Value] = []
                    for expression in row { cells.append(try ExpressionCompiler.evaluateConstant(expression, context: context)) }
                    builder.appendRow(cells)
                }
                built.source = ValuesSource(batch: builder.flush())
            case .sink(let tableName, _, let mapping):
                let table = catalog.table(tableName)!
                let writer: RowWriter
                if let override = options.sinkWriters[tableName] {
                    writer = override
                } else {
                    writer = try ConnectorFactory.writer(for: table, homePath: options.homePath, context: context)
                }
                built.operation = SinkOperator(writer: MappedWriter(writer, mapping: mapping, table: table), progress: options.progress)
                built.sinkTable = tableName
            default:
                built.operation = try OperatorFactory.make(node, plan: plan, inputTypes: inputTypes, settings: settings, context: context, lateRows: lateRows)
            }
            nodes.append(built)
        }
        for node in plan.nodes {
            for (port, input) in node.inputs.enumerated() { nodes[input].consumers.append((node.id, port)) }
        }
        if let writer = options.queryWriter {
            for root in plan.roots where !JobRunner.isSink(plan[root]) {
                let collector = nodes.count
                nodes.append(Node(operation: SinkOperator(writer: writer, progress: options.progress), inputWatermarks: [Int64.min]))
                nodes[root].consumers.append((collector, 0))
            }
        }
        self.nodes = nodes
    }

    private static func isSink(_ node: PhysicalNode) -> Bool {
        if case .sink = node.operation { return true }
        return false
    }

    private func deliver(_ batch: Batch, from node: Int) throws(RuntimeError) {
        for (consumer, port) in nodes[node].consumers {
            guard let operation = nodes[consumer].operation else { continue }
            try operation.process(batch, port: port, output: OperatorOutput { (out: Batch) throws(RuntimeError) in try self.deliver(out, from: consumer) })
        }
    }

    private func deliverWatermark(_ watermark: Int64, from node: Int) throws(RuntimeError) {
        for (consumer, port) in nodes[node].consumers {
            guard watermark > nodes[consumer].inputWatermarks[port] else { continue }
            nodes[consumer].inputWatermarks[port] = watermark
            let combined = nodes[consumer].inputWatermarks.min()!
            guard combined > nodes[consumer].combinedWatermark, let operation = nodes[consumer].operation else { continue }
            nodes[consumer].combinedWatermark = combined
            let forwarded = try operation.advanceWatermark(to: combined, output: OperatorOutput { (out: Batch) throws(RuntimeError) in try self.deliver(out, from: consumer) })
            if forwarded > nodes[consumer].forwardedWatermark {
                nodes[consumer].forwardedWatermark = forwarded
                try deliverWatermark(forwarded, from: consumer)
            }
        }
    }

    /// Logs once per operator when it drops its first late row; the summary carries the count.
    private func logFirstLateRows() {
        for id in nodes.indices where !nodes[id].reportedLateRows {
            guard let operation = nodes[id].operation, operation.metrics.lateRowsDropped > 0 else { continue }
            nodes[id].reportedLateRows = true
            let routed = lateRowTable.map { "written to table '\($0)'" } ?? "dropped (set '\(LateRowSink.setting)' to keep them)"
            options.log?("\(nodes[id].name) received a row older than its watermark; late rows are \(routed) and counted in the job summary")
        }
    }

    /// Runs until every source ends (bounded input), then flushes every operator in plan order.
    /// With an unbounded source (a topic) it runs until the process is stopped.
    public func run() throws(RuntimeError) -> JobSummary {
        let started = Date()
        var active = nodes.indices.filter { nodes[$0].source != nil }
        var random = SplitMix64(seed: options.interleavingSeed ?? 0)
        var turn = 0
        var waiting = Set<Int>()
        var emptySince: [Int: Date] = [:]
        var cancelled = false
        while !active.isEmpty {
            if options.progress?.isCancelled == true {
                cancelled = true
                break
            }
            let position: Int
            if options.interleavingSeed != nil {
                position = Int(random.next() % UInt64(active.count))
            } else {
                // Read the source that is furthest behind in event time, so one source cannot run
                // ahead of another and fill join state with rows the other has not reached yet.
                // A source that had nothing new last time waits a turn while others have data.
                var candidates = active.indices.filter { !waiting.contains(active[$0]) }
                if candidates.isEmpty {
                    waiting.removeAll()
                    candidates = Array(active.indices)
                }
                let lowest = candidates.map { nodes[active[$0]].source!.watermark }.min()!
                let behind = candidates.filter { nodes[active[$0]].source!.watermark == lowest }
                position = behind[turn % behind.count]
                turn += 1
            }
            let id = active[position]
            let source = nodes[id].source!
            let size = options.interleavingSeed != nil ? 1 + Int(random.next() % UInt64(options.batchSize)) : options.batchSize
            guard let batch = try source.next(maxRows: size) else {
                active.remove(at: position)
                try deliverWatermark(Int64.max, from: id)
                continue
            }
            if batch.count > 0 {
                waiting.remove(id)
                emptySince[id] = nil
                options.progress?.read(batch.count)
                try deliver(batch, from: id)
                if options.log != nil { logFirstLateRows() }
            } else {
                waiting.insert(id)
                let since = emptySince[id] ?? Date()
                emptySince[id] = since
                if let idle = idleTimeout, Date().timeIntervalSince(since) >= idle {
                    // An idle source stops holding the watermark back, as Flink's idle-timeout does.
                    let others = active.filter { $0 != id }.map { nodes[$0].forwardedWatermark }.max() ?? Int64.min
                    if others > nodes[id].forwardedWatermark {
                        nodes[id].forwardedWatermark = others
                        try deliverWatermark(others, from: id)
                    }
                }
            }
            if source.watermark > nodes[id].forwardedWatermark {
                nodes[id].forwardedWatermark = source.watermark
                try deliverWatermark(source.watermark, from: id)
            }
        }
        if !cancelled {
            for id in nodes.indices {
                guard let operation = nodes[id].operation else { continue }
                try operation.finish(output: OperatorOutput { (out: Batch) throws(RuntimeError) in try self.deliver(out, from: id) })
            }
        }
        var summary = JobSummary()
        summary.cancelled = cancelled
        summary.seconds = Date().timeIntervalSince(started)
        for node in nodes {
            if let source = node.source {
                summary.rowsRead[source.name, default: 0] += source.rowsRead
                summary.skippedRecords += source.skippedRecords
            }
            if let table = node.sinkTable { summary.rowsWritten[table, default: 0] += node.operation?.metrics.rowsIn ?? 0 }
            if let sink = node.operation as? SinkOperator, let first = sink.firstRowAt {
                summary.firstRowAt = min(summary.firstRowAt ?? first, first)
            }
            summary.lateRowsDropped += node.operation?.metrics.lateRowsDropped ?? 0
        }
        return summary
    }
}

/// Puts a sink's input columns in the table's column order (NULL for columns the INSERT left out).
final class MappedWriter: RowWriter {
    let inner: RowWriter
    let mapping: [Int?]
    let tableTypes: [DataType]
    let identity: Bool

    init(_ inner: RowWriter, mapping: [Int?], table: CatalogTable) {
        self.inner = inner
        let persisted = table.columns.indices.filter { table.columns[$0].isPersisted }
        self.mapping = persisted.map { mapping[$0] }
        self.tableTypes = persisted.map { table.columns[$0].type.type }
        identity = self.mapping.enumerated().allSatisfy { $0.element == $0.offset }
    }

    func write(_ batch: Batch) throws(RuntimeError) {
        if identity { return try inner.write(batch) }
        let columns = mapping.enumerated().map { position, source in
            source.map { batch.columns[$0] } ?? Column.constant(.null, type: tableTypes[position], count: batch.count)
        }
        try inner.write(Batch(columns: columns, count: batch.count, kinds: batch.kinds))
    }

    func close() throws(RuntimeError) { try inner.close() }
}
