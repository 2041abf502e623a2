// Join: an equi-join without time bounds, over inserts and retractions, with optional state TTL.
import BrookCore
import BrookPlanner
import Foundation

/// Keeps every row of both sides per key (a multiset, so retractions remove one copy) and emits
/// joined rows as either side changes. Outer joins track how many partners each row has and
/// swap its NULL-padded row in and out as that count leaves and returns to zero, as Flink does.
/// With `table.exec.state.ttl`, a row no longer matches once that long has passed since it was
/// stored or, on an outer side, since its count of partners last changed (Flink's TTL counts from
/// a state entry's creation and writes); a sweep over the whole state, at most every tenth of the
/// TTL and every second at most, frees such rows.
public final class RegularJoinOperator: StreamOperator {
    struct Stored {
        var values: [Value]
        var matches: Int
        var touched: Double
    }

    let type: JoinType
    let keys: [[Int]]
    let widths: [Int]
    let residual: VectorEvaluator?
    let outputTypes: [DataType]
    let ttl: Double?
    let context: EvaluationContext
    /// Processing time in seconds, which the TTL counts in (a test passes a clock it moves by hand).
    let clock: () -> Double
    private var state: [[[Value]: [Stored]]] = [[:], [:]]
    private lazy var lastSweep = clock()
    public private(set) var metrics = OperatorMetrics()

    public init(type: JoinType, leftKeys: [Int], rightKeys: [Int], residual: VectorEvaluator?, leftTypes: [DataType], rightTypes: [DataType],
                ttlMilliseconds: Int64?, context: EvaluationContext, clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.type = type
        keys = [leftKeys, rightKeys]
        widths = [leftTypes.count, rightTypes.count]
        self.residual = residual
        outputTypes = leftTypes + rightTypes
        ttl = ttlMilliseconds.map { Double($0) / 1000 }
        self.context = context
        self.clock = clock
    }

    private func padsUnmatched(_ side: Int) -> Bool {
        side == 0 ? (type == .left || type == .full) : (type == .right || type == .full)
    }

    private func joined(_ side: Int, _ mine: [Value], _ other: [Value]) -> [Value] {
        side == 0 ? mine + other : other + mine
    }

    private func padded(_ side: Int, _ row: [Value]) -> [Value] {
        let nulls = [Value](repeating: .null, count: widths[1 - side])
        return side == 0 ? row + nulls : nulls + row
    }

    private func passes(_ row: [Value]) throws(RuntimeError) -> Bool {
        guard let residual else { return true }
        var builder = BatchBuilder(types: outputTypes, capacity: 1)
        builder.appendRow(row)
        let result = try residual(builder.flush(), context)
        return !result.isNull(0) && result.boolean(0)
    }

    public func process(_ batch: Batch, port side: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        let other = 1 - side
        var builder = BatchBuilder(types: outputTypes)
        let now = clock()
        for row in 0..<batch.count {
            let values = batch.row(row)
            let key = keys[side].map { values[$0] }
            if key.contains(where: \.isNull) {
                if padsUnmatched(side) { builder.appendRow(padded(side, values), kind: batch.kind(row).isAccumulate ? .insert : .delete) }
                continue
            }
            var partners = state[other][key] ?? []
            var matchCount = 0
            let accumulate = batch.kind(row).isAccumulate
            for index in partners.indices {
                if let ttl, now - partners[index].touched > ttl { continue }
                let output = joined(side, values, partners[index].values)
                guard try passes(output) else { continue }
                matchCount += 1
                if padsUnmatched(other) { partners[index].touched = now }
                if accumulate {
                    if partners[index].matches == 0 && padsUnmatched(other) {
                        builder.appendRow(padded(other, partners[index].values), kind: .delete)
                    }
                    partners[index].matches += 1
                    builder.appendRow(output, kind: .insert)
                } else {
                    partners[index].matches -= 1
                    builder.appendRow(output, kind: .delete)
                    if partners[index].matches == 0 && padsUnmatched(other) {
                        builder.appendRow(padded(other, partners[index].values), kind: .insert)
                    }
                }
            }
            if !partners.isEmpty { state[other][key] = partners }
            if matchCount == 0 && padsUnmatched(side) {
                builder.appendRow(padded(side, values), kind: accumulate ? .insert : .delete)
            }
            if accumulate {
                state[side][key, default: []].append(Stored(values: values, matches: matchCount, touched: now))
            } else if let index = state[side][key]?.firstIndex(where: { $0.values == values }) {
                state[side][key]!.remove(at: index)
                if state[side][key]!.isEmpty { state[side][key] = nil }
            }
        }
        if let ttl, now - lastSweep >= min(1, ttl / 10) {
            lastSweep = now
            for side in 0..<2 {
                state[side] = state[side].compactMapValues { rows in
                    let live = rows.filter { now - $0.touched <= ttl }
                    return live.isEmpty ? nil : live
                }
            }
        }
        metrics.rowsInState = state[0].values.reduce(0) { $0 + $1.count } + state[1].values.reduce(0) { $0 + $1.count }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }
}
