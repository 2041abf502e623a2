// VADER's valence rules applied to a token list: boosters, capitals, negation, idioms, "least", "but", punctuation.

/// The rule engine of NLTK's `SentimentIntensityAnalyzer`, shared by the plain and finance models.
struct VaderScorer {
    /// NLTK scores every repeat of a token in the context of its first occurrence (it looks
    /// positions up with `list.index`); parity needs that, other models may prefer true positions.
    var scoresRepeatsAtFirstOccurrence = true

    func polarity(of tokens: [VaderToken], in bytes: UnsafeBufferPointer<UInt8>) -> PolarityScores {
        guard !tokens.isEmpty else { return .zero }
        let capsDiffer = Self.someButNotAllUpper(tokens)
        var sentiments = [Double](repeating: 0, count: tokens.count)
        if scoresRepeatsAtFirstOccurrence {
            let firstIndex = Self.firstOccurrences(tokens, bytes)
            for position in tokens.indices {
                sentiments[position] = valence(at: firstIndex[position], tokens, capsDiffer)
            }
        } else {
            for position in tokens.indices {
                sentiments[position] = valence(at: position, tokens, capsDiffer)
            }
        }
        applyBut(tokens, &sentiments)
        return summarise(sentiments, bytes)
    }

    private func valence(at i: Int, _ tokens: [VaderToken], _ capsDiffer: Bool) -> Double {
        let item = tokens[i]
        if item.booster != nil { return 0 }
        if item.lowerWord == .kind, i + 1 < tokens.count, tokens[i + 1].lowerWord == .of { return 0 }
        guard var valence = item.valence else { return 0 }
        if item.isUpper, capsDiffer { valence += valence > 0 ? VaderRules.capsIncrement : -VaderRules.capsIncrement }
        for distance in 0..<3 where i > distance && tokens[i - distance - 1].valence == nil {
            var scalar = Self.boost(from: tokens[i - distance - 1], valence, capsDiffer)
            if scalar != 0 {
                if distance == 1 { scalar *= 0.95 } else if distance == 2 { scalar *= 0.9 }
            }
            valence += scalar
            valence = negationCheck(valence, distance, i, tokens)
            if distance == 2 { valence = idiomCheck(valence, i, tokens) }
        }
        return leastCheck(valence, i, tokens)
    }

    /// NLTK's `scalar_inc_dec`: a booster's push, signed to follow the valence, stronger in capitals.
    private static func boost(from word: VaderToken, _ valence: Double, _ capsDiffer: Bool) -> Double {
        guard var scalar = word.booster else { return 0 }
        if valence < 0 { scalar = -scalar }
        if word.isUpper, capsDiffer { scalar += valence > 0 ? VaderRules.capsIncrement : -VaderRules.capsIncrement }
        return scalar
    }

    /// NLTK's `_never_check`, including its case-sensitive "never so"/"never this" intensifiers
    /// and its habit of boosting anything two words after "so" or "this".
    private func negationCheck(_ valence: Double, _ distance: Int, _ i: Int, _ tokens: [VaderToken]) -> Double {
        switch distance {
        case 0:
            return tokens[i - 1].negates ? valence * VaderRules.negationScalar : valence
        case 1:
            if tokens[i - 2].exactWord == .never, Self.isSoOrThis(tokens[i - 1]) { return valence * 1.5 }
            return tokens[i - 2].negates ? valence * VaderRules.negationScalar : valence
        default:
            if (tokens[i - 3].exactWord == .never && Self.isSoOrThis(tokens[i - 2])) || Self.isSoOrThis(tokens[i - 1]) {
                return valence * 1.25
            }
            return tokens[i - 3].negates ? valence * VaderRules.negationScalar : valence
        }
    }

    private static func isSoOrThis(_ token: VaderToken) -> Bool {
        let word = token.exactWord
        return word == .so || word == .this
    }

    /// NLTK's `_idioms_check`: the first idiom ending at or just before the word replaces its
    /// valence, idioms starting at the word override that, and "kind of"-style bigrams dampen.
    private func idiomCheck(_ valence: Double, _ i: Int, _ tokens: [VaderToken]) -> Double {
        // Every idiom or bigram NLTK tries includes the word itself or one of the two before it.
        if tokens[i].exactWord == .none, tokens[i - 1].exactWord == .none, tokens[i - 2].exactWord == .none {
            return valence
        }
        var valence = valence
        let backward: [ClosedRange<Int>] = [(i - 1)...i, (i - 2)...i, (i - 2)...(i - 1), (i - 3)...(i - 1), (i - 3)...(i - 2)]
        for span in backward {
            if let idiom = Self.idiomValence(span, tokens) {
                valence = idiom
                break
            }
        }
        if tokens.count - 1 > i, let idiom = Self.idiomValence(i...(i + 1), tokens) { valence = idiom }
        if tokens.count - 1 > i + 1, let idiom = Self.idiomValence(i...(i + 2), tokens) { valence = idiom }
        if Self.isBoosterBigram(i - 3, tokens) || Self.isBoosterBigram(i - 2, tokens) {
            valence += VaderRules.boosterDecrement
        }
        return valence
    }

