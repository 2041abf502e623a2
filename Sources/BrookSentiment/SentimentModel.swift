// The protocol every sentiment scorer conforms to, so SQL functions and the CLI can take any model.

/// A scorer that maps a piece of text to a polarity in [-1, 1]; exists so callers pick a model by name.
public protocol SentimentModel: Sendable {
    /// The name SQL and the CLI use to select this model (`'vader'`, `'finance'`).
    var name: String { get }
    /// The polarity of `text`: negative below zero, positive above, in [-1, 1].
    func score(_ text: String) -> Double
    /// The polarity of each of `texts`, in order; models that call out to a service override it to batch and overlap calls.
    func scoreBatch(_ texts: [String]) -> [Double]
}

extension SentimentModel {
    public func scoreBatch(_ texts: [String]) -> [Double] {
        texts.map(score)
    }
}

/// Looks models up by the names SQL and the CLI accept.
public enum SentimentModels {
    /// Every built-in model, in the order help text should list them.
    public static let all: [any SentimentModel] = [VaderModel.shared, FinanceModel.shared]

    /// The built-in model called `name` (case-insensitive), or nil when there is none.
    public static func named(_ name: String) -> (any SentimentModel)? {
        let wanted = name.lowercased()
        return all.first { $0.name == wanted }
    }
}
