// `brook datagen market`: deterministic minute bars and headlines in the seed's record shapes.
import ArgumentParser
import BrookMarketData
import BrookSentiment
import Foundation

/// Groups the data generators.
struct Datagen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate sample data.",
        subcommands: [Market.self])

    /// Writes stock-prices.jsonl and market-news.jsonl, headlines scored by NLTK-compatible VADER
    /// as the seed's news producer scores them.
    struct Market: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write minute bars (stock-prices.jsonl) and headlines (market-news.jsonl) for a set of symbols.")

        @Option(help: "Comma-separated symbols (default: the first --count built-in tickers).")
        var symbols: String?

        @Option(help: "How many built-in tickers to use when --symbols is not given.")
        var count = 5

        @Option(help: "Trading days to generate (weekdays, 390 one-minute bars each).")
        var days = 3

        @Option(help: "First day, yyyy-MM-dd.")
        var start = "2024-05-01"

        @Option(help: "Seed; the same arguments always give the same files.")
        var seed: UInt64 = MarketDataOptions.defaultSeed

        @Option(help: "Directory to write into.")
        var out: String

        func run() throws {
            var options = MarketDataOptions()
            options.symbols = symbols.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? MarketSymbols.first(count)
            options.days = days
            let parts = start.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { throw CommandFailure("--start must be yyyy-MM-dd, got \(start)") }
            options.startDate = MarketDate(year: parts[0], month: parts[1], day: parts[2])
            options.seed = seed
            let vader = VaderModel.shared
            let summary: MarketDataSummary
            do {
                summary = try MarketDataGenerator.write(options: options, to: out) { vader.score($0) }
            } catch {
                throw CommandFailure(error.description)
            }
            print("wrote \(summary.bars) bars to \(summary.pricesPath) and \(summary.headlines) headlines to \(summary.newsPath)")
        }
    }
}
