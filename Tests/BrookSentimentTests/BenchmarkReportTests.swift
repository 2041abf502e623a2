// Prints headlines per second for both models; meant for release builds.
import Foundation
import Testing
import BrookSentiment

struct BenchmarkReportTests {
    /// Run by scripts/sentiment/bench.sh in a release build; skipped otherwise because debug
    /// timings say nothing about production speed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BROOK_SENTIMENT_BENCH"] != nil))
    func bothModelsScoreHeadlinesAtSpeed() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["BROOK_SENTIMENT_BENCH"] ?? "") ?? 3
        let corpora = [
            ("market headlines", try FixtureFile.rows("finance_heldout.tsv", skipHeader: true).map(\.text)),
            ("parity corpus", try FixtureFile.rows("vader_nltk_parity.tsv").map(\.text)),
        ]
        for (corpus, headlines) in corpora {
            for model in SentimentModels.all {
                let result = SentimentBenchmark.run(model: model, headlines: headlines, seconds: seconds)
                print(String(format: "%@ on %@ (%d texts): %.0f headlines/s on one core",
                             model.name, corpus, headlines.count, result.perSecond))
                #expect(result.count > 0)
            }
        }
    }
}
