// Sorting operators: temporal sort in streaming, full sort at end of input in batch, and top-N.
import BrookCore
import BrookPlanner

/// Compares rows by sort keys (NULLs placed as each key asks).
struct RowComparator {
    let keys: [SortKey]

    func less(_ a: [Value], _ b: [Value]) -> Bool {
        for key in keys {
            let x = a[key.column]
            let y = b[key.column]
            if x.isNull != y.isNull { return x.isNull == key.nullsFirst }
            let order = ValueOrder.compare(x, y)
            if order != 0 { return key.descending ? order > 0 : order < 0 }
        }
        return false
    }

    /// The position in `rows` (kept in this order) after every row that sorts before or equal to
    /// `values`, so ties keep arrival order.
    func insertionPoint(of values: [Value], in rows: [[Value]]) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if less(values, rows[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// ORDER BY a rowtime in streaming: holds rows until the watermark passes them, then emits them in order.
public final class TemporalSortOperator: StreamOperator {
    let comparator: RowComparator
    let types: [DataType]
    /// Where late rows go besides the count, when the job has a late-row table.
    var lateRows: LateRowChannel?
    private var pending: [[Value]] = []
    private var watermark = Int64.min
    public private(set) var metrics = OperatorMetrics()

    public init(keys: [SortKey], types: [DataType]) {
        comparator = RowComparator(keys: keys)
        self.types = types
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        let timeColumn = comparator.keys[0].column
        for row in 0..<batch.count {
            let values = batch.row(row)
            if case .timestamp(let time) = values[timeColumn], time <= watermark {
                metrics.lateRowsDropped += 1
                try lateRows?.send(batch, row: row, time: time)
                continue
            }
            pending.append(values)
        }
        metrics.rowsInState = pending.count
    }

    public func advanceWatermark(to newWatermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 {
        watermark = max(watermark, newWatermark)
        let timeColumn = comparator.keys[0].column
        var ready: [[Value]] = []
        pending.removeAll { row in
            guard case .timestamp(let time) = row[timeColumn], time <= newWatermark else { return false }
            ready.append(row)
            return true
        }
        guard !ready.isEmpty else { return newWatermark }
        var builder = BatchBuilder(types: types, capacity: ready.count)
        for row in ready.enumerated().sorted(by: { comparator.less($0.element, $1.element) || (!comparator.less($1.element, $0.element) && $0.offset < $1.offset) }) {
            builder.appendRow(row.element)
        }
        metrics.rowsOut += builder.count
        metrics.rowsInState = pending.count
        try output.emit(builder.flush())
        return newWatermark
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        _ = try advanceWatermark(to: Int64.max, output: output)
    }
}

/// ORDER BY [LIMIT] in batch mode: everything at end of input.
public final class BatchSortOperator: StreamOperator {
    let comparator: RowComparator
    let limit: Int64?
    let types: [DataType]
    private var rows: [[Value]] = []
    public private(set) var metrics = OperatorMetrics()

    public init(keys: [SortKey], limit: Int64?, types: [DataType]) {
        comparator = RowComparator(keys: keys)
        self.limit = limit
        self.types = types
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        for row in 0..<batch.count { rows.append(batch.row(row)) }
        metrics.rowsInState = rows.count
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        let sorted = rows.enumerated().sorted { comparator.less($0.element, $1.element) || (!comparator.less($1.element, $0.element) && $0.offset < $1.offset) }
        var builder = BatchBuilder(types: types, capacity: sorted.count)
        for row in sorted.prefix(limit.map { Int($0) } ?? sorted.count) { builder.appendRow(row.element) }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }
}

/// ORDER BY ... LIMIT n in streaming: keeps the best n rows and emits changes as they are displaced.
/// When its input can retract rows, it also keeps every row below the top, since a retraction in
/// the top lets the best of them back in; an append-only input never needs them.
public final class TopNOperator: StreamOperator {
    let comparator: RowComparator
    let limit: Int
    let types: [DataType]
    let keepsDisplacedRows: Bool
    /// The rows in order; the first `limit` are the result.
    private var ranked: [[Value]] = []
    public private(set) var metrics = OperatorMetrics()

    public init(keys: [SortKey], limit: Int64, types: [DataType], inputRetracts: Bool) {
        comparator = RowComparator(keys: keys)
        self.limit = Int(limit)
        self.types = types
        keepsDisplacedRows = inputRetracts
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var builder = BatchBuilder(types: types)
        for row in 0..<batch.count {
            let values = batch.row(row)
            if batch.kind(row).isAccumulate {
                let position = comparator.insertionPoint(of: values, in: ranked)
                guard position < limit || keepsDisplacedRows else { continue }
                ranked.insert(values, at: position)
                guard position < limit else { continue }
                builder.appendRow(values, kind: .insert)
                if ranked.count > limit {
                    builder.appendRow(ranked[limit], kind: .delete)
                    if !keepsDisplacedRows { ranked.removeLast() }
                }
            } else if let index = ranked.firstIndex(of: values) {
                ranked.remove(at: index)
                guard index < limit else { continue }
                builder.appendRow(values, kind: .delete)
                if ranked.count >= limit { builder.appendRow(ranked[limit - 1], kind: .insert) }
            }
        }
        metrics.rowsInState = ranked.count
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }
}
