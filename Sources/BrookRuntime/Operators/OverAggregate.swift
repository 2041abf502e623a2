// OverAggregate: OVER windows computed in event-time order as the watermark passes each row.
import BrookCore
import BrookPlanner

/// Buffers rows until the watermark passes their time, then processes them in event-time order
/// per partition and emits each with one column per OVER call appended. Rows that tie on the
/// ORDER BY time are ordered by the row's other time attributes, then by arrival (see
/// docs/ARCHITECTURE.md); RANGE frames treat tied rows as peers that share a result.
public final class OverAggregateOperator: StreamOperator {
    struct Pending {
        var time: Int64
        /// The row's other rowtimes (up to two), which order rows that tie on the ORDER BY time.
        var tieBreakers: (Int64, Int64)
        var sequence: Int
        var reference: RowReference
        /// The partition's index in `states`, found once when the row arrives.
        var partition: Int
    }

    let partitionKeys: [Int]
    let orderKey: Int
    let tieBreakColumns: [Int]
    let calls: [OverCall]
    let argumentEvaluators: [VectorEvaluator?]
    let defaultEvaluators: [VectorEvaluator?]
    let inputTypes: [DataType]
    let context: EvaluationContext
    /// Per call: whether tied rows share its result (RANGE-frame aggregates do; ROWS frames and
    /// window functions give each row its own).
    let sharesPeers: [Bool]
    let usesPeers: Bool
    private var retained = RetainedBatches()
    private var pending: [Pending] = []
    private var sequence = 0
    private var watermark = Int64.min
    /// Rows whose LEAD values wait for later rows of their partition: the row's cells and results.
    private var awaitingLead: [Int: [(cells: [Value], results: [Value])]] = [:]
    let leadCalls: [Int]
    private var partitions = KeySlots()
    private var states: [[OverAccumulator]] = []
    public private(set) var metrics = OperatorMetrics()
    /// Where late rows go besides the count, when the job has a late-row table.
    var lateRows: LateRowChannel?

