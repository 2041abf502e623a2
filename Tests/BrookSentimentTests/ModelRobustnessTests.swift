// Feeds both models awkward and random text to show they never trap and stay in range.
import Testing
import BrookSentiment

struct ModelRobustnessTests {
    @Test func extremeTextStaysWithinUnitRange() {
        let glowing = String(repeating: "GREAT AMAZING WONDERFUL ", count: 50) + "!!!!"
        for model in SentimentModels.all {
            #expect(abs(model.score(glowing)) <= 1)
            #expect(abs(model.score("terrible awful horrible disaster collapse plunge ???")) <= 1)
        }
    }

    @Test func randomTextNeverTrapsAndStaysInRange() {
        let pieces = ["good", "not", "but", "least", "kind", "of", "the", "shit", "never", "so", "sales", "fell",
                      "loss", "narrowed", "price", "target", "raises", "higher", "5%", "!", "?", ",", "'", "\"",
                      "é", "\u{301}", "\u{212A}", "ǅ", "😀", "\u{200B}", "\u{00A0}", "\t", "\r\n", " ", "  ", "—", ":)",
                      "İ", "ΣΑΣ", "n't", "no", "at", "very", "cut", "the", "mustard", "(", ")", "$AAPL"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var worst = 0.0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<next(40) {
                text += pieces[next(pieces.count)]
                if next(3) > 0 { text += " " }
            }
            for model in SentimentModels.all {
                worst = max(worst, abs(model.score(text)))
            }
        }
        #expect(worst <= 1)
        #expect(worst > 0.5)
    }
}
