// MarketDataGenerator: writes `stock-prices.jsonl` and `market-news.jsonl` for a run's options.
import BrookCore

/// The entry point behind `brook datagen market` and the benchmark's input: deterministic minute
/// bars and headlines in the seed system's record shapes, written in the order a live feed delivers them.
public enum MarketDataGenerator {
    public static let pricesFileName = "stock-prices.jsonl"
    public static let newsFileName = "market-news.jsonl"
    /// Ids continue from the range Alpaca's news ids were in around 2024.
    static let firstNewsId: Int64 = 38_600_000

    /// Bars a run writes (symbols × trading days × 390), known without generating anything.
    public static func barCount(for options: MarketDataOptions) -> Int {
        options.symbols.count * options.days * TradingCalendar.minutesPerSession
    }

    /// Writes both files into `directory` (created if missing), replacing earlier ones.
    /// `sentiment` scores each headline's text; its result is written rounded to 4 decimals.
    public static func write(
        options: MarketDataOptions,
        to directory: String,
        sentiment: (String) -> Double
    ) throws(MarketDataError) -> MarketDataSummary {
        try options.validate()
        try OutputFile.prepareDirectory(directory)
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let pricesFile = try OutputFile(path: base + pricesFileName, directory: directory)
        let newsFile = try OutputFile(path: base + newsFileName, directory: directory)

        let profiles = options.symbols.map { MarketSymbols.profile(for: $0) }
        var walks = profiles.map { PriceWalk(profile: $0, seed: options.seed) }
        var newsRandoms = profiles.map { SplitMix64(seed: options.seed, symbol: $0.symbol, stream: 3) }
        var idRandom = SplitMix64(seed: options.seed ^ 0x4E45_5753)
        let prefixes = options.symbols.map { JSONLineWriter.stockPricePrefix(symbol: $0) }

        var prices = JSONLineWriter()
        var news = JSONLineWriter()
        var bars = 0
        var headlineCount = 0
        var nextId = firstNewsId
        var firstTimestamp: Int64 = 0
        var lastTimestamp: Int64 = 0
        var headlines: [Headline] = []
        var timestamp = JSONLineWriter(capacity: 32)

        for day in TradingCalendar.tradingDays(from: options.startDate, count: options.days) {
            let openMs = TradingCalendar.sessionOpenMs(on: day)
            headlines.removeAll(keepingCapacity: true)
            for index in profiles.indices {
                let impulses = HeadlineSchedule.generate(
                    symbolIndex: index, profile: profiles[index], sessionOpenMs: openMs,
                    countRange: options.headlinesPerSymbolPerDay, price: walks[index].price,
                    rng: &newsRandoms[index], into: &headlines)
                walks[index].beginDay(impulses: impulses)
            }

            for minute in 0..<TradingCalendar.minutesPerSession {
                let minuteMs = openMs + Int64(minute) * TradingCalendar.millisecondsPerMinute
                if bars == 0 { firstTimestamp = minuteMs }
                lastTimestamp = minuteMs
                timestamp.clear()
                timestamp.appendInteger(minuteMs)
                for index in walks.indices {
                    let bar = walks[index].bar(minute: minute)
                    prices.appendStockPrice(prefix: prefixes[index], timestamp: timestamp.bytes, bar: bar)
                    try prices.endLine(flushingTo: pricesFile)
                    bars += 1
                }
            }

            // A day's news never overlaps the next day's (pre-market starts after the previous
            // evening's after-hours ends), so sorting per day yields a globally sorted file.
            headlines.sort { ($0.timestampMs, $0.symbolIndex) < ($1.timestampMs, $1.symbolIndex) }
            for headline in headlines {
                let score = sentiment(headline.text)
                guard score.isFinite else { throw .nonFiniteSentiment(headline: headline.text) }
                nextId += Int64(1 + idRandom.below(40))
                news.appendMarketNews(id: nextId, headline: headline, symbol: profiles[headline.symbolIndex].symbol, sentiment: score)
                try news.endLine(flushingTo: newsFile)
                headlineCount += 1
            }
        }

        try prices.flush(to: pricesFile)
        try news.flush(to: newsFile)
        try pricesFile.close()
        try newsFile.close()
        return MarketDataSummary(
            bars: bars, headlines: headlineCount, firstTimestampMs: firstTimestamp,
            lastTimestampMs: lastTimestamp, pricesPath: pricesFile.path, newsPath: newsFile.path)
    }
}
