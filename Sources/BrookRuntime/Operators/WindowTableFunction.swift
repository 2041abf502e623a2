// TUMBLE, HOP and CUMULATE: assigns each row to its windows, adding window_start, window_end, window_time.
import BrookCore
import BrookPlanner
import BrookSQL

/// Stateless window assignment. Windows are aligned in the session time zone's wall clock (a
/// one-day TUMBLE starts at local midnight), window_start and window_end are wall-clock
/// TIMESTAMP(3) values and window_time, the new rowtime, is the window end minus 1 ms.
public final class WindowTableFunctionOperator: StreamOperator {
    let kind: WindowFunctionKind
    let timeColumn: Int
    let size: Int64
    let step: Int64
    let offset: Int64
    let timeIsInstant: Bool
    let windowTimeType: DataType
    let context: EvaluationContext
    public private(set) var metrics = OperatorMetrics()

    public init(kind: WindowFunctionKind, timeColumn: Int, size: Int64, step: Int64, offset: Int64, timeType: DataType, context: EvaluationContext) {
        self.kind = kind
        self.timeColumn = timeColumn
        self.size = size * 1000
        self.step = step * 1000
        self.offset = offset * 1000
        timeIsInstant = timeType.isTimestampLTZ
        windowTimeType = timeIsInstant ? .timestampLTZ(precision: 3) : .timestamp(precision: 3)
        self.context = context
    }

    /// The [start, end) windows, in wall-clock microseconds, that contain wall-clock time `local`.
    func windows(containing local: Int64) -> [(Int64, Int64)] {
        func floorTo(_ value: Int64, _ unit: Int64) -> Int64 {
            let shifted = value - offset
            return (shifted >= 0 ? shifted / unit : (shifted - unit + 1) / unit) * unit + offset
        }
        switch kind {
        case .tumble:
            let start = floorTo(local, size)
            return [(start, start + size)]
        case .hop:
            var result: [(Int64, Int64)] = []
            var start = floorTo(local, step)
            while start > local - size {
                result.append((start, start + size))
                start -= step
            }
            return result.reversed()
        case .cumulate:
            let start = floorTo(local, size)
            var result: [(Int64, Int64)] = []
            var end = floorTo(local, step) + step
            while end <= start + size {
                result.append((start, end))
                end += step
            }
            return result
        }
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var rows: [Int] = []
        var starts = ColumnBuilder(type: .timestamp(precision: 3), capacity: batch.count)
        var ends = ColumnBuilder(type: .timestamp(precision: 3), capacity: batch.count)
        var times = ColumnBuilder(type: windowTimeType, capacity: batch.count)
        let column = batch.columns[timeColumn]
        for row in 0..<batch.count where !column.isNull(row) {
            let time = column.int64(row)
            let shift = timeIsInstant ? context.timeZone.offsetMicros(atInstant: time) : 0
            for (start, end) in windows(containing: time + shift) {
                rows.append(row)
                starts.appendInt64(start)
                ends.appendInt64(end)
                times.appendInt64(end - 1000 - shift)
            }
        }
        guard !rows.isEmpty else { return }
        var out = batch.take(rows)
        out.columns += [starts.build(), ends.build(), times.build()]
        metrics.rowsOut += out.count
        try output.emit(out)
    }
}
