// Seeded minute bars and headlines in the seed's record shapes, for differential tests.
import BrookCore
import Foundation

/// A small deterministic market: random-walk minute bars for a few symbols and headlines at
/// millisecond times near them. No two headlines of a symbol share a time, so SQLite (which
/// orders exact ties arbitrarily) and Brook must agree row for row.
struct MarketTestData {
    struct Bar { var symbol: String; var timestamp: Int64; var close: Double }
    struct Headline { var id: Int; var symbol: String; var timestampMs: Int64; var sentiment: Double }

    var bars: [Bar] = []
    var headlines: [Headline] = []

    init(seed: UInt64, symbols: [String] = ["AAPL", "MSFT", "NVDA"], minutes: Int = 240) {
        var random = SplitMix64(seed: seed)
        func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let start: Int64 = 1_717_594_200_000
        var prices = Dictionary(uniqueKeysWithValues: symbols.enumerated().map { ($1, 100.0 + Double($0) * 50) })
        for minute in 0..<minutes {
            for symbol in symbols {
                let move = (unit() - 0.5) * 0.01 + (unit() < 0.05 ? (unit() - 0.5) * 0.05 : 0)
                prices[symbol] = ((prices[symbol]! * (1 + move)) * 100).rounded() / 100
                bars.append(Bar(symbol: symbol, timestamp: start + Int64(minute) * 60_000, close: prices[symbol]!))
            }
        }
        var id = 1000
        var used = Set<String>()
        for _ in 0..<(minutes * symbols.count / 5) {
            let symbol = symbols[Int(random.next() % UInt64(symbols.count))]
            let time = start + Int64(unit() * Double(minutes) * 60_000)
            guard used.insert("\(symbol)@\(time)").inserted else { continue }
            let sentiment = [-0.8, -0.55, -0.3, 0, 0.296, 0.5, 0.75][Int(random.next() % 7)]
            id += 1
            headlines.append(Headline(id: id, symbol: symbol, timestampMs: time, sentiment: sentiment))
        }
        headlines.sort { $0.timestampMs < $1.timestampMs }
    }

    var priceLines: [String] {
        bars.map { bar in
            "{\"symbol\":\"\(bar.symbol)\",\"timestamp\":\(bar.timestamp),\"open\":\(bar.close),\"high\":\(bar.close + 0.1),\"low\":\(bar.close - 0.1),\"close\":\(bar.close),\"volume\":1200.0,\"trade_count\":40.0,\"vwap\":\(bar.close),\"provider\":\"alpaca\"}"
        }
    }

    var newsLines: [String] {
        headlines.map { h in
            "{\"id\":\(h.id),\"author\":\"Benzinga Newsdesk\",\"headline\":\"\(h.symbol) headline \(h.id)\",\"source\":\"benzinga\",\"summary\":\"\",\"data_provider\":\"alpaca\",\"url\":\"https://example.com/\(h.id)\",\"symbol\":\"\(h.symbol)\",\"sentiment\":\(h.sentiment),\"timestamp_ms\":\(h.timestampMs),\"created_at\":\"\"}"
        }
    }

    /// The seed's ddl.sql with its paths pointed at `directory` (sink left for the test to collect).
    static func seedScript(directory: ScratchDirectory) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("sql/ddl.sql"), encoding: .utf8)
        return text.replacingOccurrences(of: "examples/data/", with: directory.path + "/")
            .replacingOccurrences(of: "'out/trading-signals.jsonl'", with: "'\(directory.file("signals.jsonl"))'")
    }
}
