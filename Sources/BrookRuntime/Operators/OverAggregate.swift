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
        var tieBreakers: [Int64]
        var sequence: Int
        var reference: RowReference
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
    /// Per retained batch: each call's argument column, evaluated once on arrival.
    private var arguments: [Int: [Column?]] = [:]
    private var defaults: [Int: [Column?]] = [:]
    private var pending: [Pending] = []
    private var sequence = 0
    private var watermark = Int64.min
    private var partitions: [RowKey: [OverAccumulator]] = [:]
    public private(set) var metrics = OperatorMetrics()

    public init(partitionKeys: [Int], orderKey: Int, calls: [OverCall], inputTypes: [DataType], rowtimeColumns: [Int], context: EvaluationContext) {
        self.partitionKeys = partitionKeys
        self.orderKey = orderKey
        self.calls = calls
        self.inputTypes = inputTypes
        self.tieBreakColumns = rowtimeColumns.filter { $0 != orderKey }
        self.context = context
        argumentEvaluators = calls.map { $0.arguments.first.map(ExpressionCompiler.compile) }
        defaultEvaluators = calls.map { ($0.function == "LAG" || $0.function == "LEAD") && $0.arguments.count > 2 ? ExpressionCompiler.compile($0.arguments[2]) : nil }
        sharesPeers = calls.map { $0.frame.unit == .range && !["LAG", "LEAD", "ROW_NUMBER"].contains($0.function) }
        usesPeers = sharesPeers.contains(true)
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        let times = batch.columns[orderKey]
        var accepted: [Int] = []
        accepted.reserveCapacity(batch.count)
        for row in 0..<batch.count {
            if times.isNull(row) || times.int64(row) <= watermark {
                metrics.lateRowsDropped += 1
            } else {
                accepted.append(row)
            }
        }
        if accepted.isEmpty { return }
        let id = retained.retain(batch, live: accepted.count)
        var argumentColumns: [Column?] = []
        var defaultColumns: [Column?] = []
        for evaluator in argumentEvaluators { argumentColumns.append(try evaluator.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) }) }
        for evaluator in defaultEvaluators { defaultColumns.append(try evaluator.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) }) }
        arguments[id] = argumentColumns
        defaults[id] = defaultColumns
        for row in accepted {
            let ties = tieBreakColumns.map { batch.columns[$0].isNull(row) ? Int64.min : batch.columns[$0].int64(row) }
            pending.append(Pending(time: times.int64(row), tieBreakers: ties, sequence: sequence, reference: RowReference(batch: id, row: Int32(row))))
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
    }

    private func emit(_ rows: [Pending], output: OperatorOutput) throws(RuntimeError) {
        let ordered = rows.sorted { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.tieBreakers != b.tieBreakers { return a.tieBreakers.lexicographicallyPrecedes(b.tieBreakers) }
            return a.sequence < b.sequence
        }
        var builder = BatchBuilder(types: inputTypes + calls.map(\.type.type), capacity: ordered.count)
        var index = 0
        while index < ordered.count {
            var end = index + 1
            if usesPeers {
                let key = key(of: ordered[index])
                while end < ordered.count, ordered[end].time == ordered[index].time, self.key(of: ordered[end]) == key { end += 1 }
            }
            let group = ordered[index..<end]
            var results: [[Value]] = []
            for row in group {
                let accumulators = state(for: row)
                for (position, accumulator) in accumulators.enumerated() {
                    accumulator.add(time: row.time, argument: arguments[row.reference.batch]?[position]?.value(Int(row.reference.row)) ?? .null)
                }
                results.append(accumulators.enumerated().map { position, accumulator in
                    if accumulator.function == "LAG", accumulator.lagIsMissing {
                        return defaults[row.reference.batch]?[position]?.value(Int(row.reference.row)) ?? .null
                    }
                    return sharesPeers[position] ? .null : accumulator.result()
                })
            }
            if usesPeers {
                let accumulators = state(for: group.first!)
                for position in calls.indices where sharesPeers[position] {
                    let shared = accumulators[position].result()
                    for offset in results.indices { results[offset][position] = shared }
                }
            }
            for (offset, row) in group.enumerated() {
                let batch = retained[row.reference.batch]
                let rowIndex = Int(row.reference.row)
                for column in 0..<inputTypes.count { builder.columns[column].append(from: batch.columns[column], row: rowIndex) }
                for (position, value) in results[offset].enumerated() {
                    builder.columns[inputTypes.count + position].append(value)
                }
                builder.finishRow()
                retained.release(row.reference)
                if !retained.contains(row.reference.batch) {
                    arguments[row.reference.batch] = nil
                    defaults[row.reference.batch] = nil
                }
            }
            index = end
        }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    private func key(of row: Pending) -> RowKey {
        RowKey.of(retained[row.reference.batch], row: Int(row.reference.row), columns: partitionKeys)
    }

    private func state(for row: Pending) -> [OverAccumulator] {
        let key = key(of: row)
        if let existing = partitions[key] { return existing }
        let created = calls.map { OverAccumulator(call: $0, defaultValue: .null) }
        partitions[key] = created
        return created
    }
}
