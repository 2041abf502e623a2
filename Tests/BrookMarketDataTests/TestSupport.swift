// TestSupport: temporary directories, a stand-in scorer and a JSON key-order reader for the tests.

import BrookMarketData
import Foundation

enum TestSupport {
    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "brook-market-tests-" + UUID().uuidString
    }

    /// A deterministic stand-in for VADER that exercises signs and rounding.
    static func fakeSentiment(_ headline: String) -> Double {
        let lengthPart = Double(headline.utf8.count % 97) / 97.0
        return headline.contains("Fall") || headline.contains("Lower") ? -lengthPart - 0.000_04 : lengthPart + 0.000_04
    }

    static func generate(_ options: MarketDataOptions) throws -> (summary: MarketDataSummary, prices: [String], news: [String]) {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try MarketDataGenerator.write(options: options, to: directory, sentiment: fakeSentiment)
        return (summary, try lines(summary.pricesPath), try lines(summary.newsPath))
    }

    static func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func object(_ line: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }

    /// Keys of a flat JSON object in the order written, which JSONSerialization does not keep.
    static func topLevelKeys(_ line: String) -> [String] {
        var keys: [String] = []
        var inString = false
        var escaped = false
        var current = ""
        var lastString = ""
        for character in line {
            if inString {
                if escaped {
                    escaped = false
                    current.append(character)
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    lastString = current
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                inString = true
                current = ""
            } else if character == ":" {
                keys.append(lastString)
            }
        }
        return keys
    }

    /// The raw text of a numeric field, to check how numbers are spelled.
    static func rawValue(of key: String, in line: String) -> Substring? {
        guard let start = line.range(of: "\"\(key)\":")?.upperBound else { return nil }
        let rest = line[start...]
        let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
        return rest[..<end]
    }
}
