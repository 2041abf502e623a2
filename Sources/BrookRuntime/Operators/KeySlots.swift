// Numbers each distinct partition or join key once, without hashing through Swift's Hasher.
import BrookCore

/// Maps keys to dense slot numbers (0, 1, 2, ...) with an open-addressing table keyed by
/// `RowKey.word`, the keys' byte hash. Stateful operators look a row's key up once and then
/// index arrays by slot; Swift's `Dictionary` would run SipHash for every lookup.
struct KeySlots {
    private var hashes: [UInt64] = Array(repeating: 0, count: 64)
    private var slotsAt: [Int32] = Array(repeating: -1, count: 64)
    private(set) var keys: [RowKey] = []
    /// Per slot, the key's text when the key is one string, so a string column is matched
    /// without building a `RowKey` per row.
    private var strings: [String?] = []

    var count: Int { keys.count }

    /// The slot of `key`, and whether it was new.
    mutating func slot(for key: RowKey) -> (slot: Int, isNew: Bool) {
        let hash = KeySlots.hash(key)
        var position = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
        while slotsAt[position] >= 0 {
            if hashes[position] == hash, keys[Int(slotsAt[position])] == key { return (Int(slotsAt[position]), false) }
            position = (position + 1) & (hashes.count - 1)
        }
        return (insert(key, hash: hash, at: position), true)
    }

    /// The slot of every row's key in `batch` (rows whose key is NULL get a slot too; joins skip
    /// them themselves). New keys get the next slots, so a caller grows its per-slot arrays to `count`.
    mutating func slots(of batch: Batch, columns: [Int]) -> [Int] {
        guard columns.count == 1, case .string(let texts) = batch.columns[columns[0]].storage else {
            return (0..<batch.count).map { slot(for: RowKey.of(batch, row: $0, columns: columns)).slot }
        }
        let column = batch.columns[columns[0]]
        var result = [Int](repeating: 0, count: batch.count)
        for row in 0..<batch.count {
            if column.isNull(row) {
                result[row] = slot(for: .single(.null)).slot
                continue
            }
            let text = texts[row]
            let hash = KeySlots.finish(RowKey.word(of: text))
            var position = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
            var found = -1
            while slotsAt[position] >= 0 {
                let candidate = Int(slotsAt[position])
                if hashes[position] == hash, strings[candidate] == text {
                    found = candidate
                    break
                }
                position = (position + 1) & (hashes.count - 1)
            }
            result[row] = found >= 0 ? found : insert(.single(.string(text)), hash: hash, at: position)
        }
        return result
    }

    private mutating func insert(_ key: RowKey, hash: UInt64, at position: Int) -> Int {
        let slot = keys.count
        keys.append(key)
        if case .single(.string(let text)) = key { strings.append(text) } else { strings.append(nil) }
        hashes[position] = hash
        slotsAt[position] = Int32(slot)
        if keys.count * 2 > hashes.count { grow() }
        return slot
    }

    private mutating func grow() {
        let capacity = hashes.count * 2
        var newHashes = [UInt64](repeating: 0, count: capacity)
        var newSlots = [Int32](repeating: -1, count: capacity)
        for (slot, key) in keys.enumerated() {
            let hash = KeySlots.hash(key)
            var position = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while newSlots[position] >= 0 { position = (position + 1) & (capacity - 1) }
            newHashes[position] = hash
            newSlots[position] = Int32(slot)
        }
        hashes = newHashes
        slotsAt = newSlots
    }

    /// A well-mixed 64-bit hash of the key (FNV-1a of strings, then a finalizer).
    static func hash(_ key: RowKey) -> UInt64 {
        var hash: UInt64
        switch key {
        case .empty: hash = 0
        case .single(let value): hash = RowKey.word(value)
        case .multiple(let values): hash = values.reduce(0x9E37_79B9_7F4A_7C15) { ($0 ^ RowKey.word($1)) &* 0x0000_0100_0000_01B3 }
        }
        return finish(hash)
    }

    /// The finalizer that spreads a key word's bits over the whole hash.
    @inline(__always) static func finish(_ word: UInt64) -> UInt64 {
        var hash = word
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
