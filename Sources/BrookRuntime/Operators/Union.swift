// Union: forwards the rows of every input unchanged.

/// UNION ALL; the runner already combines the inputs' watermarks by minimum.
public final class UnionOperator: StreamOperator {
    public private(set) var metrics = OperatorMetrics()

    public init() {}

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        metrics.rowsOut += batch.count
        try output.emit(batch)
    }
}
