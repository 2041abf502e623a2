// Turns a tokenised headline into per-word valences using the finance lexicon's roles.

/// Reads market language: joins multi-word terms, ties each direction word ("fell", "raises") to
/// the nearest quantity it moves in the same clause ("loss", "price target"), and sets valences so
/// that a falling burden reads as good news and a falling asset as bad. VaderScorer then applies
/// VADER's boosters, negation, capitals and "but" to the result.
struct FinanceReader {
    let lexicon: FinanceLexicon
    /// How far a direction word looks for its quantity: subjects sit before the verb, objects after.
    static let lookBehind = 5
    static let lookAhead = 4
    /// Comparatives ("higher") only bind to a quantity right next to them.
    static let comparativeReach = 3

    private struct Unit {
        var start: Int
        var role: FinanceRole?
        var valence: Double?
        /// A direction word has claimed this quantity, so its own valence no longer counts.
        var isMoved = false
    }

    func annotate(_ tokens: inout [VaderToken]) {
        let count = tokens.count
        guard count > 0 else { return }
        var facts = tokens.map { WordFacts($0, lexicon) }
        var units: [Unit] = []
        units.reserveCapacity(count)
        var unitOf = [Int](repeating: 0, count: count)
        var index = 0
        while index < count {
            let word = facts[index].word
            var span = 1
            var role = word?.role
            if let word, word.phraseCount > 0 {
                let candidates = Int(word.phraseStart)..<Int(word.phraseStart + word.phraseCount)
                for phrase in lexicon.phrases[candidates] where Self.matches(phrase.rest, after: index, facts) {
                    span = phrase.rest.count + 1
                    role = phrase.role
                    break
                }
            }
            tokens[index].entry = span > 1 ? LexiconEntry() : word?.entry
            for covered in index..<(index + span) {
                unitOf[covered] = units.count
                if covered > index { tokens[covered].entry = nil }
            }
            if span > 1 { facts[index].endsClause = facts[index + span - 1].endsClause }
            units.append(Unit(start: index, role: role, valence: tokens[index].entry?.valence))
            index += span
        }

        for position in units.indices {
            guard let role = units[position].role else { continue }
            if let move = role.movement {
                let reach = move.isComparative ? (Self.comparativeReach, Self.comparativeReach) : (Self.lookBehind, Self.lookAhead)
                if let quantity = nearestQuantity(to: position, units, unitOf, facts, reach: reach) {
                    let flip: Double = units[quantity].role?.isBurden == true ? -1 : 1
                    units[quantity].isMoved = true
                    units[quantity].valence = nil
                    units[position].valence = flip * move.sign * move.magnitude
                } else if !move.isComparative || Self.numberFollows(units, position, facts) {
                    units[position].valence = move.sign * move.magnitude
                } else {
                    units[position].valence = nil
                }
                continue
            }
            switch role {
            case .tone(let value):
                units[position].valence = value == 0 ? nil : value
            case .negation:
                units[position].valence = nil
                tokens[units[position].start].negates = true
            case .asset(let value), .burden(let value):
                if !units[position].isMoved { units[position].valence = value == 0 ? nil : value }
            default:
                break
            }
        }
        for unit in units {
            if tokens[unit.start].entry == nil, unit.valence != nil { tokens[unit.start].entry = LexiconEntry() }
            tokens[unit.start].entry?.valence = unit.valence
            tokens[unit.start].negates = (tokens[unit.start].entry?.isNegation ?? false) || tokens[unit.start].negates
        }
    }

    private static func matches(_ rest: [String], after index: Int, _ facts: [WordFacts]) -> Bool {
        guard index + rest.count < facts.count else { return false }
        for (offset, word) in rest.enumerated() {
            if facts[index + offset].endsClause || facts[index + 1 + offset].bare != word { return false }
        }
        return true
    }

    private static func numberFollows(_ units: [Unit], _ position: Int, _ facts: [WordFacts]) -> Bool {
        guard position + 1 < units.count else { return false }
        return facts[units[position + 1].start].isNumber
    }

    /// The closest free quantity in the same clause, preferring the one before when two are as close.
    private func nearestQuantity(to position: Int, _ units: [Unit], _ unitOf: [Int], _ facts: [WordFacts],
                                 reach: (behind: Int, ahead: Int)) -> Int? {
        let start = units[position].start
        let end = position + 1 < units.count ? units[position + 1].start : facts.count
        var behindOpen = true
        var aheadOpen = !facts[end - 1].endsClause
        for distance in 1...max(reach.behind, reach.ahead) {
            let behind = start - distance
            if behindOpen, distance <= reach.behind, behind >= 0 {
                if facts[behind].breaksClause || facts[behind].endsClause {
                    behindOpen = false
                } else if Self.isFreeQuantity(units[unitOf[behind]]) {
                    return unitOf[behind]
                }
            }
            let ahead = end - 1 + distance
            if aheadOpen, distance <= reach.ahead, ahead < facts.count {
                if facts[ahead].breaksClause {
                    aheadOpen = false
                } else if Self.isFreeQuantity(units[unitOf[ahead]]) {
                    return unitOf[ahead]
                } else if facts[ahead].endsClause {
                    aheadOpen = false
                }
            }
        }
        return nil
    }

    /// A quantity no earlier direction word has claimed: in "lower costs lifted margins" the
    /// costs belong to "lower", so "lifted" must move the margins.
    private static func isFreeQuantity(_ unit: Unit) -> Bool {
        (unit.role?.isQuantity ?? false) && !unit.isMoved
    }
}

/// Per-token facts the finance rules need beyond VADER's.
private struct WordFacts {
    /// Lowercase with punctuation trimmed from both ends, so "loss," and "(loss)" find "loss".
    var bare: String
    var word: FinanceWord?
    /// The token ends in ",", ";" or ":", or one follows it, closing its clause.
    var endsClause: Bool
    /// The token is a clause boundary itself: a bare separator or a contrasting conjunction.
    var breaksClause: Bool
    var isNumber: Bool

    init(_ token: VaderToken, _ lexicon: FinanceLexicon) {
        let utf8 = token.lowercased.utf8
        var first = utf8.startIndex
        var last = utf8.endIndex
        while first < last, VaderTokenizer.isPunctuation(utf8[first]) { first = utf8.index(after: first) }
        while last > first, VaderTokenizer.isPunctuation(utf8[utf8.index(before: last)]) { last = utf8.index(before: last) }
        if first == utf8.startIndex, last == utf8.endIndex {
            bare = token.lowercased
        } else {
            bare = String(token.lowercased[first..<last])
        }
        word = lexicon[bare]
        endsClause = token.isFollowedBySeparator || (!bare.isEmpty && VaderTokenizer.isSeparator(utf8.last ?? 0))
        breaksClause = (bare.isEmpty && utf8.contains(where: VaderTokenizer.isSeparator)) || (word?.breaksClause ?? false)
        let lead = bare.utf8.first ?? 0
        isNumber = lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9")
    }
}
