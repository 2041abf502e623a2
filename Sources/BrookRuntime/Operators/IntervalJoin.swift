// IntervalJoin: joins rows whose rowtimes lie within fixed bounds; the watermark frees its state.
import BrookCore
import BrookPlanner

/// A join on equal keys and `left.time - right.time` within [lower, upper]. Each side's rows are
/// kept only while a future row of the other side could still match them; outer joins emit a
/// NULL-padded row when an unmatched row leaves state. Output rows can be older than the input
/// watermark by the join's bounds, so the forwarded watermark is held back by that much.
public final class IntervalJoinOperator: StreamOperator {
    struct Entry {
        var time: Int64
        var reference: RowReference
        var matched: Bool
    }

    /// A candidate output row: a left and a right row, and where the buffered one of them sits.
    struct Pair {
        var leftBatch: Batch
        var leftRow: Int
        var rightBatch: Batch
        var rightRow: Int
        var bufferedKey: RowKey
        var bufferedIndex: Int
    }

    struct Side {
        var keys: [Int]
        var timeColumn: Int
        var types: [DataType]
        var retained = RetainedBatches()
        var buffers: [RowKey: [Entry]] = [:]
        var emitsUnmatched: Bool
    }

    let lower: Int64
    let upper: Int64
    let holdBack: Int64
    let residual: VectorEvaluator?
    let context: EvaluationContext
    private var sides: [Side]
    private var watermark = Int64.min
    public private(set) var metrics = OperatorMetrics()

    public init(type: JoinType, leftKeys: [Int], rightKeys: [Int], bounds: IntervalBounds, residual: VectorEvaluator?,
                leftTypes: [DataType], rightTypes: [DataType], context: EvaluationContext) {
        lower = bounds.lower * 1000
        upper = bounds.upper * 1000
        holdBack = max(0, -lower, upper)
        self.residual = residual
        self.context = context
        sides = [
            Side(keys: leftKeys, timeColumn: bounds.leftTime, types: leftTypes, emitsUnmatched: type == .left || type == .full),
            Side(keys: rightKeys, timeColumn: bounds.rightTime, types: rightTypes, emitsUnmatched: type == .right || type == .full),
        ]
    }

    /// The range of the other side's times a row at `time` on `port` matches.
    private func partnerRange(_ time: Int64, port: Int) -> ClosedRange<Int64> {
        port == 0 ? (time - upper)...(time - lower) : (time + lower)...(time + upper)
    }

    /// The last time a row on `port` at `time` can still meet a future partner (whose time exceeds the watermark).
    private func lastUseful(_ time: Int64, port: Int) -> Int64 {
        port == 0 ? time - lower : time + upper
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        let other = 1 - port
        let times = batch.columns[sides[port].timeColumn]
        var pairs: [Pair] = []
        var kept: [(key: RowKey, entry: Entry)] = []
        let id = retainedPlaceholder(port)
        for row in 0..<batch.count {
            guard !times.isNull(row) else { continue }
            let time = times.int64(row)
            if time <= watermark {
                metrics.lateRowsDropped += 1
                continue
            }
            let key = RowKey.of(batch, row: row, columns: sides[port].keys)
            if key.hasNull { continue }
            let entry = Entry(time: time, reference: RowReference(batch: id, row: Int32(row)), matched: false)
            if let candidates = sides[other].buffers[key] {
                let range = partnerRange(time, port: port)
                for (index, candidate) in candidates.enumerated() where range.contains(candidate.time) {
                    let partner = sides[other].retained[candidate.reference.batch]
                    let partnerRow = Int(candidate.reference.row)
                    pairs.append(port == 0
                        ? Pair(leftBatch: batch, leftRow: row, rightBatch: partner, rightRow: partnerRow, bufferedKey: key, bufferedIndex: index)
                        : Pair(leftBatch: partner, leftRow: partnerRow, rightBatch: batch, rightRow: row, bufferedKey: key, bufferedIndex: index))
                }
            }
            if lastUseful(time, port: port) > watermark || sides[port].emitsUnmatched {
                kept.append((key: key, entry: entry))
            }
        }
        var matchedNew = Set<Int>()
        if !pairs.isEmpty {
            var joined = buildPairs(pairs)
            var passing = Array(pairs.indices)
            if let residual {
                let keep = try residual(joined, context)
                passing = pairs.indices.filter { !keep.isNull($0) && keep.boolean($0) }
                joined = joined.take(passing)
            }
            for index in passing {
                let pair = pairs[index]
                sides[other].buffers[pair.bufferedKey]?[pair.bufferedIndex].matched = true
                matchedNew.insert(port == 0 ? pair.leftRow : pair.rightRow)
            }
            metrics.rowsOut += joined.count
            try output.emit(joined)
        }
        if !kept.isEmpty {
            _ = sides[port].retained.retain(batch, live: kept.count)
            for item in kept {
                var entry = item.entry
                entry.matched = matchedNew.contains(Int(entry.reference.row))
                sides[port].buffers[item.key, default: []].append(entry)
            }
        }
        metrics.rowsInState = sides[0].buffers.values.reduce(0) { $0 + $1.count } + sides[1].buffers.values.reduce(0) { $0 + $1.count }
    }

