// Keeps input batches alive while some of their rows wait in operator state.
import BrookCore
import DequeModule

/// A reference to one row of a retained batch.
struct RowReference {
    var batch: Int
    var row: Int32
}

/// Batches that stateful operators still hold rows of. Rows are referenced, not copied, and a
/// batch is dropped when its last referenced row is released. Ids are handed out in order, so
/// batches sit in a deque indexed by id rather than a dictionary (no hashing per row). Each batch
/// may carry columns computed for it on arrival (an operator's arguments).
struct RetainedBatches {
    private struct Entry {
        var batch: Batch
        var live: Int
        var attachments: [Column?]
    }

    private var entries = Deque<Entry?>()
    private var firstID = 0

    /// Holds `batch` until `live` of its rows are released.
    mutating func retain(_ batch: Batch, live: Int, attachments: [Column?] = []) -> Int {
        let id = firstID + entries.count
        entries.append(live > 0 ? Entry(batch: batch, live: live, attachments: attachments) : nil)
        trimFront()
        return id
    }

    @inline(__always) subscript(id: Int) -> Batch { entries[id - firstID]!.batch }

    /// The columns attached to batch `id` when it was retained.
    @inline(__always) func attachments(_ id: Int) -> [Column?] { entries[id - firstID]!.attachments }

    mutating func release(_ reference: RowReference) {
        let index = reference.batch - firstID
        guard index >= 0, index < entries.count, entries[index] != nil else { return }
        entries[index]!.live -= 1
        if entries[index]!.live == 0 {
            entries[index] = nil
            trimFront()
        }
    }

    private mutating func trimFront() {
        while let first = entries.first, first == nil {
            entries.removeFirst()
            firstID += 1
        }
    }

    func contains(_ id: Int) -> Bool {
        let index = id - firstID
        return index >= 0 && index < entries.count && entries[index] != nil
    }

    /// The id `retain` will give the next batch.
    var nextIdentifier: Int { firstID + entries.count }
}

/// A partition or join key: one value, several, or none (a single global partition).
/// Strings hash by their UTF-8 bytes with FNV-1a folded into one word, which is several times
/// cheaper than hashing a `String` through its Unicode-aware path.
enum RowKey: Hashable {
    case empty
    case single(Value)
    case multiple([Value])

    static func of(_ batch: Batch, row: Int, columns: [Int]) -> RowKey {
        switch columns.count {
        case 0: return .empty
        case 1: return .single(batch.columns[columns[0]].value(row))
        default: return .multiple(columns.map { batch.columns[$0].value(row) })
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .empty: hasher.combine(0)
        case .single(let value): hasher.combine(RowKey.word(value))
        case .multiple(let values): for value in values { hasher.combine(RowKey.word(value)) }
        }
    }

    static func word(_ value: Value) -> UInt64 {
        guard case .string(let text) = value else { return UInt64(truncatingIfNeeded: value.hashValue) }
        return word(of: text)
    }

    static func word(of string: String) -> UInt64 {
        var text = string
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// The key's values, one per key column.
    var values: [Value] {
        switch self {
        case .empty: return []
        case .single(let value): return [value]
        case .multiple(let values): return values
        }
    }
}
