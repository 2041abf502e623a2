// Calc: filters rows by a condition, then projects them; the stateless workhorse.
import BrookCore

/// Evaluates the condition over each batch, keeps the rows where it is TRUE, and computes the
/// projection over those rows only. Change kinds pass through with their rows.
public final class CalcOperator: StreamOperator {
    let condition: VectorEvaluator?
    let projection: [VectorEvaluator]
    let context: EvaluationContext
    public private(set) var metrics = OperatorMetrics()

    public init(condition: VectorEvaluator?, projection: [VectorEvaluator], context: EvaluationContext) {
        self.condition = condition
        self.projection = projection
        self.context = context
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var input = batch
        if let condition {
            let keep = try condition(batch, context)
            var selected: [Int] = []
            selected.reserveCapacity(batch.count)
            for row in 0..<batch.count where !keep.isNull(row) && keep.boolean(row) { selected.append(row) }
            if selected.isEmpty { return }
            if selected.count < batch.count { input = batch.take(selected) }
        }
        var columns: [Column] = []
        columns.reserveCapacity(projection.count)
        for evaluator in projection { columns.append(try evaluator(input, context)) }
        metrics.rowsOut += input.count
        try output.emit(Batch(columns: columns, count: input.count, kinds: input.kinds))
    }
}
