// MarketDataGeneratorTests: determinism, record shapes and feed order of generated files.

import BrookMarketData
import Foundation
import Testing

struct MarketDataGeneratorTests {
    static let priceKeys = ["symbol", "timestamp", "open", "high", "low", "close", "volume", "trade_count", "vwap", "provider"]
    static let newsKeys = [
        "id", "author", "headline", "source", "summary", "data_provider", "url", "symbol", "sentiment",
        "timestamp_ms", "created_at",
    ]
    /// Crosses the November 2024 switch to standard time: Friday the 1st is EDT, Monday the 4th EST.
    static let dstCrossing = MarketDataOptions(
        symbols: ["AAPL", "MSFT", "ZZQX"], days: 2, startDate: MarketDate(year: 2024, month: 11, day: 1))

    @Test func sameOptionsWriteByteIdenticalFiles() throws {
        let options = MarketDataOptions(symbols: ["AAPL", "TSLA", "NVDA"], days: 2)
        let first = try TestSupport.generate(options)
        let second = try TestSupport.generate(options)
        #expect(first.prices == second.prices)
        #expect(first.news == second.news)
        #expect(first.summary.bars == 3 * 2 * 390)
    }

    @Test func differentSeedWritesDifferentPrices() throws {
        var options = MarketDataOptions(symbols: ["AAPL"], days: 1)
        let first = try TestSupport.generate(options)
        options.seed = 7
        let second = try TestSupport.generate(options)
        #expect(first.prices != second.prices)
    }

    @Test func symbolBarsDoNotDependOnTheOtherSymbols() throws {
        let alone = try TestSupport.generate(MarketDataOptions(symbols: ["MSFT"], days: 2))
        let together = try TestSupport.generate(MarketDataOptions(symbols: ["AAPL", "MSFT", "GOOGL"], days: 2))
        #expect(alone.prices == together.prices.filter { $0.hasPrefix("{\"symbol\":\"MSFT\"") })
        let aloneHeadlines = try alone.news.map { try TestSupport.object($0)["headline"] as? String }
        let togetherHeadlines = try together.news.map { try TestSupport.object($0) }
            .filter { $0["symbol"] as? String == "MSFT" }.map { $0["headline"] as? String }
        #expect(aloneHeadlines == togetherHeadlines)
    }

    @Test func priceRecordsHaveTheSeedKeysInOrderAndFloatSpelling() throws {
        let run = try TestSupport.generate(Self.dstCrossing)
        for line in run.prices {
            #expect(TestSupport.topLevelKeys(line) == Self.priceKeys)
            let record = try TestSupport.object(line)
            #expect(record["provider"] as? String == "alpaca")
            #expect(record["timestamp"] is NSNumber)
            #expect(TestSupport.rawValue(of: "volume", in: line)?.hasSuffix(".0") == true)
            #expect(TestSupport.rawValue(of: "trade_count", in: line)?.hasSuffix(".0") == true)
            for key in ["open", "high", "low", "close", "vwap"] {
                let raw = try #require(TestSupport.rawValue(of: key, in: line))
                let fraction = try #require(raw.split(separator: ".").last)
                #expect(raw.contains(".") && (1...2).contains(fraction.count), "\(key) \(raw)")
            }
        }
    }

    @Test func newsRecordsHaveTheSeedKeysInOrder() throws {
        let run = try TestSupport.generate(Self.dstCrossing)
        #expect(!run.news.isEmpty)
        for line in run.news {
            #expect(TestSupport.topLevelKeys(line) == Self.newsKeys)
            let record = try TestSupport.object(line)
            #expect(record["summary"] as? String == "")
            #expect(record["data_provider"] as? String == "alpaca")
            #expect((record["url"] as? String)?.hasPrefix("https://") == true)
            #expect(!((record["author"] as? String) ?? "").isEmpty)
            #expect(record["id"] is NSNumber && record["sentiment"] is NSNumber)
        }
    }

