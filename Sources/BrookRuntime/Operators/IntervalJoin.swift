// IntervalJoin: joins rows whose rowtimes lie within fixed bounds; the watermark frees its state.
import BrookCore
import BrookPlanner

/// A join on equal keys and `left.time - right.time` within [lower, upper]. Each side's rows are
/// kept, per key and in time order, only while a future row of the other side could still match them; outer joins emit a
/// NULL-padded row when an unmatched row leaves state. Output rows can be older than the input
/// watermark by the join's bounds, so the forwarded watermark is held back by that much.
public final class IntervalJoinOperator: StreamOperator {
    struct Entry {
        var time: Int64
        var reference: RowReference
        var matched: Bool
    }

    /// A candidate output row: an arriving row and a buffered partner, and where the partner sits.
    struct Pair {
        var row: Int
        var partner: RowReference
        var slot: Int
        var bufferedIndex: Int
    }

    struct Side {
        var keys: [Int]
        var timeColumn: Int
        var types: [DataType]
        var retained = RetainedBatches()
        /// Rows in state per key slot (see `slots`), in time order.
        var buffers: [[Entry]] = []
        /// Slots whose buffer is not empty, so the watermark visits only those.
        var occupied = Set<Int>()
        var stored = 0
        var emitsUnmatched: Bool
    }

    let lower: Int64
    let upper: Int64
    let holdBack: Int64
    let residual: VectorEvaluator?
    let context: EvaluationContext
    private var sides: [Side]
    /// Each join key's slot in both sides' buffers: one lookup per arriving row, then array indexing.
    private var slots = KeySlots()

    /// Each row's key slot in `batch`, with both sides' buffers grown to hold any new keys.
    private func keySlots(of batch: Batch, port: Int) -> [Int] {
        let result = slots.slots(of: batch, columns: sides[port].keys)
        while sides[0].buffers.count < slots.count {
            sides[0].buffers.append([])
            sides[1].buffers.append([])
        }
        return result
    }
    private var watermark = Int64.min
    public private(set) var metrics = OperatorMetrics()
    /// Where late rows of each input go besides the count, when the job has a late-row table.
    var lateRows: [LateRowChannel?] = [nil, nil]

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

    /// The other side's times a row at `time` on `port` matches: none when the bounds are inverted
    /// (`BETWEEN b.t + 1 DAY AND b.t - 1 DAY`), which the caller checks.
    private func partnerRange(_ time: Int64, port: Int) -> (lower: Int64, upper: Int64) {
        port == 0 ? (time - upper, time - lower) : (time + lower, time + upper)
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
        var kept: [(slot: Int, entry: Entry)] = []
        let id = retainedPlaceholder(port)
        let keyColumns = sides[port].keys.map { batch.columns[$0] }
        let rowSlots = keySlots(of: batch, port: port)
        // A NULL key matches nothing, so on an outer side its row is emitted padded at once.
        var unmatchable = BatchBuilder(types: sides[0].types + sides[1].types)
        for row in 0..<batch.count {
            guard !times.isNull(row) else { continue }
            let time = times.int64(row)
            if time <= watermark {
                metrics.lateRowsDropped += 1
                try lateRows[port]?.send(batch, row: row, time: time)
                continue
            }
            if keyColumns.contains(where: { $0.isNull(row) }) {
                if sides[port].emitsUnmatched { appendPadded(batch, row: row, port: port, into: &unmatchable) }
                continue
            }
            let keySlot = rowSlots[row]
            let entry = Entry(time: time, reference: RowReference(batch: id, row: Int32(row)), matched: false)
            let range = partnerRange(time, port: port)
            var index = lower <= upper ? IntervalJoinOperator.firstIndex(in: sides[other].buffers[keySlot], notBefore: range.lower) : Int.max
            while index < sides[other].buffers[keySlot].count, sides[other].buffers[keySlot][index].time <= range.upper {
                pairs.append(Pair(row: row, partner: sides[other].buffers[keySlot][index].reference, slot: keySlot, bufferedIndex: index))
                index += 1
            }
            if lastUseful(time, port: port) > watermark || sides[port].emitsUnmatched {
                kept.append((slot: keySlot, entry: entry))
            }
        }
        if unmatchable.count > 0 {
            metrics.rowsOut += unmatchable.count
            try output.emit(unmatchable.flush())
        }
        var matchedNew = [Bool](repeating: false, count: batch.count)
        if !pairs.isEmpty {
            var joined = buildPairs(pairs, arriving: batch, port: port)
            var passing = Array(pairs.indices)
            if let residual {
                let keep = try residual(joined, context)
                passing = pairs.indices.filter { !keep.isNull($0) && keep.boolean($0) }
                joined = joined.take(passing)
            }
            for index in passing {
                let pair = pairs[index]
                sides[other].buffers[pair.slot][pair.bufferedIndex].matched = true
                matchedNew[pair.row] = true
            }
            metrics.rowsOut += joined.count
            try output.emit(joined)
        }
        if !kept.isEmpty {
            _ = sides[port].retained.retain(batch, live: kept.count)
            for item in kept {
                var entry = item.entry
                entry.matched = matchedNew[Int(entry.reference.row)]
                if sides[port].buffers[item.slot].isEmpty { sides[port].occupied.insert(item.slot) }
                IntervalJoinOperator.insertInTimeOrder(entry, into: &sides[port].buffers[item.slot])
            }
            sides[port].stored += kept.count
        }
        metrics.rowsInState = sides[0].stored + sides[1].stored
    }

