// The word table a scorer consults: valence, booster weight, negation and rule identity per lowercase word.
import Foundation

/// What the rules need to know about one lowercase word, gathered so each token costs one lookup.
struct LexiconEntry: Sendable {
    /// Mean valence from the lexicon; nil when the word is not sentiment-laden.
    var valence: Double?
    /// Degree-adverb weight when the word is a booster or dampener.
    var booster: Double?
    var isNegation = false
    var word: VaderWord = .none
}

/// An immutable table from lowercase word to `LexiconEntry`, built once and shared across tasks.
struct Lexicon: Sendable {
    private(set) var entries: [String: LexiconEntry]

    /// Parses `word<TAB>valence[<TAB>...]` lines; later lines win, as in NLTK's dictionary build.
    init(lexiconText: String) {
        var entries: [String: LexiconEntry] = [:]
        entries.reserveCapacity(8_192)
        for line in lexiconText.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2,
                  let valence = Double(fields[1].trimmingCharacters(in: .whitespaces)) else { continue }
            let word = String(fields[0]).trimmingCharacters(in: .whitespaces)
            entries[word, default: LexiconEntry()].valence = valence
        }
        for (word, weight) in VaderRules.boosters { entries[word, default: LexiconEntry()].booster = weight }
        for word in VaderRules.negations { entries[word, default: LexiconEntry()].isNegation = true }
        for (text, word) in VaderWord.byText { entries[text, default: LexiconEntry()].word = word }
        self.entries = entries
    }

    @inline(__always)
    subscript(lowercased: String) -> LexiconEntry? { entries[lowercased] }

    /// Reads a text file shipped in the module's resources; a missing file is a packaging bug.
    static func resourceText(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("BrookSentiment resource \(name).txt is missing from the bundle")
        }
        return text
    }
}
