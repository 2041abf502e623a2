// The word lists and constants of NLTK's VADER: boosters, negations, idioms and emphasis weights.

/// Constants from Hutto & Gilbert (2014) as NLTK's `VaderConstants` defines them.
enum VaderRules {
    /// Valence added by a booster word ("very"), or taken away by a dampener ("slightly").
    static let boosterIncrement = 0.293
    static let boosterDecrement = -0.293
    /// Valence added when a sentiment word is in capitals while others in the text are not.
    static let capsIncrement = 0.733
    /// Factor applied to a valence under negation.
    static let negationScalar = -0.74
    /// Normalisation constant: compound = sum / sqrt(sum² + alpha).
    static let normalisationAlpha = 15.0

    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Single-word degree adverbs; the two-word ones ("kind of") live in `boosterBigrams`.
    static let boosters: [String: Double] = {
        let up = ["absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
                  "deeply", "effing", "enormously", "entirely", "especially", "exceptionally",
                  "extremely", "fabulously", "flipping", "flippin", "fricking", "frickin",
                  "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly", "hugely",
                  "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely",
                  "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally",
                  "tremendously", "uber", "unbelievably", "unusually", "utterly", "very"]
        let down = ["almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
                    "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat",
                    "sorta", "sortof", "sort-of"]
        var table: [String: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = boosterDecrement }
        return table
    }()

    /// Two-word dampeners; NLTK only ever meets these as adjacent tokens in its idiom check.
    static let boosterBigrams: [[VaderWord]] = [[.just, .enough], [.kind, .of], [.sort, .of]]

    /// Idioms whose valence replaces the computed one, matched case-sensitively as NLTK does.
    static let idioms: [(words: [VaderWord], valence: Double)] = [
        ([.the, .shit], 3),
        ([.the, .bomb], 3),
        ([.bad, .ass], 1.5),
        ([.yeah, .right], -2),
        ([.cut, .the, .mustard], 2),
        ([.kiss, .of, .death], -1.5),
        ([.hand, .to, .mouth], -2),
    ]

    /// Punctuation runs NLTK strips from either end of a token (its PUNC_LIST), each packed
    /// big-endian into an integer so a token's run can be tested without allocating.
    static let strippablePunctuation: Set<UInt32> = Set(
        [".", "!", "?", ",", ";", ":", "-", "'", "\"", "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?"]
            .map { $0.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    )
}

/// Words the rules test for by identity; a code per word keeps those tests to an integer compare.
enum VaderWord: UInt8, Sendable {
    case none
    case kind, of, least, at, very, but, never, so, this
    case the, shit, bomb, bad, ass, yeah, right, cut, mustard, kiss, death, hand, to, mouth
    case sort, just, enough

    static let byText: [String: VaderWord] = [
        "kind": .kind, "of": .of, "least": .least, "at": .at, "very": .very, "but": .but,
        "never": .never, "so": .so, "this": .this, "the": .the, "shit": .shit, "bomb": .bomb,
        "bad": .bad, "ass": .ass, "yeah": .yeah, "right": .right, "cut": .cut, "mustard": .mustard,
        "kiss": .kiss, "death": .death, "hand": .hand, "to": .to, "mouth": .mouth, "sort": .sort,
        "just": .just, "enough": .enough,
    ]
}