    @Test func barsFallInTheSessionOfWeekdaysAcrossTheDSTSwitch() throws {
        let run = try TestSupport.generate(Self.dstCrossing)
        let fridayOpen: Int64 = 1_730_467_800_000  // 2024-11-01 13:30Z (EDT)
        let mondayOpen: Int64 = 1_730_730_600_000  // 2024-11-04 14:30Z (EST)
        let sessionLength: Int64 = 390 * 60_000
        var perDay = [Int64: Int]()
        for line in run.prices {
            let timestamp = try #require(TestSupport.object(line)["timestamp"] as? Int64)
            let open = timestamp < mondayOpen ? fridayOpen : mondayOpen
            #expect(timestamp >= open && timestamp < open + sessionLength)
            #expect(timestamp % 60_000 == 0)
            perDay[open, default: 0] += 1
        }
        #expect(perDay == [fridayOpen: 3 * 390, mondayOpen: 3 * 390])
        #expect(run.summary.firstTimestampMs == fridayOpen)
        #expect(run.summary.lastTimestampMs == mondayOpen + sessionLength - 60_000)
    }

    @Test func barsArriveMinuteByMinuteWithSymbolsInGivenOrder() throws {
        let run = try TestSupport.generate(Self.dstCrossing)
        var previous: Int64 = 0
        for (index, line) in run.prices.enumerated() {
            let record = try TestSupport.object(line)
            let timestamp = try #require(record["timestamp"] as? Int64)
            #expect(timestamp >= previous)
            #expect(record["symbol"] as? String == Self.dstCrossing.symbols[index % 3])
            if index % 3 != 0 { #expect(timestamp == previous) }
            previous = timestamp
        }
    }

    @Test func barsKeepOHLCInvariantsAndOpenNearPreviousClose() throws {
        let run = try TestSupport.generate(MarketDataOptions(symbols: ["TSLA", "F", "BKNG"], days: 3))
        var lastClose = [String: Double]()
        var lastTimestamp = [String: Int64]()
        for line in run.prices {
            let record = try TestSupport.object(line)
            let symbol = try #require(record["symbol"] as? String)
            let open = try #require(record["open"] as? Double)
            let high = try #require(record["high"] as? Double)
            let low = try #require(record["low"] as? Double)
            let close = try #require(record["close"] as? Double)
            let vwap = try #require(record["vwap"] as? Double)
            let timestamp = try #require(record["timestamp"] as? Int64)
            #expect(high >= max(open, close) && low <= min(open, close) && low > 0)
            #expect(vwap >= low && vwap <= high)
            #expect((record["volume"] as? Double ?? 0) >= 1)
            #expect((record["trade_count"] as? Double ?? 0) >= 1)
            if let previous = lastClose[symbol], let previousTime = lastTimestamp[symbol], timestamp - previousTime == 60_000 {
                #expect(abs(open - previous) <= 0.011, "\(symbol) open \(open) after close \(previous)")
            }
            lastClose[symbol] = close
            lastTimestamp[symbol] = timestamp
        }
    }

    @Test func closesCrossTheirTwentyMinuteAverage() throws {
        let run = try TestSupport.generate(MarketDataOptions(symbols: ["AAPL", "KO"], days: 2))
        var closes = [String: [Double]]()
        for line in run.prices {
            let record = try TestSupport.object(line)
            closes[record["symbol"] as? String ?? "", default: []].append(record["close"] as? Double ?? 0)
        }
        for (symbol, series) in closes {
            var crossings = 0
            for index in 21..<series.count {
                let average = series[(index - 20)..<index].reduce(0, +) / 20
                let previousAverage = series[(index - 21)..<(index - 1)].reduce(0, +) / 20
                if (series[index] - average) * (series[index - 1] - previousAverage) < 0 { crossings += 1 }
            }
            #expect(crossings >= 5, "\(symbol) crossed \(crossings) times")
        }
    }

    @Test func headlinesAreSortedUniquePerSymbolAndIdsIncrease() throws {
        let options = MarketDataOptions(symbols: ["AAPL", "MSFT", "NVDA", "TSLA"], days: 3)
        let run = try TestSupport.generate(options)
        var previousTime: Int64 = 0
        var previousId: Int64 = 0
        var seen = Set<String>()
        var perSymbolDay = [String: Int]()
        var offWholeSecond = 0
        for line in run.news {
            let record = try TestSupport.object(line)
            let time = try #require(record["timestamp_ms"] as? Int64)
            let id = try #require(record["id"] as? Int64)
            let symbol = try #require(record["symbol"] as? String)
            #expect(time >= previousTime)
            #expect(id > previousId)
            #expect(seen.insert("\(symbol)@\(time)").inserted, "\(symbol) repeats \(time)")
            if time % 1000 != 0 { offWholeSecond += 1 }
            perSymbolDay["\(symbol)@\(time / 86_400_000)", default: 0] += 1
            previousTime = time
            previousId = id
        }
        #expect(run.summary.headlines == run.news.count)
        #expect(offWholeSecond > 0)
        #expect(perSymbolDay.count == 4 * 3)
        #expect(perSymbolDay.values.allSatisfy { options.headlinesPerSymbolPerDay.contains($0) })
    }

    @Test func someHeadlinesFallOutsideTheSessionButMostInside() throws {
        let run = try TestSupport.generate(MarketDataOptions(symbols: MarketSymbols.first(10), days: 2))
        let opens = [MarketDate(year: 2024, month: 5, day: 1), MarketDate(year: 2024, month: 5, day: 2)]
            .map { TradingCalendar.sessionOpenMs(on: $0) }
        var inside = 0
        for line in run.news {
            let time = try #require(TestSupport.object(line)["timestamp_ms"] as? Int64)
            if opens.contains(where: { time >= $0 && time < $0 + 390 * 60_000 }) { inside += 1 }
        }
        #expect(inside > run.news.count / 2)
        #expect(inside < run.news.count)
    }

    @Test func createdAtIsTheUTCSecondOfTimestampMs() throws {
        let run = try TestSupport.generate(Self.dstCrossing)
        let formatter = ISO8601DateFormatter()
        for line in run.news {
            let record = try TestSupport.object(line)
            let time = try #require(record["timestamp_ms"] as? Int64)
            let createdAt = try #require(record["created_at"] as? String)
            let created = try #require(formatter.date(from: createdAt))
            #expect(Int64(created.timeIntervalSince1970) == time / 1000)
        }
    }

    @Test func sentimentComesFromTheClosureRoundedToFourDecimals() throws {
        let run = try TestSupport.generate(Self.dstCrossing)
        for line in run.news {
            let record = try TestSupport.object(line)
            let headline = try #require(record["headline"] as? String)
            let expected = (TestSupport.fakeSentiment(headline) * 10_000).rounded() / 10_000
            let raw = try #require(TestSupport.rawValue(of: "sentiment", in: line))
            #expect(Double(raw) == expected, "\(raw) for \(headline)")
            #expect(!raw.contains("e") && raw != "-0.0")
            let fraction = raw.split(separator: ".").last ?? ""
            #expect(fraction.count <= 4 && (fraction == "0" || !fraction.hasSuffix("0")), "\(raw)")
        }
    }

    @Test func sentimentIsWrittenInShortestFourDecimalForm() throws {
        let cases: [(Double, String)] = [(0.296, "0.296"), (-0.5481, "-0.5481"), (0.00004, "0.0"), (-0.00004, "0.0"),
                                         (1, "1.0"), (-1, "-1.0"), (0.12345, "0.1235"), (0.0001, "0.0001")]
        for (score, expected) in cases {
            let directory = TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let summary = try MarketDataGenerator.write(
                options: MarketDataOptions(symbols: ["AAPL"], days: 1, headlinesPerSymbolPerDay: 1...1),
                to: directory, sentiment: { _ in score })
            let lines = try TestSupport.lines(summary.newsPath)
            let line = try #require(lines.first)
            #expect(TestSupport.rawValue(of: "sentiment", in: line) == Substring(expected), "\(score)")
        }
    }
}
