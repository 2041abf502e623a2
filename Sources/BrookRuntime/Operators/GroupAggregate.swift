// GroupAggregate: GROUP BY without windows; emits each group's new result as its rows change.
import BrookCore
import BrookPlanner

/// Keeps one set of accumulators per group. In streaming mode every input change updates its
/// group and emits the change: +I for a new group, -U/+U for a changed result, -D when the
/// group's last row is retracted. In batch mode it emits each group's final row once, at the end.
public final class GroupAggregateOperator: StreamOperator {
    struct Group {
        var accumulators: [AggregateAccumulator]
        var emitted: [Value]?
    }

    let groupKeys: [Int]
    let calls: [AggregateCall]
    let arguments: [VectorEvaluator?]
    let outputTypes: [DataType]
    let isBatch: Bool
    /// Whether the input sends retractions; without them MIN and MAX keep only the extreme.
    let inputRetracts: Bool
    let context: EvaluationContext
    private var groups: [[Value]: Group] = [:]
    private var order: [[Value]] = []
    public private(set) var metrics = OperatorMetrics()

    public init(groupKeys: [Int], calls: [AggregateCall], outputTypes: [DataType], isBatch: Bool, inputRetracts: Bool, context: EvaluationContext) {
        self.groupKeys = groupKeys
        self.calls = calls
        arguments = calls.map { $0.arguments.first.map(ExpressionCompiler.compile) }
        self.outputTypes = outputTypes
        self.isBatch = isBatch
        self.inputRetracts = inputRetracts
        self.context = context
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var values: [Column?] = []
        for argument in arguments { values.append(try argument.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) }) }
        var builder = BatchBuilder(types: outputTypes)
        for row in 0..<batch.count {
            let key = groupKeys.map { batch.columns[$0].value(row) }
            var group = groups[key] ?? Group(accumulators: calls.map { AggregateAccumulator(call: $0, retracts: inputRetracts) }, emitted: nil)
            if groups[key] == nil { order.append(key) }
            let sign = batch.kind(row).isAccumulate ? 1 : -1
            for (index, accumulator) in group.accumulators.enumerated() {
                accumulator.apply(values[index]?.value(row) ?? .null, sign: sign)
            }
            let rows = group.accumulators.first?.rowCount ?? Int64(sign > 0 ? 1 : 0)
            let isEmpty = calls.isEmpty ? false : rows <= 0
            if !isBatch {
                let current = isEmpty ? nil : key + group.accumulators.map { $0.result() }
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
                order.removeAll { $0 == key }
            } else {
                groups[key] = group
            }
        }
        metrics.rowsInState = groups.count
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        guard isBatch else { return }
        var builder = BatchBuilder(types: outputTypes, capacity: groups.count)
        for key in order {
            guard let group = groups[key] else { continue }
            builder.appendRow(key + group.accumulators.map { $0.result() })
        }
        // Without GROUP BY there is one group even when no row arrived (COUNT 0, SUM NULL), as SQL requires.
        if groupKeys.isEmpty, builder.count == 0 {
            builder.appendRow(calls.map { AggregateAccumulator(call: $0).result() })
        }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }
}
