// The three-way label a score maps to, with the thresholds VADER's authors recommend.

/// The class a score falls into, so `SENTIMENT_LABEL` and evaluations share one threshold rule.
public enum SentimentLabel: String, Sendable, CaseIterable {
    case positive, negative, neutral

    /// Scores at or beyond ±0.05 carry a direction; the band between is neutral (Hutto & Gilbert 2014).
    public static let threshold = 0.05

    public init(score: Double) {
        if score >= Self.threshold {
            self = .positive
        } else if score <= -Self.threshold {
            self = .negative
        } else {
            self = .neutral
        }
    }
}
