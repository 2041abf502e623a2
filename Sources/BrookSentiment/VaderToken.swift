// One token of a text as VADER's rules see it.

/// A token after NLTK's punctuation stripping, with the facts the rules consult precomputed.
struct VaderToken {
    /// Byte range of the token's original spelling within the text's UTF-8.
    var start: Int
    var end: Int
    /// Python `str.lower()` of the token, the key into the lexicon.
    var lowercased: String
    /// True when the original spelling already was lowercase, so case-sensitive rules may match it.
    var isLowercase: Bool
    /// Python `str.isupper()`: at least one cased character and no lowercase ones.
    var isUpper: Bool
    var entry: LexiconEntry?
    /// NLTK's `negated([word])`: a negation word, or any word containing "n't".
    var negates: Bool
    /// A lone ",", ";" or ":" (which VADER drops as a one-character token) came right after this
    /// token; the finance rules treat it as the end of a clause.
    var isFollowedBySeparator = false

    /// The word's valence when it is sentiment-laden; `nil` plays the role of "not in lexicon".
    var valence: Double? { entry?.valence }
    var booster: Double? { entry?.booster }
    /// Identity of a rule word matched on the lowercase spelling (NLTK's `.lower() == "least"`).
    var lowerWord: VaderWord { entry?.word ?? .none }
    /// Identity of a rule word matched on the exact spelling (NLTK's `== "never"`).
    var exactWord: VaderWord { isLowercase ? lowerWord : .none }
}
