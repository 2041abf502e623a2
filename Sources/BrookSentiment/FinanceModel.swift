// VADER's machinery with a finance lexicon and rules for how markets phrase good and bad news.

/// A model for market headlines: plain VADER scores "shares fell" or "raises price target" as
/// neutral, while traders read them as clearly bad or good news.
public struct FinanceModel: SentimentModel {
    /// The model with VADER's lexicon and Brook's finance lexicon, loaded once.
    public static let shared = FinanceModel(
        lexicon: FinanceLexicon(
            vader: Lexicon(lexiconText: Lexicon.resourceText("vader_lexicon")),
            financeText: Lexicon.resourceText("finance_lexicon")
        )
    )

    public let name = "finance"
    private let tokenizer = VaderTokenizer(lexicon: nil)
    private let reader: FinanceReader
    private let scorer = VaderScorer(scoresRepeatsAtFirstOccurrence: false)

    init(lexicon: FinanceLexicon) {
        reader = FinanceReader(lexicon: lexicon)
    }

    /// Proportions and compound score, computed as VADER does over the finance valences.
    public func polarityScores(_ text: String) -> PolarityScores {
        var text = text
        return text.withUTF8 { bytes in
            var tokens = tokenizer.tokens(in: bytes)
            reader.annotate(&tokens)
            return scorer.polarity(of: tokens, in: bytes)
        }
    }

    public func score(_ text: String) -> Double {
        polarityScores(text).compound
    }
}