    /// The id the next retained batch of `port` will get, so entries can refer to it before it is retained.
    private func retainedPlaceholder(_ port: Int) -> Int { sides[port].retained.nextIdentifier }

    private func buildPairs(_ pairs: [Pair]) -> Batch {
        var builder = BatchBuilder(types: sides[0].types + sides[1].types, capacity: pairs.count)
        let leftCount = sides[0].types.count
        for pair in pairs {
            for column in 0..<leftCount { builder.columns[column].append(from: pair.leftBatch.columns[column], row: pair.leftRow) }
            for column in 0..<sides[1].types.count { builder.columns[leftCount + column].append(from: pair.rightBatch.columns[column], row: pair.rightRow) }
            builder.finishRow()
        }
        return builder.flush()
    }

    public func advanceWatermark(to newWatermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 {
        guard newWatermark > watermark else { return forwarded(watermark) }
        watermark = newWatermark
        var padded = BatchBuilder(types: sides[0].types + sides[1].types)
        for port in 0..<2 {
            for (key, entries) in sides[port].buffers {
                var remaining: [Entry] = []
                for entry in entries {
                    if lastUseful(entry.time, port: port) > newWatermark {
                        remaining.append(entry)
                        continue
                    }
                    if sides[port].emitsUnmatched && !entry.matched {
                        appendPadded(entry, port: port, into: &padded)
                    }
                    sides[port].retained.release(entry.reference)
                }
                sides[port].buffers[key] = remaining.isEmpty ? nil : remaining
            }
        }
        if padded.count > 0 {
            metrics.rowsOut += padded.count
            try output.emit(padded.flush())
        }
        return forwarded(newWatermark)
    }

    private func forwarded(_ watermark: Int64) -> Int64 {
        watermark == Int64.min || watermark == Int64.max ? watermark : watermark - holdBack
    }

    private func appendPadded(_ entry: Entry, port: Int, into builder: inout BatchBuilder) {
        let batch = sides[port].retained[entry.reference.batch]
        let row = Int(entry.reference.row)
        let leftCount = sides[0].types.count
        for column in 0..<leftCount {
            if port == 0 { builder.columns[column].append(from: batch.columns[column], row: row) } else { builder.columns[column].appendNull() }
        }
        for column in 0..<sides[1].types.count {
            if port == 1 { builder.columns[leftCount + column].append(from: batch.columns[column], row: row) } else { builder.columns[leftCount + column].appendNull() }
        }
        builder.finishRow()
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        _ = try advanceWatermark(to: Int64.max, output: output)
    }
}
