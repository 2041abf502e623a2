// VALUES as a source: its rows once, then the end of input.
import BrookCore

/// Emits a VALUES clause's rows at the start of the job and ends; it has no time attribute,
/// so its watermark jumps straight to the end.
final class ValuesSource: JobSource {
    private var batch: Batch?
    let name = "VALUES"
    private(set) var rowsRead = 0
    let skippedRecords = 0
    private(set) var watermark = Int64.min

    init(batch: Batch) { self.batch = batch }

    func next(maxRows: Int) throws(RuntimeError) -> Batch? {
        guard let rows = batch else { return nil }
        batch = nil
        rowsRead = rows.count
        watermark = Int64.max
        return rows
    }
}
