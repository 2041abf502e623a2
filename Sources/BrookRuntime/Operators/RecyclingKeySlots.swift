// Numbers keys whose state comes and goes, giving a slot back when its key's state is gone.
import BrookCore

/// Maps keys to dense slots like `KeySlots`, but a slot is released once its key holds no state
/// and reused by the next new key, so an operator whose keys are short-lived (a regular join with
/// a TTL, a window aggregate) keeps per-slot arrays that do not grow with every key ever seen.
struct RecyclingKeySlots {
    private var slotOfKey: [RowKey: Int] = [:]
    /// Per slot, its key, or nil while the slot is free.
    private(set) var keys: [RowKey?] = []
    private var free: [Int] = []

    /// Slots handed out so far, free or not: the size an operator's per-slot arrays must have.
    var capacity: Int { keys.count }

    mutating func slot(for key: RowKey) -> Int {
        if let slot = slotOfKey[key] { return slot }
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            keys[slot] = key
        } else {
            slot = keys.count
            keys.append(key)
        }
        slotOfKey[key] = slot
        return slot
    }

    /// Frees `slot` for another key.
    mutating func release(_ slot: Int) {
        guard let key = keys[slot] else { return }
        slotOfKey[key] = nil
        keys[slot] = nil
        free.append(slot)
    }
}
