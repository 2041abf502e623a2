// MarketDataErrorTests: bad options and paths are refused with typed errors naming the culprit.

import BrookMarketData
import Foundation
import Testing

struct MarketDataErrorTests {
    private func attempt(_ options: MarketDataOptions, directory: String = TestSupport.temporaryDirectory()) -> MarketDataError? {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try MarketDataGenerator.write(options: options, to: directory) { _ in 0 }
            return nil
        } catch {
            return error
        }
    }

    @Test func emptySymbolListIsRejected() {
        #expect(attempt(MarketDataOptions(symbols: [])) == .noSymbols)
    }

    @Test func malformedSymbolIsRejectedByName() {
        #expect(attempt(MarketDataOptions(symbols: ["AAPL", "ms ft"])) == .invalidSymbol("ms ft"))
        #expect(attempt(MarketDataOptions(symbols: [""])) == .invalidSymbol(""))
        #expect(attempt(MarketDataOptions(symbols: ["A\"B"])) == .invalidSymbol("A\"B"))
    }

    @Test func duplicateSymbolIsRejected() {
        #expect(attempt(MarketDataOptions(symbols: ["AAPL", "MSFT", "AAPL"])) == .duplicateSymbol("AAPL"))
    }

    @Test func fewerThanOneDayIsRejected() {
        #expect(attempt(MarketDataOptions(symbols: ["AAPL"], days: 0)) == .invalidDayCount(0))
    }

    @Test func impossibleStartDateIsRejected() {
        let date = MarketDate(year: 2023, month: 2, day: 29)
        #expect(attempt(MarketDataOptions(symbols: ["AAPL"], days: 1, startDate: date)) == .invalidStartDate(date))
    }

    @Test func negativeHeadlineCountIsRejected() {
        #expect(attempt(MarketDataOptions(symbols: ["AAPL"], days: 1, headlinesPerSymbolPerDay: -1...3))
            == .invalidHeadlineRange(-1...3))
    }

    @Test func unwritableDirectoryIsNamedInTheError() throws {
        let blocker = TestSupport.temporaryDirectory()
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        let directory = blocker + "/out"
        let error = try #require(attempt(MarketDataOptions(symbols: ["AAPL"], days: 1), directory: directory))
        guard case .unwritableDirectory(let path, _) = error else {
            Issue.record("expected unwritableDirectory, got \(error)")
            return
        }
        #expect(path == directory)
        #expect(error.description.contains(directory))
    }

    @Test func nonFiniteSentimentIsRejected() {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: MarketDataError.self) {
            try MarketDataGenerator.write(
                options: MarketDataOptions(symbols: ["AAPL"], days: 1), to: directory, sentiment: { _ in .nan })
        }
    }
}
