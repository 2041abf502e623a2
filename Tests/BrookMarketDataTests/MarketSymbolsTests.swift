// MarketSymbolsTests: the built-in ticker list and the benchmark set's size.

import BrookMarketData
import Foundation
import Testing

struct MarketSymbolsTests {
    @Test func defaultSymbolsAreOneHundredDistinctTickersInStableOrder() {
        #expect(MarketSymbols.defaultSymbols.count == 100)
        #expect(Set(MarketSymbols.defaultSymbols).count == 100)
        #expect(MarketSymbols.first(3) == ["AAPL", "MSFT", "NVDA"])
        #expect(MarketSymbols.first(500) == MarketSymbols.defaultSymbols)
        #expect(MarketSymbols.first(-1).isEmpty)
    }

    @Test func defaultOptionsAreTheMillionBarBenchmarkSet() throws {
        let options = MarketDataOptions()
        try options.validate()
        #expect(options.symbols.count == 100 && options.days == 26)
        #expect(MarketDataGenerator.barCount(for: options) == 1_014_000)
        let days = TradingCalendar.tradingDays(from: options.startDate, count: options.days)
        #expect(days.count == 26 && Set(days).count == 26 && days.allSatisfy(TradingCalendar.isWeekday))
        #expect(days.last == MarketDate(year: 2024, month: 6, day: 5))
    }

    @Test func headlinesNameTheCompanyForKnownSymbols() throws {
        let run = try TestSupport.generate(MarketDataOptions(symbols: ["AAPL"], days: 1, headlinesPerSymbolPerDay: 12...12))
        let headlines = try run.news.map { try TestSupport.object($0)["headline"] as? String ?? "" }
        #expect(headlines.count == 12)
        #expect(headlines.contains { $0.contains("Apple") })
    }

    @Test func unknownSymbolGetsAStableGeneratedProfile() throws {
        let first = try TestSupport.generate(MarketDataOptions(symbols: ["QQZX"], days: 1))
        let second = try TestSupport.generate(MarketDataOptions(symbols: ["QQZX"], days: 1))
        #expect(first.prices == second.prices)
        let close = try #require(TestSupport.object(first.prices[0])["close"] as? Double)
        #expect(close > 1 && close < 1_000)
    }

    #if !DEBUG
    /// Release only: the full set takes well under a second there but too long in debug builds.
    @Test func benchmarkSetWritesExactlyOneMillionFourteenThousandBars() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try MarketDataGenerator.write(options: MarketDataOptions(), to: directory) { _ in 0 }
        #expect(summary.bars == 1_014_000)
        let text = try Data(contentsOf: URL(fileURLWithPath: summary.pricesPath))
        #expect(text.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } == 1_014_000)
    }
    #endif
}
