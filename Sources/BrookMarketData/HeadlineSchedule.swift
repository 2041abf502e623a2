// HeadlineSchedule: one symbol's headlines for one trading day and the price moves they cause.
import BrookCore

/// A headline before its id and sentiment are assigned (those need the day's global order).
struct Headline {
    let timestampMs: Int64
    let symbolIndex: Int
    let text: String
    let sourceIndex: Int
    let authorIndex: Int
}

enum HeadlineSchedule {
    private static let minute = TradingCalendar.millisecondsPerMinute
    private static let sessionLength = Int64(TradingCalendar.minutesPerSession) * minute
    private static let preMarketLength = 150 * minute
    private static let afterHoursLength = 120 * minute

    /// Appends the symbol's headlines to `headlines` and returns the moves they cause, by minute.
    static func generate(
        symbolIndex: Int,
        profile: SymbolProfile,
        sessionOpenMs: Int64,
        countRange: ClosedRange<Int>,
        price: Double,
        rng: inout SplitMix64,
        into headlines: inout [Headline]
    ) -> [PriceImpulse] {
        let count = rng.pick(countRange)
        var times: [Int64] = []
        times.reserveCapacity(count)
        for _ in 0..<count {
            times.append(randomTime(sessionOpenMs: sessionOpenMs, rng: &rng))
        }
        times.sort()
        // Nudging collisions forward by a millisecond keeps timestamps unique per symbol, which
        // downstream joins keyed on (symbol, time) rely on.
        for index in times.indices.dropFirst() where times[index] <= times[index - 1] {
            times[index] = times[index - 1] + 1
        }

        var impulses: [PriceImpulse] = []
        for time in times {
            let template = pickTemplate(rng: &rng)
            let percent = 2 + rng.below(5)
            let facts = HeadlineFacts(
                company: profile.company,
                symbol: profile.symbol,
                firm: HeadlineTemplates.firms[rng.below(HeadlineTemplates.firms.count)],
                priceTarget: priceTarget(price: price, tone: template.tone, rng: &rng),
                percent: percent,
                quarter: 1 + rng.below(4),
                billions: 1 + rng.below(25))
            let sourceIndex = NewsSource.pick(rng: &rng)
            let authorIndex = rng.below(NewsSource.all[sourceIndex].authors.count)
            headlines.append(Headline(
                timestampMs: time, symbolIndex: symbolIndex, text: template.render(facts),
                sourceIndex: sourceIndex, authorIndex: authorIndex))

            let sign: Double = template.tone == .negative ? -1 : 1
            let size: Double
            switch template.impact {
            case .quoted: size = Double(percent) / 100
            case .mild: size = (0.15 + 0.35 * rng.unit()) * profile.dailyVolatility
            case .none: continue
            }
            // Pre-market news moves the open; after-hours news lands after the last bar.
            let sinceOpen = time - sessionOpenMs
            let startMinute = sinceOpen < 0 ? 0 : Int(sinceOpen / minute) + 1
            if startMinute < TradingCalendar.minutesPerSession {
                impulses.append(PriceImpulse(minute: startMinute, logMove: sign * size))
            }
        }
        return impulses
    }

    /// Mostly within the session, some before the open and a few after the close; a quarter land on
    /// whole seconds as wire stories often do.
    private static func randomTime(sessionOpenMs: Int64, rng: inout SplitMix64) -> Int64 {
        let roll = rng.below(100)
        let start: Int64
        let length: Int64
        if roll < 84 {
            start = sessionOpenMs
            length = sessionLength
        } else if roll < 95 {
            start = sessionOpenMs - preMarketLength
            length = preMarketLength
        } else {
            start = sessionOpenMs + sessionLength
            length = afterHoursLength
        }
        let time = start + Int64(rng.below(Int(length)))
        return rng.below(4) == 0 ? time - time % 1000 : time
    }

    /// Headlines that quote a big move are rare (about one symbol-day in seven), as earnings-sized
    /// surprises are; the rest split evenly between upbeat and downbeat with a neutral third.
    private static func pickTemplate(rng: inout SplitMix64) -> HeadlineTemplate {
        let roll = rng.below(1000)
        let pool: [HeadlineTemplate]
        switch roll {
        case ..<8: pool = HeadlineTemplates.quotedPositive
        case ..<16: pool = HeadlineTemplates.quotedNegative
        case ..<340: pool = HeadlineTemplates.mildPositive
        case ..<664: pool = HeadlineTemplates.mildNegative
        default: pool = HeadlineTemplates.neutral
        }
        return pool[rng.below(pool.count)]
    }

    /// Targets sit above the price for upbeat notes and below for cautious ones, rounded the way
    /// analysts quote them.
    private static func priceTarget(price: Double, tone: HeadlineTemplate.Tone, rng: inout SplitMix64) -> Int {
        let factor: Double
        switch tone {
        case .positive: factor = 1.08 + 0.27 * rng.unit()
        case .negative: factor = 0.70 + 0.25 * rng.unit()
        case .neutral: factor = 0.95 + 0.20 * rng.unit()
        }
        let target = Int((price * factor).rounded())
        return target >= 100 ? (target + 2) / 5 * 5 : max(1, target)
    }
}
