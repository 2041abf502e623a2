// WindowAggregate: one result row per key and window, emitted once the watermark passes the window.
import BrookCore
import BrookPlanner

/// Aggregates rows already assigned to windows (by a window table function) per group key and
/// window; a window's row is emitted when the watermark passes its window time (end - 1 ms) and
/// its state is freed. Rows for windows the watermark has passed are late and dropped.
public final class WindowAggregateOperator: StreamOperator {
    /// A group key and window; `RowKey` hashes a string key by its bytes and needs no array for one column.
    struct WindowKey: Hashable {
        var key: RowKey
        var windowTime: Int64
    }

    let groupKeys: [Int]
    let windowEndColumn: Int
    let endIsLocalTime: Bool
    let calls: [AggregateCall]
    let arguments: [VectorEvaluator?]
    let outputTypes: [DataType]
    let context: EvaluationContext
    private var groups: [WindowKey: [AggregateAccumulator]] = [:]
    private var order: [WindowKey] = []
    private var watermark = Int64.min
    public private(set) var metrics = OperatorMetrics()
    /// Where late rows go besides the count, when the job has a late-row table.
    var lateRows: LateRowChannel?

    /// `windowEndColumn` holds window_end (wall clock); when the windows were assigned on a
    /// TIMESTAMP_LTZ, `endIsLocalTime` converts it to the instant the watermark measures.
    public init(groupKeys: [Int], windowEndColumn: Int, endIsLocalTime: Bool, calls: [AggregateCall], outputTypes: [DataType], context: EvaluationContext) {
        self.groupKeys = groupKeys
        self.windowEndColumn = windowEndColumn
        self.endIsLocalTime = endIsLocalTime
        self.calls = calls
        arguments = calls.map { $0.arguments.first.map(ExpressionCompiler.compile) }
        self.outputTypes = outputTypes
        self.context = context
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var values: [Column?] = []
        for argument in arguments { values.append(try argument.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) }) }
        let windowEnds = batch.columns[windowEndColumn]
        for row in 0..<batch.count {
            let end = windowEnds.int64(row)
            let windowTime = (endIsLocalTime ? context.timeZone.instant(fromLocal: end) : end) - 1000
            if windowTime <= watermark {
                metrics.lateRowsDropped += 1
                try lateRows?.send(batch, row: row, time: windowTime)
                continue
            }
            let key = WindowKey(key: RowKey.of(batch, row: row, columns: groupKeys), windowTime: windowTime)
            let accumulators: [AggregateAccumulator]
            if let existing = groups[key] {
                accumulators = existing
            } else {
                accumulators = calls.map { AggregateAccumulator(call: $0, retracts: false) }
                groups[key] = accumulators
                order.append(key)
            }
            for (index, accumulator) in accumulators.enumerated() {
                accumulator.apply(values[index]?.value(row) ?? .null, sign: 1)
            }
        }
        metrics.rowsInState = groups.count
    }

    public func advanceWatermark(to newWatermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 {
        guard newWatermark > watermark else { return watermark }
        watermark = newWatermark
        let ready = order.filter { $0.windowTime <= newWatermark }.sorted { $0.windowTime < $1.windowTime }
        guard !ready.isEmpty else { return newWatermark }
        order.removeAll { $0.windowTime <= newWatermark }
        var builder = BatchBuilder(types: outputTypes, capacity: ready.count)
        for key in ready {
            let accumulators = groups.removeValue(forKey: key)!
            let row = key.key.values + accumulators.map { $0.result() }
            builder.appendRow(row)
        }
        metrics.rowsOut += builder.count
        metrics.rowsInState = groups.count
        try output.emit(builder.flush())
        return newWatermark
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        _ = try advanceWatermark(to: Int64.max, output: output)
    }
}
