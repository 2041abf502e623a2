// Join: an equi-join without time bounds, over inserts and retractions, with optional state TTL.
import BrookCore
import BrookPlanner
import Foundation

/// Keeps every row of both sides per key (a multiset, so a retraction removes one equal copy) and
/// emits joined rows as either side changes. Outer joins track how many partners each row has
/// and swap its NULL-padded row in and out as that count leaves and returns to zero, as Flink
/// does. Rows stay in their arriving batches (`RetainedBatches`); state holds references, and
/// output rows are copied cell by cell from those batches. With `table.exec.state.ttl`, a row no
/// longer matches once that long has passed since it was stored or, on an outer side, since its
/// count of partners last changed (Flink's TTL counts from a state entry's creation and writes);
/// a sweep over the whole state, at most every tenth of the TTL and every second at most, frees
/// such rows and keys left without rows.
public final class RegularJoinOperator: StreamOperator {
    struct Stored {
        var reference: RowReference
        var matches: Int
        var touched: Double
    }

    /// Where a cell of an output row comes from.
    enum Source {
        case arriving(Int)
        case stored(RowReference)
        case nulls
    }

    /// An output row: its change kind and each side's source.
    struct Emission {
        var kind: ChangeKind
        var left: Source
        var right: Source
    }

    /// A stored partner a row of the arriving batch may join, found before the residual runs.
    struct Candidate {
        var row: Int
        var partner: Int
    }

    let type: JoinType
    let keys: [[Int]]
    let types: [[DataType]]
    let residual: VectorEvaluator?
    private var ttl: StateTTL
    let context: EvaluationContext
    private var retained = [RetainedBatches(), RetainedBatches()]
    /// Per side, per key slot: the stored rows, in arrival order.
    private var rows: [[[Stored]]] = [[], []]
    private var slots = RecyclingKeySlots()
    private var stored = 0
    public private(set) var metrics = OperatorMetrics()

    public init(type: JoinType, leftKeys: [Int], rightKeys: [Int], residual: VectorEvaluator?, leftTypes: [DataType], rightTypes: [DataType],
                ttlMilliseconds: Int64?, context: EvaluationContext, clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.type = type
        keys = [leftKeys, rightKeys]
        types = [leftTypes, rightTypes]
        self.residual = residual
        ttl = StateTTL(milliseconds: ttlMilliseconds, clock: clock)
        self.context = context
    }

    private func padsUnmatched(_ side: Int) -> Bool {
        side == 0 ? (type == .left || type == .full) : (type == .right || type == .full)
    }

    private func slot(for key: RowKey) -> Int {
        let slot = slots.slot(for: key)
        while rows[0].count < slots.capacity {
            rows[0].append([])
            rows[1].append([])
        }
        return slot
    }


    public func process(_ batch: Batch, port side: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        let other = 1 - side
        let now = ttl.clock()
        let keyColumns = keys[side].map { batch.columns[$0] }
        var rowSlots = [Int](repeating: -1, count: batch.count)
        var candidates: [Candidate] = []
        for row in 0..<batch.count where !keyColumns.contains(where: { $0.isNull(row) }) {
            let keySlot = slot(for: RowKey.of(batch, row: row, columns: keys[side]))
            rowSlots[row] = keySlot
            for (index, partner) in rows[other][keySlot].enumerated() where ttl.isLive(touched: partner.touched, now: now) {
                candidates.append(Candidate(row: row, partner: index))
            }
        }
        let passing = try residualPasses(candidates, slots: rowSlots, arriving: batch, side: side)
        let batchID = retained[side].nextIdentifier
        var kept = 0
        var emissions: [Emission] = []
        func emit(_ kind: ChangeKind, mine: Source, theirs: Source) {
            emissions.append(side == 0 ? Emission(kind: kind, left: mine, right: theirs) : Emission(kind: kind, left: theirs, right: mine))
        }
        var next = 0
        for row in 0..<batch.count {
            let accumulate = batch.kind(row).isAccumulate
            let keySlot = rowSlots[row]
            guard keySlot >= 0 else {
                if padsUnmatched(side) { emit(accumulate ? .insert : .delete, mine: .arriving(row), theirs: .nulls) }
                continue
            }
            var matchCount = 0
            // An inner join passes on its input's change kind (-U/+U stay updates), as Flink does; outer joins insert and delete.
            let joinedKind = type == .inner ? batch.kind(row) : (accumulate ? .insert : .delete)
            while next < candidates.count, candidates[next].row == row {
                defer { next += 1 }
                guard passing[next] else { continue }
                let index = candidates[next].partner
                let partner = rows[other][keySlot][index].reference
                matchCount += 1
                if padsUnmatched(other) { rows[other][keySlot][index].touched = now }
                if accumulate {
                    if rows[other][keySlot][index].matches == 0 && padsUnmatched(other) { emit(.delete, mine: .nulls, theirs: .stored(partner)) }
                    rows[other][keySlot][index].matches += 1
                    emit(joinedKind, mine: .arriving(row), theirs: .stored(partner))
                } else {
                    rows[other][keySlot][index].matches -= 1
                    emit(joinedKind, mine: .arriving(row), theirs: .stored(partner))
                    if rows[other][keySlot][index].matches == 0 && padsUnmatched(other) { emit(.insert, mine: .nulls, theirs: .stored(partner)) }
                }
            }
            if matchCount == 0 && padsUnmatched(side) {
                emit(accumulate ? .insert : .delete, mine: .arriving(row), theirs: .nulls)
            }
            if accumulate {
                rows[side][keySlot].append(Stored(reference: RowReference(batch: batchID, row: Int32(row)), matches: matchCount, touched: now))
                kept += 1
                stored += 1
            } else if let index = rows[side][keySlot].firstIndex(where: { sameRow($0.reference, side: side, as: batch, row, batchID: batchID) }) {
                let removed = rows[side][keySlot].remove(at: index)
                stored -= 1
                if removed.reference.batch == batchID { kept -= 1 } else { retained[side].release(removed.reference) }
            }
        }
        if kept > 0 { _ = retained[side].retain(batch, live: kept) }
        try output.emit(assemble(emissions, arriving: batch, side: side, batchID: batchID))
        sweepExpired(now: now)
        metrics.rowsInState = stored
    }

