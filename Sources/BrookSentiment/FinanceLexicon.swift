// The finance word table: VADER's entries plus Brook's finance terms, one lookup per word.

/// A multi-word term, stored under its first word.
struct FinancePhrase: Sendable {
    /// The words after the first, lowercase.
    var rest: [String]
    var role: FinanceRole
}

/// Everything FinanceModel knows about one lowercase word.
struct FinanceWord: Sendable {
    /// VADER's facts (valence, booster, negation) for the word.
    var entry: LexiconEntry?
    /// The word's own finance role, when it has one.
    var role: FinanceRole?
    /// Where the terms starting with this word sit in `FinanceLexicon.phrases`, longest first;
    /// an index range rather than an array keeps this value free of reference counting.
    var phraseStart: Int32 = 0
    var phraseCount: Int32 = 0
    /// A contrasting conjunction ("but", "while") that ends the reach of direction words.
    var breaksClause = false
}

/// VADER's lexicon merged with `finance_lexicon.txt` (`term<TAB>kind<TAB>value` lines).
struct FinanceLexicon: Sendable {
    private(set) var words: [String: FinanceWord] = [:]
    private(set) var phrases: [FinancePhrase] = []

    init(vader: Lexicon, financeText: String) {
        for (word, entry) in vader.entries { words[word] = FinanceWord(entry: entry) }
        var phrasesByFirst: [String: [FinancePhrase]] = [:]
        for line in financeText.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let value = Double(fields[2]),
                  let role = FinanceRole(kind: fields[1], value: value) else { continue }
            let terms = fields[0].split(separator: " ").map { String($0) }
            guard let first = terms.first else { continue }
            if terms.count == 1 {
                words[first, default: FinanceWord()].role = role
            } else {
                phrasesByFirst[first, default: []].append(FinancePhrase(rest: Array(terms.dropFirst()), role: role))
            }
        }
        for conjunction in Self.conjunctions { words[conjunction, default: FinanceWord()].breaksClause = true }
        for (first, candidates) in phrasesByFirst {
            words[first, default: FinanceWord()].phraseStart = Int32(phrases.count)
            words[first, default: FinanceWord()].phraseCount = Int32(candidates.count)
            phrases += candidates.sorted { $0.rest.count > $1.rest.count }
        }
    }

    private static let conjunctions = ["but", "while", "whereas", "although", "though", "however", "despite", "yet"]

    @inline(__always)
    subscript(word: String) -> FinanceWord? { words[word] }
}
