// The four numbers VADER reports for a text.

/// VADER's full result: the proportions of negative, neutral and positive weight, and the compound score.
public struct PolarityScores: Sendable, Equatable {
    /// Share of negative weight, rounded to 3 decimals as NLTK does.
    public var neg: Double
    /// Share of neutral weight, rounded to 3 decimals.
    public var neu: Double
    /// Share of positive weight, rounded to 3 decimals.
    public var pos: Double
    /// Normalised sum of valences in [-1, 1], rounded to 4 decimals.
    public var compound: Double

    public init(neg: Double, neu: Double, pos: Double, compound: Double) {
        self.neg = neg
        self.neu = neu
        self.pos = pos
        self.compound = compound
    }

    static let zero = PolarityScores(neg: 0, neu: 0, pos: 0, compound: 0)
}