    private static func idiomValence(_ span: ClosedRange<Int>, _ tokens: [VaderToken]) -> Double? {
        for idiom in VaderRules.idioms where idiom.words.count == span.count {
            if zip(idiom.words, span).allSatisfy({ tokens[$1].exactWord == $0 }) { return idiom.valence }
        }
        return nil
    }

    private static func isBoosterBigram(_ first: Int, _ tokens: [VaderToken]) -> Bool {
        VaderRules.boosterBigrams.contains { $0[0] == tokens[first].exactWord && $0[1] == tokens[first + 1].exactWord }
    }

    /// NLTK's `_least_check`: "least" before a word negates it, except in "at least" and "very least".
    private func leastCheck(_ valence: Double, _ i: Int, _ tokens: [VaderToken]) -> Double {
        guard i > 0, tokens[i - 1].valence == nil, tokens[i - 1].lowerWord == .least else { return valence }
        if i > 1 {
            let before = tokens[i - 2].lowerWord
            return (before != .at && before != .very) ? valence * VaderRules.negationScalar : valence
        }
        return valence * VaderRules.negationScalar
    }

    /// NLTK's `_but_check`: after the first "but" sentiment counts 1.5 times, before it half.
    private func applyBut(_ tokens: [VaderToken], _ sentiments: inout [Double]) {
        guard let but = tokens.firstIndex(where: { $0.lowerWord == .but }) else { return }
        for index in sentiments.indices where index != but {
            sentiments[index] *= index < but ? 0.5 : 1.5
        }
    }

    private func summarise(_ sentiments: [Double], _ bytes: UnsafeBufferPointer<UInt8>) -> PolarityScores {
        var sum = 0.0
        for sentiment in sentiments { sum += sentiment }
        let emphasis = Self.punctuationEmphasis(bytes)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let compound = sum / (sum * sum + VaderRules.normalisationAlpha).squareRoot()

        var positive = 0.0
        var negative = 0.0
        var neutral = 0.0
        for sentiment in sentiments {
            if sentiment > 0 { positive += sentiment + 1 }
            if sentiment < 0 { negative += sentiment - 1 }
            if sentiment == 0 { neutral += 1 }
        }
        if positive > abs(negative) { positive += emphasis } else if positive < abs(negative) { negative -= emphasis }
        let total = positive + abs(negative) + neutral
        return PolarityScores(
            neg: abs(negative / total).pythonRounded(digits: 3),
            neu: abs(neutral / total).pythonRounded(digits: 3),
            pos: abs(positive / total).pythonRounded(digits: 3),
            compound: compound.pythonRounded(digits: 4)
        )
    }

    /// Up to four "!" add 0.292 each; two or three "?" add 0.18 each, more add 0.96 in all.
    private static func punctuationEmphasis(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var exclamations = 0
        var questions = 0
        for byte in bytes {
            if byte == UInt8(ascii: "!") { exclamations += 1 } else if byte == UInt8(ascii: "?") { questions += 1 }
        }
        let exclamationEmphasis = Double(min(exclamations, 4)) * 0.292
        var questionEmphasis = 0.0
        if questions > 1 { questionEmphasis = questions <= 3 ? Double(questions) * 0.18 : 0.96 }
        return exclamationEmphasis + questionEmphasis
    }

    /// NLTK's `allcap_differential`: capitals only count as emphasis when some words are not capitals.
    private static func someButNotAllUpper(_ tokens: [VaderToken]) -> Bool {
        let upper = tokens.reduce(0) { $0 + ($1.isUpper ? 1 : 0) }
        return upper > 0 && upper < tokens.count
    }

    /// Index of the first token spelled byte-for-byte like each token; long texts use a table so
    /// the search stays linear (NLTK made the same change against quadratic blow-up).
    private static func firstOccurrences(_ tokens: [VaderToken], _ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result = Array(tokens.indices)
        if tokens.count > 64 {
            var seen: [[UInt8]: Int] = [:]
            for (index, token) in tokens.enumerated() {
                let spelling = Array(bytes[token.start..<token.end])
                if let first = seen[spelling] { result[index] = first } else { seen[spelling] = index }
            }
            return result
        }
        for index in tokens.indices {
            for earlier in 0..<index where sameSpelling(tokens[earlier], tokens[index], bytes) {
                result[index] = earlier
                break
            }
        }
        return result
    }

    private static func sameSpelling(_ a: VaderToken, _ b: VaderToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.end - a.start == b.end - b.start else { return false }
        for offset in 0..<(a.end - a.start) where bytes[a.start + offset] != bytes[b.start + offset] { return false }
        return true
    }
}
