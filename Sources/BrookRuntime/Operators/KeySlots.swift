// Numbers each distinct partition or join key once, without hashing through Swift's Hasher.
import BrookCore

/// Maps keys to dense slot numbers (0, 1, 2, ...) with an open-addressing table keyed by
/// `RowKey.word`, the keys' byte hash. Stateful operators look a row's key up once and then
/// index arrays by slot; Swift's `Dictionary` would run SipHash for every lookup.
struct KeySlots {
    private var hashes: [UInt64] = Array(repeating: 0, count: 64)
    private var slotsAt: [Int32] = Array(repeating: -1, count: 64)
    private(set) var keys: [RowKey] = []

    var count: Int { keys.count }

    /// The slot of `key`, and whether it was new.
    mutating func slot(for key: RowKey) -> (slot: Int, isNew: Bool) {
        let hash = KeySlots.hash(key)
        var position = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
        while slotsAt[position] >= 0 {
            if hashes[position] == hash, keys[Int(slotsAt[position])] == key { return (Int(slotsAt[position]), false) }
            position = (position + 1) & (hashes.count - 1)
        }
        let slot = keys.count
        keys.append(key)
        hashes[position] = hash
        slotsAt[position] = Int32(slot)
        if keys.count * 2 > hashes.count { grow() }
        return (slot, true)
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
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