    /// The position of the first entry at or after `time` in a buffer kept in time order.
    static func firstIndex(in entries: [Entry], notBefore time: Int64) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].time < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Inserts keeping time order; rows mostly arrive in order, so this is usually an append.
    static func insertInTimeOrder(_ entry: Entry, into entries: inout [Entry]) {
        guard let last = entries.last, last.time > entry.time else {
            entries.append(entry)
            return
        }
        var position = entries.count - 1
        while position > 0, entries[position - 1].time > entry.time { position -= 1 }
        entries.insert(entry, at: position)
    }

    /// The id the next retained batch of `port` will get, so entries can refer to it before it is retained.
    private func retainedPlaceholder(_ port: Int) -> Int { sides[port].retained.nextIdentifier }

    /// The joined rows of `pairs`: the arriving rows gathered from their batch, the partners from state.
    private func buildPairs(_ pairs: [Pair], arriving batch: Batch, port: Int) -> Batch {
        let mine = batch.take(pairs.map(\.row))
        let other = 1 - port
        let partners = Batch.gather(pairs.map(\.partner), types: sides[other].types) { sides[other].retained[$0] }
        return Batch(columns: port == 0 ? mine.columns + partners.columns : partners.columns + mine.columns, count: pairs.count)
    }

    public func advanceWatermark(to newWatermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 {
        guard newWatermark > watermark else { return forwarded(watermark) }
        watermark = newWatermark
        var padded = BatchBuilder(types: sides[0].types + sides[1].types)
        for port in 0..<2 {
            for keySlot in sides[port].occupied {
                let entries = sides[port].buffers[keySlot]
                var expired = 0
                while expired < entries.count, lastUseful(entries[expired].time, port: port) <= newWatermark { expired += 1 }
                guard expired > 0 else { continue }
                for entry in entries[..<expired] {
                    if sides[port].emitsUnmatched && !entry.matched {
                        appendPadded(entry, port: port, into: &padded)
                    }
                    sides[port].retained.release(entry.reference)
                }
                sides[port].stored -= expired
                sides[port].buffers[keySlot].removeFirst(expired)
                if sides[port].buffers[keySlot].isEmpty { sides[port].occupied.remove(keySlot) }
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
        appendPadded(sides[port].retained[entry.reference.batch], row: Int(entry.reference.row), port: port, into: &builder)
    }

    /// Row `row` of `batch`, arriving on `port`, with NULLs for the other side's columns.
    private func appendPadded(_ batch: Batch, row: Int, port: Int, into builder: inout BatchBuilder) {
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
