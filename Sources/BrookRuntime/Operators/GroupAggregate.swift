// GroupAggregate: GROUP BY without windows; emits each group's new result as its rows change.
import BrookCore
import BrookPlanner
import Foundation

/// Keeps one set of accumulators per group. In streaming mode every input change updates its
/// group and emits the change: +I for a new group, -U/+U for a changed result, -D when the
/// group's last row is retracted. In batch mode it emits each group's final row once, at the end.
/// With `table.exec.state.ttl` (streaming), a group not updated for that long is forgotten, as in
/// Flink: no retraction is sent, and its key's next row starts a new group with +I; a sweep at
/// most every tenth of the TTL, and every second at most, frees such groups.
public final class GroupAggregateOperator: StreamOperator {
    struct Group {
        var accumulators: [AggregateAccumulator]
        var emitted: [Value]?
        /// Rows in the group (inserts minus retractions); the group ends at zero, with or without aggregate calls.
        var rows: Int64 = 0
        /// When the group last changed, in processing-time seconds.
        var touched = 0.0
    }

    let groupKeys: [Int]
    let calls: [AggregateCall]
    let arguments: [VectorEvaluator?]
    let outputTypes: [DataType]
    let isBatch: Bool
    /// Whether the input sends retractions; without them MIN and MAX keep only the extreme.
    let inputRetracts: Bool
    private var ttl: StateTTL
    let context: EvaluationContext
    private var groups: [RowKey: Group] = [:]
    /// Batch mode: the groups in the order they first appeared, for the final rows.
    private var order: [RowKey] = []
    public private(set) var metrics = OperatorMetrics()

    public init(groupKeys: [Int], calls: [AggregateCall], outputTypes: [DataType], isBatch: Bool, inputRetracts: Bool,
                ttlMilliseconds: Int64?, context: EvaluationContext, clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.groupKeys = groupKeys
        self.calls = calls
        arguments = calls.map { $0.arguments.first.map(ExpressionCompiler.compile) }
        self.outputTypes = outputTypes
        self.isBatch = isBatch
        self.inputRetracts = inputRetracts
        ttl = StateTTL(milliseconds: isBatch ? nil : ttlMilliseconds, clock: clock)
        self.context = context
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var values: [Column?] = []
        for argument in arguments { values.append(try argument.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) }) }
        var builder = BatchBuilder(types: outputTypes)
        let now = ttl.clock()
        for row in 0..<batch.count {
            let key = RowKey.of(batch, row: row, columns: groupKeys)
            var group: Group
            if let existing = groups[key], ttl.isLive(touched: existing.touched, now: now) {
                group = existing
            } else {
                group = Group(accumulators: calls.map { AggregateAccumulator(call: $0, retracts: inputRetracts) }, emitted: nil)
                if isBatch { order.append(key) }
            }
            group.touched = now
            let sign = batch.kind(row).isAccumulate ? 1 : -1
            for (index, accumulator) in group.accumulators.enumerated() {
                accumulator.apply(values[index]?.value(row) ?? .null, sign: sign)
            }
            group.rows += Int64(sign)
            let isEmpty = group.rows <= 0
            if !isBatch {
                let current = isEmpty ? nil : key.values + group.accumulators.map { $0.result() }
                switch (group.emitted, current) {
                case (nil, let new?): builder.appendRow(new, kind: .insert)
                case (let old?, nil): builder.appendRow(old, kind: .delete)
                case (let old?, let new?) where old != new:
                    builder.appendRow(old, kind: .updateBefore)
                    builder.appendRow(new, kind: .updateAfter)
                default: break
                }
                group.emitted = current
            }
            if isEmpty {
                groups[key] = nil
                if isBatch { order.removeAll { $0 == key } }
            } else {
                groups[key] = group
            }
        }
        if ttl.sweepIsDue(now: now) { groups = groups.filter { ttl.isLive(touched: $0.value.touched, now: now) } }
        metrics.rowsInState = groups.count
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        guard isBatch else { return }
        var builder = BatchBuilder(types: outputTypes, capacity: groups.count)
        for key in order {
            guard let group = groups[key] else { continue }
            builder.appendRow(key.values + group.accumulators.map { $0.result() })
        }
        // Without GROUP BY there is one group even when no row arrived (COUNT 0, SUM NULL), as SQL requires.
        if groupKeys.isEmpty, builder.count == 0 {
            builder.appendRow(calls.map { AggregateAccumulator(call: $0).result() })
        }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }
}