    public init(partitionKeys: [Int], orderKey: Int, calls: [OverCall], inputTypes: [DataType], rowtimeColumns: [Int], context: EvaluationContext) {
        self.partitionKeys = partitionKeys
        self.orderKey = orderKey
        self.calls = calls
        self.inputTypes = inputTypes
        self.tieBreakColumns = Array(rowtimeColumns.filter { $0 != orderKey }.prefix(2))
        self.context = context
        argumentEvaluators = calls.map { $0.arguments.first.map(ExpressionCompiler.compile) }
        defaultEvaluators = calls.map { ($0.function == "LAG" || $0.function == "LEAD") && $0.arguments.count > 2 ? ExpressionCompiler.compile($0.arguments[2]) : nil }
        sharesPeers = calls.map { $0.frame.unit == .range && !["LAG", "LEAD", "ROW_NUMBER"].contains($0.function) }
        usesPeers = sharesPeers.contains(true)
        leadCalls = calls.indices.filter { calls[$0].function == "LEAD" }
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        let times = batch.columns[orderKey]
        var accepted: [Int] = []
        accepted.reserveCapacity(batch.count)
        for row in 0..<batch.count {
            if times.isNull(row) || times.int64(row) <= watermark {
                metrics.lateRowsDropped += 1
                if !times.isNull(row) { try lateRows?.send(batch, row: row, time: times.int64(row)) }
            } else {
                accepted.append(row)
            }
        }
        if accepted.isEmpty { return }
        // Each call's argument column, then each LAG/LEAD default column, evaluated once on arrival.
        var attachments: [Column?] = []
        for evaluator in argumentEvaluators + defaultEvaluators {
            attachments.append(try evaluator.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) })
        }
        let id = retained.retain(batch, live: accepted.count, attachments: attachments)
        let rowPartitions = partitions.slots(of: batch, columns: partitionKeys)
        while states.count < partitions.count { states.append(calls.map { OverAccumulator(call: $0, defaultValue: .null) }) }
        for row in accepted {
            let ties = (tieBreaker(batch, row, 0), tieBreaker(batch, row, 1))
            let partition = rowPartitions[row]
            pending.append(Pending(time: times.int64(row), tieBreakers: ties, sequence: sequence,
                                   reference: RowReference(batch: id, row: Int32(row)), partition: partition))
            sequence += 1
        }
        metrics.rowsInState = pending.count
    }

    public func advanceWatermark(to newWatermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 {
        guard newWatermark > watermark else { return watermark }
        watermark = newWatermark
        var ready: [Pending] = []
        var waiting: [Pending] = []
        for row in pending {
            if row.time <= newWatermark { ready.append(row) } else { waiting.append(row) }
        }
        pending = waiting
        if !ready.isEmpty { try emit(ready, output: output) }
        metrics.rowsInState = pending.count
        return newWatermark
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        _ = try advanceWatermark(to: Int64.max, output: output)
        guard !leadCalls.isEmpty else { return }
        var builder = BatchBuilder(types: inputTypes + calls.map(\.type.type))
        for partition in awaitingLead.keys.sorted() {
            for row in awaitingLead[partition]! { builder.appendRow(row.cells + row.results) }
        }
        awaitingLead.removeAll()
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    /// LEAD(x, n) needs the row n places later in its partition, so rows wait in `awaitingLead`
    /// (holding their default) until it has been processed; the end of input emits the rest.
    private func emitWithLead(_ ordered: [Pending], output: OperatorOutput) throws(RuntimeError) {
        var builder = BatchBuilder(types: inputTypes + calls.map(\.type.type))
        for row in ordered {
            let batch = retained[row.reference.batch]
            let rowIndex = Int(row.reference.row)
            let accumulators = states[row.partition]
            let attachments = retained.attachments(row.reference.batch)
            var results: [Value] = []
            var leadArguments: [Int: Value] = [:]
            for (position, accumulator) in accumulators.enumerated() {
                let argument = attachments[position]?.value(rowIndex) ?? .null
                let fallback = attachments[calls.count + position]?.value(rowIndex) ?? .null
                if calls[position].function == "LEAD" {
                    leadArguments[position] = argument
                    results.append(fallback)
                    continue
                }
                accumulator.add(time: row.time, argument: argument)
                if accumulator.kind == .lag, accumulator.lagIsMissing {
                    results.append(fallback)
                } else {
                    results.append(accumulator.result())
                }
            }
            var queue = awaitingLead[row.partition] ?? []
            for call in leadCalls {
                let offset = calls[call].arguments.count > 1 ? Int(ConstantFolder.integer(calls[call].arguments[1]) ?? 1) : 1
                if offset == 0 { continue }
                if queue.count >= offset { queue[queue.count - offset].results[call] = leadArguments[call]! }
            }
            queue.append((batch.row(rowIndex), results))
            let longest = leadCalls.map { calls[$0].arguments.count > 1 ? Int(ConstantFolder.integer(calls[$0].arguments[1]) ?? 1) : 1 }.max() ?? 0
            while queue.count > longest {
                let done = queue.removeFirst()
                builder.appendRow(done.cells + done.results)
            }
            awaitingLead[row.partition] = queue
            retained.release(row.reference)
        }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    private func tieBreaker(_ batch: Batch, _ row: Int, _ position: Int) -> Int64 {
        guard position < tieBreakColumns.count else { return 0 }
        let column = batch.columns[tieBreakColumns[position]]
        return column.isNull(row) ? Int64.min : column.int64(row)
    }

    private func emit(_ rows: [Pending], output: OperatorOutput) throws(RuntimeError) {
        let precedes = { (a: Pending, b: Pending) -> Bool in
            if a.time != b.time { return a.time < b.time }
            if a.tieBreakers != b.tieBreakers { return a.tieBreakers < b.tieBreakers }
            return a.sequence < b.sequence
        }
        // Sources are read in event-time order, so the rows are usually in order already.
        let isOrdered = zip(rows, rows.dropFirst()).allSatisfy { precedes($0, $1) }
        let ordered = isOrdered ? rows : rows.sorted(by: precedes)
        if !leadCalls.isEmpty { return try emitWithLead(ordered, output: output) }
        var inputs = Batch.gather(ordered.map(\.reference), types: inputTypes) { retained[$0] }
        var results = calls.map { ColumnBuilder(type: $0.type.type, capacity: ordered.count) }
        var index = 0
        // Consecutive rows mostly come from one retained batch, so its argument columns are looked up once per run.
        var argumentBatch = -1
        var argumentColumns: [Column?] = []
        while index < ordered.count {
            var end = index + 1
            if usesPeers {
                while end < ordered.count, ordered[end].time == ordered[index].time, ordered[end].partition == ordered[index].partition { end += 1 }
            }
            let accumulators = states[ordered[index].partition]
            for row in ordered[index..<end] {
                let rowIndex = Int(row.reference.row)
                if row.reference.batch != argumentBatch {
                    argumentBatch = row.reference.batch
                    argumentColumns = retained.attachments(argumentBatch)
                }
                for (position, accumulator) in accumulators.enumerated() {
                    let argument = argumentColumns[position]
                    if accumulator.isNumeric {
                        accumulator.addNumber(time: row.time, argument: argument.flatMap { $0.isNull(rowIndex) ? nil : $0.double(rowIndex) })
                        if !sharesPeers[position] {
                            if let value = accumulator.numberResult() { results[position].appendDouble(value) } else { results[position].appendNull() }
                        }
                        continue
                    }
                    accumulator.add(time: row.time, argument: argument?.value(rowIndex) ?? .null)
                    if accumulator.kind == .lag, accumulator.lagIsMissing {
                        results[position].append(argumentColumns[calls.count + position]?.value(rowIndex) ?? .null)
                    } else if !sharesPeers[position] {
                        results[position].append(accumulator.result())
                    }
                }
            }
            for position in calls.indices where sharesPeers[position] {
                let shared: Value
                if accumulators[position].isNumeric {
                    shared = accumulators[position].numberResult().map(Value.double) ?? .null
                } else {
                    shared = accumulators[position].result()
                }
                for _ in index..<end { results[position].append(shared) }
            }
            index = end
        }
        for row in ordered { retained.release(row.reference) }
        inputs.columns += results.map { $0.build() }
        metrics.rowsOut += inputs.count
        try output.emit(inputs)
    }
}
