// Flink's Top-N: the best rows of each partition by an ORDER BY, each with its row number.
import BrookCore
import BrookPlanner

/// Keeps each partition's rows in ORDER BY order (ties in arrival order) and emits the changes to
/// the rows ranked `lower...upper`, each with its rank number appended: a row entering the range
/// is +I, one leaving it -D, and a rank now held by another row -U then +U. With an append-only
/// input a partition keeps only its best `upper` rows, since a row pushed out can never come
/// back; with a retracting input it keeps every row, since a retraction lets a lower row move up.
/// In batch mode it emits each partition's final ranks once, at end of input.
public final class RankOperator: StreamOperator {
    let partitionKeys: [Int]
    let comparator: RowComparator
    let lower: Int
    let upper: Int
    let keepsEveryRow: Bool
    let isBatch: Bool
    /// The output's types: the input's, then the rank number.
    let types: [DataType]
    private var slots = KeySlots()
    private var partitions: [[[Value]]] = []
    public private(set) var metrics = OperatorMetrics()

    public init(partitionKeys: [Int], order: [SortKey], lower: Int64, upper: Int64, outputTypes: [DataType], inputRetracts: Bool, isBatch: Bool) {
        self.partitionKeys = partitionKeys
        comparator = RowComparator(keys: order)
        self.lower = Int(max(lower, 1))
        self.upper = Int(max(upper, 0))
        types = outputTypes
        keepsEveryRow = inputRetracts
        self.isBatch = isBatch
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var builder = BatchBuilder(types: types)
        for row in 0..<batch.count {
            let values = batch.row(row)
            let (slot, isNew) = slots.slot(for: RowKey.of(batch, row: row, columns: partitionKeys))
            if isNew { partitions.append([]) }
            let before = ranked(slot)
            if batch.kind(row).isAccumulate {
                let position = comparator.insertionPoint(of: values, in: partitions[slot])
                guard keepsEveryRow || position < upper else { continue }
                partitions[slot].insert(values, at: position)
                if !keepsEveryRow, partitions[slot].count > upper { partitions[slot].removeLast() }
            } else {
                guard let index = partitions[slot].firstIndex(of: values) else { continue }
                partitions[slot].remove(at: index)
            }
            if !isBatch { emitChanges(from: before, to: ranked(slot), into: &builder) }
        }
        metrics.rowsInState = partitions.reduce(0) { $0 + $1.count }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        guard isBatch else { return }
        var builder = BatchBuilder(types: types)
        for slot in partitions.indices { emitChanges(from: [], to: ranked(slot), into: &builder) }
        metrics.rowsOut += builder.count
        try output.emit(builder.flush())
    }

    /// The rows a partition ranks `lower...upper`, best first.
    private func ranked(_ slot: Int) -> ArraySlice<[Value]> {
        let rows = partitions[slot]
        guard rows.count >= lower else { return [] }
        return rows[(lower - 1)..<min(upper, rows.count)]
    }

    /// Compares the ranked rows rank by rank and emits what changed, each row with its rank number.
    private func emitChanges(from before: ArraySlice<[Value]>, to after: ArraySlice<[Value]>, into builder: inout BatchBuilder) {
        for offset in 0..<max(before.count, after.count) {
            let old = offset < before.count ? before[before.startIndex + offset] : nil
            let new = offset < after.count ? after[after.startIndex + offset] : nil
            guard old != new else { continue }
            let rank = Value.integer(Int64(lower + offset))
            switch (old, new) {
            case (let old?, let new?):
                builder.appendRow(old + [rank], kind: .updateBefore)
                builder.appendRow(new + [rank], kind: .updateAfter)
            case (let old?, nil): builder.appendRow(old + [rank], kind: .delete)
            case (nil, let new?): builder.appendRow(new + [rank], kind: .insert)
            case (nil, nil): break
            }
        }
    }
}
