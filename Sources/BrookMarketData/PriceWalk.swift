// PriceWalk: one symbol's minute bars as a geometric random walk with news-driven jumps.
import BrookCore

/// One minute's bar; prices in cents so they stay exact two-decimal values.
struct MinuteBar {
    var open: Int64
    var high: Int64
    var low: Int64
    var close: Int64
    var vwap: Int64
    var volume: Int64
    var tradeCount: Int64
}

/// A news-driven move for a walk to absorb, starting at a session minute.
struct PriceImpulse {
    let minute: Int
    /// Log-return of the whole move.
    let logMove: Double
}

/// The walk holds its state between calls so bars can be produced minute by minute, interleaved
/// with the other symbols, as a live feed delivers them.
struct PriceWalk {
    private var rng: SplitMix64
    private var level: Double
    private var lastClose: Int64
    private let minuteSigma: Double
    private let dailySigma: Double
    private let baseVolume: Double
    private var impulses: [PriceImpulse] = []
    private var nextImpulse = 0
    /// Part of announced moves not yet in the price; released over a few minutes so a headline's
    /// move reads as a trend that moving averages can cross, not a one-bar spike.
    private var pendingMove = 0.0

    init(profile: SymbolProfile, seed: UInt64) {
        rng = SplitMix64(seed: seed, symbol: profile.symbol, stream: 2)
        level = profile.startPrice
        lastClose = Self.cents(profile.startPrice)
        dailySigma = profile.dailyVolatility
        minuteSigma = profile.dailyVolatility / 19.748417658131498
        baseVolume = profile.baseVolume
    }

    /// The current price, for headlines that quote a price target.
    var price: Double { level }

    /// Applies the overnight gap and queues the day's news moves (sorted by minute).
    mutating func beginDay(impulses: [PriceImpulse]) {
        self.impulses = impulses
        nextImpulse = 0
        level *= Self.growth(rng.gaussian() * dailySigma * 0.3)
    }

    mutating func bar(minute: Int) -> MinuteBar {
        while nextImpulse < impulses.count && impulses[nextImpulse].minute <= minute {
            pendingMove += impulses[nextImpulse].logMove
            nextImpulse += 1
        }
        let open: Int64
        if minute == 0 {
            open = max(1, Self.cents(level))
        } else {
            let gap = rng.below(10)
            open = max(1, lastClose + (gap == 0 ? -1 : gap == 1 ? 1 : 0))
        }
        let released = pendingMove * 0.4
        pendingMove -= released
        let move = rng.gaussian() * minuteSigma + released
        level = max(0.5, level * Self.growth(move))
        let close = max(1, Self.cents(level))

        let wickScale = level * minuteSigma * 60
        let high = max(open, close) + Int64((rng.unit() * wickScale).rounded())
        let low = max(1, min(open, close) - Int64((rng.unit() * wickScale).rounded()))
        let typical = (open + high + low + close * 2) / 5 + Int64(rng.below(3)) - 1
        let vwap = min(high, max(low, typical))

        let fromOpen = Double(minute) / Double(TradingCalendar.minutesPerSession) * 2 - 1
        let intraday = 0.55 + 1.6 * fromOpen * fromOpen
        let surprise = min(6, 1 + 0.5 * (move < 0 ? -move : move) / minuteSigma)
        let volume = max(1, Int64(baseVolume * intraday * surprise * (0.4 + 1.2 * rng.unit())))
        let tradeCount = max(1, volume / Int64(15 + rng.below(60)))

        lastClose = close
        return MinuteBar(open: open, high: high, low: low, close: close, vwap: vwap, volume: volume, tradeCount: tradeCount)
    }

    private static func cents(_ price: Double) -> Int64 {
        Int64((price * 100).rounded())
    }

    /// exp(r) by its Taylor series: exact enough for per-minute returns and keeps libm out of the loop.
    private static func growth(_ r: Double) -> Double {
        1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r / 24)))
    }
}
