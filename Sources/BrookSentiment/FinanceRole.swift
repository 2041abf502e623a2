// What a finance term does in a sentence: carry a tone, move a quantity, be a quantity, or negate.

/// The part a term from the finance lexicon plays when FinanceModel reads a headline.
enum FinanceRole: Sendable, Equatable {
    /// A valence of its own; zero makes an everyday word neutral in market text.
    case tone(Double)
    /// A direction word ("rose", "cut"); positive magnitude, flipped when it moves a burden.
    case rise(Double)
    case fall(Double)
    /// A comparative ("higher", "down") that only means a move next to a quantity or a number.
    case riseIfAttached(Double)
    case fallIfAttached(Double)
    /// A quantity where more is good ("sales"); the value is its valence when nothing moves it.
    case asset(Double)
    /// A quantity where more is bad ("costs", "loss").
    case burden(Double)
    /// Negates what follows, as "not" does in VADER.
    case negation

    init?(kind: Substring, value: Double) {
        switch kind {
        case "tone": self = .tone(value)
        case "rise": self = .rise(value)
        case "fall": self = .fall(value)
        case "rise-if-attached": self = .riseIfAttached(value)
        case "fall-if-attached": self = .fallIfAttached(value)
        case "asset": self = .asset(value)
        case "burden": self = .burden(value)
        case "negation": self = .negation
        default: return nil
        }
    }

    /// For direction words: which way they move, how strongly, and whether they only count
    /// next to a quantity or a number.
    var movement: (sign: Double, magnitude: Double, isComparative: Bool)? {
        switch self {
        case .rise(let magnitude): (1, magnitude, false)
        case .fall(let magnitude): (-1, magnitude, false)
        case .riseIfAttached(let magnitude): (1, magnitude, true)
        case .fallIfAttached(let magnitude): (-1, magnitude, true)
        default: nil
        }
    }

    var isQuantity: Bool {
        switch self {
        case .asset, .burden: true
        default: false
        }
    }

    var isBurden: Bool {
        if case .burden = self { return true }
        return false
    }
}
