// Keeps input batches alive while some of their rows wait in operator state.
import BrookCore

/// A reference to one row of a retained batch.
struct RowReference {
    var batch: Int
    var row: Int32
}

/// Batches that stateful operators still hold rows of. Rows are referenced, not copied, and a
/// batch is dropped when its last referenced row is released.
struct RetainedBatches {
    private var batches: [Int: (batch: Batch, live: Int)] = [:]
    private var nextID = 0

    /// Holds `batch` until `live` of its rows are released.
    mutating func retain(_ batch: Batch, live: Int) -> Int {
        let id = nextID
        nextID += 1
        if live > 0 { batches[id] = (batch, live) }
        return id
    }

    @inline(__always) subscript(id: Int) -> Batch { batches[id]!.batch }

    mutating func release(_ reference: RowReference) {
        guard var entry = batches[reference.batch] else { return }
        entry.live -= 1
        batches[reference.batch] = entry.live == 0 ? nil : entry
    }

    var batchCount: Int { batches.count }

    func contains(_ id: Int) -> Bool { batches[id] != nil }

    /// The id `retain` will give the next batch.
    var nextIdentifier: Int { nextID }
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
        guard case .string(var text) = value else { return UInt64(truncatingIfNeeded: value.hashValue) }
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// True when some part of the key is NULL (such rows never match in an equi-join).
    var hasNull: Bool {
        switch self {
        case .empty: return false
        case .single(let value): return value.isNull
        case .multiple(let values): return values.contains(where: \.isNull)
        }
    }
}
