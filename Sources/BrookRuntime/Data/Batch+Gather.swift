// Assembling output batches from rows scattered over many input batches, a run at a time.
import BrookCore

extension Column {
    /// This column followed by `other` (same physical kind).
    mutating func append(contentsOf other: Column) {
        let before = count
        switch (storage, other.storage) {
        case (.int64(var a), .int64(let b)):
            storage = .int64([])
            a.append(contentsOf: b)
            storage = .int64(a)
        case (.double(var a), .double(let b)):
            storage = .double([])
            a.append(contentsOf: b)
            storage = .double(a)
        case (.decimal(var a), .decimal(let b)):
            storage = .decimal([])
            a.append(contentsOf: b)
            storage = .decimal(a)
        case (.string(var a), .string(let b)):
            storage = .string([])
            a.append(contentsOf: b)
            storage = .string(a)
        case (.boolean(var a), .boolean(let b)):
            storage = .boolean([])
            a.append(contentsOf: b)
            storage = .boolean(a)
        default:
            preconditionFailure("appending a \(other.type) column to a \(type) column")
        }
        if nulls != nil || other.nulls != nil {
            var merged = nulls ?? ContiguousArray(repeating: false, count: before)
            merged.append(contentsOf: other.nulls ?? ContiguousArray(repeating: false, count: other.count))
            nulls = merged
        }
    }
}

extension Batch {
    /// The rows `references` name, in that order, from the batches `batch(id)` returns. Rows are
    /// copied in runs (consecutive references into one batch become one typed gather), so
    /// output assembly costs a few array copies per batch rather than a switch per cell.
    static func gather(_ references: [RowReference], types: [DataType], batch: (Int) -> Batch) -> Batch {
        guard !references.isEmpty else {
            return Batch(columns: types.map { ColumnBuilder(type: $0).build() }, count: 0)
        }
        var columns: [Column]?
        var count = 0
        var start = 0
        while start < references.count {
            var end = start + 1
            while end < references.count, references[end].batch == references[start].batch { end += 1 }
            let source = batch(references[start].batch)
            let part = source.take(references[start..<end].map { Int($0.row) })
            if columns == nil {
                columns = part.columns
            } else {
                for index in part.columns.indices { columns![index].append(contentsOf: part.columns[index]) }
            }
            count += part.count
            start = end
        }
        return Batch(columns: columns!, count: count)
    }
}
