// Prints accuracy and macro-F1 of both models on a labelled file named by the environment.
import Foundation
import Testing
import BrookSentiment

struct EvaluationReportTests {
    /// Run by scripts/sentiment/evaluate.sh; skipped unless BROOK_SENTIMENT_EVAL_FILE is set, since
    /// evaluation data is not shipped with the package.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BROOK_SENTIMENT_EVAL_FILE"] != nil))
    func financeBeatsVaderOnEvaluationFile() throws {
        let path = try #require(ProcessInfo.processInfo.environment["BROOK_SENTIMENT_EVAL_FILE"])
        let examples = try SentimentEvaluation.loadLabelledTSV(at: URL(fileURLWithPath: path))
        #expect(!examples.isEmpty)
        let vader = SentimentEvaluation(model: VaderModel.shared, examples: examples)
        let finance = SentimentEvaluation(model: FinanceModel.shared, examples: examples)
        print("evaluation file: \(path)")
        for result in [vader, finance] {
            print(result)
            for actual in SentimentLabel.allCases {
                let row = SentimentLabel.allCases.map { "\($0.rawValue)=\(result.confusion[actual]?[$0] ?? 0)" }
                print("    actual \(actual.rawValue): predicted \(row.joined(separator: " "))")
            }
        }
        #expect(finance.macroF1 > vader.macroF1)
    }
}
