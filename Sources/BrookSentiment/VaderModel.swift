// The VADER model with NLTK's lexicon, scoring as `nltk.sentiment.vader.SentimentIntensityAnalyzer` does.

/// Plain VADER (Hutto & Gilbert 2014), matching NLTK's compound score to 4 decimals, so Brook's
/// scores agree with the Python tooling traders already use.
public struct VaderModel: SentimentModel {
    /// The model with NLTK's lexicon, loaded once from the module's resources.
    public static let shared = VaderModel(lexicon: Lexicon(lexiconText: Lexicon.resourceText("vader_lexicon")))

    public let name = "vader"
    private let tokenizer: VaderTokenizer
    private let scorer = VaderScorer()

    init(lexicon: Lexicon) {
        tokenizer = VaderTokenizer(lexicon: lexicon)
    }

    /// NLTK's `polarity_scores`: neg/neu/pos rounded to 3 decimals, compound to 4.
    public func polarityScores(_ text: String) -> PolarityScores {
        var text = text
        return text.withUTF8 { bytes in
            scorer.polarity(of: tokenizer.tokens(in: bytes), in: bytes)
        }
    }

    public func score(_ text: String) -> Double {
        polarityScores(text).compound
    }
}