    /// For each candidate pair, whether the residual condition holds (all pass without one).
    private func residualPasses(_ candidates: [Candidate], slots: [Int], arriving batch: Batch, side: Int) throws(RuntimeError) -> [Bool] {
        guard let residual, !candidates.isEmpty else { return [Bool](repeating: true, count: candidates.count) }
        let other = 1 - side
        let mine = batch.take(candidates.map(\.row))
        let partners = Batch.gather(candidates.map { rows[other][slots[$0.row]][$0.partner].reference }, types: types[other]) { retained[other][$0] }
        let pairs = Batch(columns: side == 0 ? mine.columns + partners.columns : partners.columns + mine.columns, count: candidates.count)
        let result = try residual(pairs, context)
        return (0..<candidates.count).map { !result.isNull($0) && result.boolean($0) }
    }

    /// Whether the stored row `reference` of `side` holds the same values as row `row` of `batch`.
    private func sameRow(_ reference: RowReference, side: Int, as batch: Batch, _ row: Int, batchID: Int) -> Bool {
        let storedBatch = reference.batch == batchID ? batch : retained[side][reference.batch]
        let storedRow = Int(reference.row)
        return batch.columns.indices.allSatisfy { storedBatch.columns[$0].value(storedRow) == batch.columns[$0].value(row) }
    }

    private func assemble(_ emissions: [Emission], arriving batch: Batch, side: Int, batchID: Int) -> Batch {
        var builder = BatchBuilder(types: types[0] + types[1], capacity: emissions.count)
        let width = types[0].count
        for emission in emissions {
            for (position, source) in [emission.left, emission.right].enumerated() {
                let offset = position == 0 ? 0 : width
                switch source {
                case .nulls:
                    for column in types[position].indices { builder.columns[offset + column].appendNull() }
                case .arriving(let row):
                    for column in types[position].indices { builder.columns[offset + column].append(from: batch.columns[column], row: row) }
                case .stored(let reference):
                    let source = reference.batch == batchID && position == side ? batch : retained[position][reference.batch]
                    for column in types[position].indices { builder.columns[offset + column].append(from: source.columns[column], row: Int(reference.row)) }
                }
            }
            builder.finishRow(emission.kind)
        }
        metrics.rowsOut += builder.count
        return builder.flush()
    }

    /// Frees rows whose TTL has passed, and the slots of keys left without rows on either side.
    private func sweepExpired(now: Double) {
        guard ttl.sweepIsDue(now: now) else { return }
        for keySlot in slots.keys.indices where slots.keys[keySlot] != nil {
            for side in 0..<2 where !rows[side][keySlot].isEmpty {
                let before = rows[side][keySlot].count
                rows[side][keySlot].removeAll { row in
                    guard !ttl.isLive(touched: row.touched, now: now) else { return false }
                    retained[side].release(row.reference)
                    return true
                }
                stored -= before - rows[side][keySlot].count
            }
            if rows[0][keySlot].isEmpty, rows[1][keySlot].isEmpty { slots.release(keySlot) }
        }
    }
}
