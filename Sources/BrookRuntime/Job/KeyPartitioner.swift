// Splits a batch among a job's tasks by key, for a keyed exchange.

/// Routes each row to the task that owns its key: the key's hash modulo the number of tasks.
/// Equal keys always land in the same task, so each task's keyed state is complete for its keys.
enum KeyPartitioner {
    /// One batch per task (possibly empty), each keeping the rows' order and change kinds.
    static func split(_ batch: Batch, keys: [Int], tasks: Int) -> [Batch] {
        guard tasks > 1 else { return [batch] }
        var rowsFor = Array(repeating: [Int](), count: tasks)
        for row in 0..<batch.count {
            let task = Int(KeySlots.hash(RowKey.of(batch, row: row, columns: keys)) % UInt64(tasks))
            rowsFor[task].append(row)
        }
        return rowsFor.map { $0.count == batch.count ? batch : batch.take($0) }
    }
}
