// Checks the score-to-label thresholds and model lookup by name.
import Testing
import BrookSentiment

struct SentimentLabelTests {
    @Test func thresholdsAreInclusiveAtFivePercent() {
        #expect(SentimentLabel(score: 0.05) == .positive)
        #expect(SentimentLabel(score: 0.0499) == .neutral)
        #expect(SentimentLabel(score: -0.05) == .negative)
        #expect(SentimentLabel(score: -0.0499) == .neutral)
    }

    @Test func modelsAreFoundByCaseInsensitiveName() {
        #expect(SentimentModels.named("VADER")?.name == "vader")
        #expect(SentimentModels.named("finance")?.name == "finance")
        #expect(SentimentModels.named("bert") == nil)
    }
}
