// Runs a planned job: builds its tasks and their operators, runs them, and sums up what they did.
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

/// Executes a job in `parallelism.default` tasks, one thread each (the calling thread runs task
/// 0). `TaskLayout` decides which tasks run each operator; `JobTask` runs them.
public final class JobRunner {
    private let coordinator: TaskCoordinator
    private let tasks: [JobTask]
    /// Per node: the sink table it writes, for sink nodes.
    private let sinkTables: [String?]

    public init(job: PlannedJob, catalog: Catalog, settings: Settings, options: RunOptions = RunOptions()) throws(RuntimeError) {
        let idleTimeout = settings["table.exec.source.idle-timeout"].flatMap(DurationText.milliseconds).flatMap { $0 > 0 ? Double($0) / 1000 : nil }
        let plan = job.physical
        let parallelism = max(1, Int(settings["parallelism.default"] ?? "1") ?? 1)
        var values = Dictionary(uniqueKeysWithValues: settings.all.map { ($0.key, $0.value) })
        values[SentimentFunctions.homeSetting] = options.homePath
        let context = EvaluationContext(timeZone: try SessionTimeZone(identifier: settings["table.local-time-zone"] ?? "UTC"),
                                        now: settings.isBatch ? EvaluationContext.clock() : nil, settings: values)
        var lateRows: LateRowSink?
        var lateRowTable: String?
        if let name = settings[LateRowSink.setting], !name.isEmpty {
            guard let table = catalog.table(name) else { throw RuntimeError("'\(LateRowSink.setting)' names '\(name)', which is not a table") }
            lateRowTable = name
            lateRows = try LateRowSink(table: table, writer: try ConnectorFactory.writer(for: table, homePath: options.homePath, context: context), context: context)
        }
        var inputs = plan.nodes.map(\.inputs)
        var requirements = plan.nodes.map { TaskLayout.requirement(of: $0, in: plan) }
        var names = plan.nodes.map(OperatorFactory.operatorName)
        var readers: [Int: [SourceReader]] = [:]
        for node in plan.nodes {
            guard case .source(let tableName, _, let columns, _) = node.operation else { continue }
            let table = catalog.table(tableName)!
            let split = try ConnectorFactory.readers(for: table, columns: ScanSource.storedColumns(of: table, scanning: columns),
                                                     homePath: options.homePath, tasks: parallelism)
            if settings.isBatch, !split[0].isBounded {
                throw RuntimeError("table '\(tableName)' is an unbounded source, and 'execution.runtime-mode' is 'batch', which needs bounded input; set 'scan.bounded.mode' or run in streaming mode")
            }
            readers[node.id] = split
            requirements[node.id] = .source(parallel: split.count > 1)
        }
        if options.queryWriter != nil {
            for root in plan.roots where !JobRunner.isSink(plan[root]) {
                inputs.append([root])
                requirements.append(.single)
                names.append("Collect")
            }
        }
        let layout = TaskLayout(inputs: inputs, requirements: requirements, parallelism: parallelism)
        var consumers = Array(repeating: [(node: Int, port: Int)](), count: inputs.count)
        for (node, nodeInputs) in inputs.enumerated() {
            for (port, input) in nodeInputs.enumerated() { consumers[input].append((node, port)) }
        }
        coordinator = TaskCoordinator(layout: layout, consumers: consumers, queueLimit: 8 * options.batchSize)
        var sinkTables = [String?](repeating: nil, count: inputs.count)
        var tasks: [JobTask] = []
        for task in 0..<parallelism {
            var operators = [StreamOperator?](repeating: nil, count: inputs.count)
            var sources = [JobSource?](repeating: nil, count: inputs.count)
            for id in inputs.indices where layout.tasks(of: id).contains(task) {
                guard id < plan.nodes.count else {
                    operators[id] = SinkOperator(writer: options.queryWriter!, progress: options.progress)
                    continue
                }
                let node = plan[id]
                switch node.operation {
                case .source(let tableName, _, let columns, _):
                    sources[id] = ScanSource(table: catalog.table(tableName)!, columns: columns, reader: readers[id]![task], context: context,
                                              idleTimeout: idleTimeout)
                case .values(let rows):
                    var builder = BatchBuilder(types: node.schema.fields.map(\.type.type), capacity: rows.count)
                    for row in rows {
                        var cells: [Value] = []
                        for expression in row { cells.append(try ExpressionCompiler.evaluateConstant(expression, context: context)) }
                        builder.appendRow(cells)
                    }
                    sources[id] = ValuesSource(batch: builder.flush())
                case .sink(let tableName, _, let mapping):
                    let table = catalog.table(tableName)!
                    let writer: RowWriter
                    if let override = options.sinkWriters[tableName] {
                        writer = override
                    } else {
                        writer = try ConnectorFactory.writer(for: table, homePath: options.homePath, context: context)
                    }
                    operators[id] = SinkOperator(writer: MappedWriter(writer, mapping: mapping, table: table), progress: options.progress)
                    sinkTables[id] = tableName
                default:
                    let inputTypes = node.inputs.first.map { plan[$0].schema.fields.map(\.type.type) } ?? []
                    operators[id] = try OperatorFactory.make(node, plan: plan, inputTypes: inputTypes, settings: settings, context: context, lateRows: lateRows)
                }
            }
            tasks.append(JobTask(index: task, coordinator: coordinator, options: options, operators: operators, sources: sources, names: names,
                                 idleTimeout: idleTimeout, lateRowTable: lateRowTable))
        }
        coordinator.tasks = tasks
        self.tasks = tasks
        self.sinkTables = sinkTables
    }

    private static func isSink(_ node: PhysicalNode) -> Bool {
        if case .sink = node.operation { return true }
        return false
    }

    /// Runs until every source ends (bounded input) and every operator has finished. With an
    /// unbounded source (a topic) it runs until the job is cancelled or the process stops.
    public func run() throws(RuntimeError) -> JobSummary {
        let started = Date()
        let ended = DispatchSemaphore(value: 0)
        for task in tasks.dropFirst() {
            let thread = Thread {
                task.run()
                ended.signal()
            }
            thread.name = "brook-task-\(task.index)"
            thread.start()
        }
        tasks[0].run()
        for _ in tasks.dropFirst() { ended.wait() }
        if let error = coordinator.error { throw error }
        var summary = JobSummary()
        summary.cancelled = coordinator.wasCancelled
        summary.seconds = Date().timeIntervalSince(started)
        for task in tasks {
            for source in task.sources.compactMap({ $0 }) {
                summary.rowsRead[source.name, default: 0] += source.rowsRead
                summary.skippedRecords += source.skippedRecords
            }
            for (node, operation) in task.operators.enumerated() {
                guard let operation else { continue }
                if let table = sinkTables[node] { summary.rowsWritten[table, default: 0] += operation.metrics.rowsIn }
                if let sink = operation as? SinkOperator, let first = sink.firstRowAt {
                    summary.firstRowAt = min(summary.firstRowAt ?? first, first)
                }
                summary.lateRowsDropped += operation.metrics.lateRowsDropped
            }
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
