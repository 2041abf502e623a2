// Fetches waiting for new records, woken together by the next append.

/// Parked long-poll fetches. Each waiter is woken exactly once: by an append, by its deadline or
/// by cancellation, whichever comes first; a wake that arrives before the waiter parks is kept,
/// so the waiter returns at once instead of sleeping through it.
struct AppendWaiters {
    private var nextID: UInt64 = 0
    private var parked: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var wokenEarly: Set<UInt64> = []
    private var reserved: Set<UInt64> = []

    mutating func reserve() -> UInt64 {
        nextID &+= 1
        reserved.insert(nextID)
        return nextID
    }

    mutating func park(_ id: UInt64, _ continuation: CheckedContinuation<Void, Never>) {
        reserved.remove(id)
        if wokenEarly.remove(id) != nil {
            continuation.resume()
        } else {
            parked[id] = continuation
        }
    }

    mutating func wake(_ id: UInt64) {
        if let continuation = parked.removeValue(forKey: id) {
            continuation.resume()
        } else if reserved.contains(id) {
            wokenEarly.insert(id)
        }
    }

    mutating func notifyAll() {
        let waiting = parked
        parked.removeAll()
        wokenEarly.formUnion(reserved)
        for continuation in waiting.values { continuation.resume() }
    }
}
