// Checks accuracy and macro-F1 against hand-computed values.
import Foundation
import Testing
import BrookSentiment

struct SentimentEvaluationTests {
    @Test func macroF1AveragesPerClassF1() {
        let actual: [SentimentLabel] = [.positive, .positive, .negative, .neutral]
        let predicted: [SentimentLabel] = [.positive, .neutral, .negative, .neutral]
        // positive F1 = 2·1/(1+2) = 2/3, negative = 1, neutral = 2·1/(2+1) = 2/3.
        #expect(abs(SentimentEvaluation.macroF1(predicted: predicted, actual: actual) - (2.0 / 3 + 1 + 2.0 / 3) / 3) < 1e-12)
        #expect(SentimentEvaluation.accuracy(predicted: predicted, actual: actual) == 0.75)
    }

    @Test func majorityGuessScoresLowMacroF1() {
        let actual: [SentimentLabel] = [.neutral, .neutral, .positive, .negative]
        let predicted = [SentimentLabel](repeating: .neutral, count: 4)
        // Only neutral has F1 > 0: 2·2/(4+2) = 2/3, averaged over three classes.
        #expect(abs(SentimentEvaluation.macroF1(predicted: predicted, actual: actual) - 2.0 / 9) < 1e-12)
    }

    @Test func labelledFileUnescapesTabsAndSkipsHeader() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brook-sentiment-\(UInt64.random(in: 0...UInt64.max)).tsv")
        try "text\tlabel\nProfit \\\\ loss\\tup\tpositive\nFlat\tneutral\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = try SentimentEvaluation.loadLabelledTSV(at: url)
        #expect(rows.count == 2)
        #expect(rows.first?.text == "Profit \\ loss\tup")
        #expect(rows.first?.label == .positive)
    }
}
