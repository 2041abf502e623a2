// A table scan: a connector's reader plus computed columns and watermark assignment.
import BrookCore
import BrookPlanner
import Foundation

/// What the runner pulls batches from: a table scan or a VALUES clause.
public protocol JobSource: AnyObject {
    /// The next batch; nil at the end of a bounded input.
    func next(maxRows: Int) throws(RuntimeError) -> Batch?
    /// The largest watermark the rows so far allow.
    var watermark: Int64 { get }
    var name: String { get }
    var rowsRead: Int { get }
    var skippedRecords: Int { get }
}

/// Produces a scan's columns from the table's stored columns: reads only the stored columns the
/// scan, its computed columns and its watermark need, computes the computed columns, and tracks
/// the watermark as the largest value the WATERMARK expression has given so far. A partitioned
/// reader (Kafka) gets one such watermark per partition and the scan's is their minimum, as in
/// Flink; a partition without rows for `table.exec.source.idle-timeout` stops holding it back.
public final class ScanSource: JobSource {
    let reader: SourceReader
    let table: CatalogTable
    /// For each table column the reader or a computed column provides: its position in the row built here.
    private let positions: [Int: Int]
    private let computed: [(position: Int, evaluator: VectorEvaluator)]
    private let outputPositions: [Int]
    private let watermarkEvaluator: VectorEvaluator?
    let storedColumns: [Int]
    let context: EvaluationContext
    public private(set) var watermark = Int64.min
    /// The largest WATERMARK value so far: of the whole input, or per partition.
    private var highest = Int64.min
    private var partitionHighest: [Int32: Int64] = [:]
    private var partitionLastRow: [Int32: Date] = [:]
    private let started = Date()
    private let idleTimeout: Double?
    public private(set) var rowsRead = 0
    public var name: String { table.name }
    public var skippedRecords: Int { reader.skippedRecords }

    /// The table columns a connector must deliver, in table order, for a scan of `columns`.
    public static func storedColumns(of table: CatalogTable, scanning columns: [Int]) -> [Int] {
        var needed = Set(columns)
        if let watermark = table.watermark {
            needed.insert(watermark.column)
            needed.formUnion(watermark.expression.columnsUsed)
        }
        for index in needed {
            if case .computed(let expression) = table.columns[index].kind { needed.formUnion(expression.columnsUsed) }
        }
        return needed.filter { if case .computed = table.columns[$0].kind { return false }; return true }.sorted()
    }

    public init(table: CatalogTable, columns: [Int], reader: SourceReader, context: EvaluationContext, idleTimeout: Double? = nil) {
        self.reader = reader
        self.idleTimeout = idleTimeout
        self.table = table
        self.context = context
        let stored = ScanSource.storedColumns(of: table, scanning: columns)
        storedColumns = stored
        var positions: [Int: Int] = [:]
        for (position, column) in stored.enumerated() { positions[column] = position }
        var computedColumns: [(Int, VectorEvaluator)] = []
        var wanted = Set(columns)
        if let watermark = table.watermark { wanted.insert(watermark.column); wanted.formUnion(watermark.expression.columnsUsed) }
        for index in wanted.sorted() {
            guard case .computed(let expression) = table.columns[index].kind else { continue }
            let position = stored.count + computedColumns.count
            computedColumns.append((position, ExpressionCompiler.compile(expression.remapColumns { positions[$0]! })))
            positions[index] = position
        }
        self.positions = positions
        computed = computedColumns
        outputPositions = columns.map { positions[$0]! }
        watermarkEvaluator = table.watermark.map { ExpressionCompiler.compile($0.expression.remapColumns { positions[$0]! }) }
    }

    /// The next batch of the scan's columns, and whether the watermark advanced.
    public func next(maxRows: Int) throws(RuntimeError) -> Batch? {
        guard let stored = try reader.next(maxRows: maxRows) else { return nil }
        var row = stored
        for (_, evaluator) in computed {
            row.columns.append(try evaluator(row, context))
        }
        if let watermarkEvaluator, row.count > 0 {
            let values = try watermarkEvaluator(row, context)
            let partitions = reader.lastBatchPartitions
            if partitions.isEmpty {
                highest = max(highest, ScanSource.largest(values, in: 0..<row.count))
            } else {
                var start = 0
                let now = Date()
                for (partition, rows) in partitions {
                    partitionHighest[partition] = max(partitionHighest[partition] ?? Int64.min, ScanSource.largest(values, in: start..<(start + rows)))
                    partitionLastRow[partition] = now
                    start += rows
                }
            }
        }
        watermark = max(watermark, combinedWatermark())
        rowsRead += row.count
        return Batch(columns: outputPositions.map { row.columns[$0] }, count: row.count)
    }

    private static func largest(_ values: Column, in rows: Range<Int>) -> Int64 {
        var result = Int64.min
        for index in rows where !values.isNull(index) { result = max(result, values.int64(index)) }
        return result
    }

    /// The minimum over the partitions still active (all of them when none is), or the whole
    /// input's watermark for an unpartitioned reader.
    private func combinedWatermark() -> Int64 {
        let partitions = reader.sourcePartitions
        guard !partitions.isEmpty else { return highest }
        let now = Date()
        let active = partitions.filter { partition in
            guard let idleTimeout else { return true }
            return now.timeIntervalSince(partitionLastRow[partition] ?? started) < idleTimeout
        }
        let counted = active.isEmpty ? partitions : active
        let values = counted.map { partitionHighest[$0] ?? Int64.min }
        return active.isEmpty ? values.max()! : values.min()!
    }
}
