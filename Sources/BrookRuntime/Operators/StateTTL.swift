// table.exec.state.ttl as stateful operators apply it: when state expires, and when to free it.
import Foundation

/// Processing-time expiry of operator state. An entry last written at `touched` is live while
/// no more than the TTL has passed; expired entries are never used, and a sweep that frees them
/// is due at most every tenth of the TTL (every second at most), so state is not scanned per row.
/// Without a TTL everything stays live and no sweep is ever due.
struct StateTTL {
    let seconds: Double?
    /// Processing time in seconds (a test passes a clock it moves by hand).
    let clock: () -> Double
    private var lastSweep: Double

    init(milliseconds: Int64?, clock: @escaping () -> Double) {
        seconds = milliseconds.map { Double($0) / 1000 }
        self.clock = clock
        lastSweep = clock()
    }

    func isLive(touched: Double, now: Double) -> Bool {
        guard let seconds else { return true }
        return now - touched <= seconds
    }

    /// Whether to sweep now; if so, the next sweep is counted from `now`.
    mutating func sweepIsDue(now: Double) -> Bool {
        guard let seconds, now - lastSweep >= min(1, seconds / 10) else { return false }
        lastSweep = now
        return true
    }
}
