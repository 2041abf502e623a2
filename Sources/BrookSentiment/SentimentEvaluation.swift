// Accuracy and macro-F1 of a model against labelled sentences.
import Foundation

/// Scores a model against labelled text, so lexicon changes are judged by numbers, not anecdotes.
public struct SentimentEvaluation: Sendable, CustomStringConvertible {
    public let model: String
    public let count: Int
    public let accuracy: Double
    public let macroF1: Double
    /// `confusion[actual][predicted]` counts.
    public let confusion: [SentimentLabel: [SentimentLabel: Int]]

    /// Evaluates `model` on `examples`, mapping scores to labels with `SentimentLabel(score:)`.
    public init(model: any SentimentModel, examples: [(text: String, label: SentimentLabel)]) {
        let predicted = examples.map { SentimentLabel(score: model.score($0.text)) }
        let actual = examples.map(\.label)
        self.model = model.name
        count = examples.count
        accuracy = Self.accuracy(predicted: predicted, actual: actual)
        macroF1 = Self.macroF1(predicted: predicted, actual: actual)
        var confusion: [SentimentLabel: [SentimentLabel: Int]] = [:]
        for (guess, truth) in zip(predicted, actual) { confusion[truth, default: [:]][guess, default: 0] += 1 }
        self.confusion = confusion
    }

    public static func accuracy(predicted: [SentimentLabel], actual: [SentimentLabel]) -> Double {
        guard !actual.isEmpty else { return 0 }
        return Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(actual.count)
    }

    /// The unweighted mean of per-class F1 over positive, negative and neutral; a class that is
    /// never predicted and never present counts as 0, as scikit-learn does.
    public static func macroF1(predicted: [SentimentLabel], actual: [SentimentLabel]) -> Double {
        var total = 0.0
        for label in SentimentLabel.allCases {
            var truePositives = 0
            var predictedCount = 0
            var actualCount = 0
            for (guess, truth) in zip(predicted, actual) {
                if guess == label { predictedCount += 1 }
                if truth == label { actualCount += 1 }
                if guess == label, truth == label { truePositives += 1 }
            }
            if predictedCount + actualCount > 0 {
                total += 2 * Double(truePositives) / Double(predictedCount + actualCount)
            }
        }
        return total / Double(SentimentLabel.allCases.count)
    }

    /// Reads `text<TAB>label` lines after a header, with backslash escapes in the text
    /// (the layout of Financial PhraseBank's `fpb_75agree.tsv` and Brook's held-out set).
    public static func loadLabelledTSV(at url: URL) throws -> [(text: String, label: SentimentLabel)] {
        let bytes = Array(try Data(contentsOf: url))
        var rows: [(text: String, label: SentimentLabel)] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")).dropFirst() {
            guard let tab = line.lastIndex(of: UInt8(ascii: "\t")) else { continue }
            var label = String(decoding: line[(tab + 1)...], as: UTF8.self)
            label = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard let parsed = SentimentLabel(rawValue: label) else { continue }
            rows.append((unescape(line[line.startIndex..<tab]), parsed))
        }
        return rows
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var escaping = false
        for byte in bytes {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): result.append(UInt8(ascii: "\r"))
                default: result.append(byte)
                }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    public var description: String {
        String(format: "%-8@ n=%d  accuracy %.3f  macro-F1 %.3f", model as NSString, count, accuracy, macroF1)
    }
}
