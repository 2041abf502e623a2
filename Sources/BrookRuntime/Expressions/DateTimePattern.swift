// Java-style date patterns (yyyy-MM-dd HH:mm:ss.SSS, dd-MMM-yyyy, EEE hh a) for DATE_FORMAT, TO_TIMESTAMP and friends.
import BrookCore
import BrookPlanner

/// A compiled subset of Java's date patterns: the letters `DatePatternLetters.supported` names
/// and quoted or other literal text. Formats and parses wall-clock microseconds; a pattern with
/// another letter does not compile, so callers give NULL instead of copying the letter.
struct DateTimePattern: Sendable {
    enum Piece: Sendable {
        case field(Character, width: Int)
        case literal(String)
    }

    let pieces: [Piece]

    static let standard = DateTimePattern("yyyy-MM-dd HH:mm:ss")!
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    init?(_ pattern: String) {
        guard DatePatternLetters.firstUnsupported(in: pattern) == nil else { return nil }
        var pieces: [Piece] = []
        let characters = Array(pattern)
        var index = 0
        var literal = ""
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let c = characters[index]
            if c == "'" {
                // '' is a quote; 'text' is literal text.
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    literal.append("'")
                    index += 2
                    continue
                }
                index += 1
                while index < characters.count {
                    if characters[index] == "'" {
                        guard index + 1 < characters.count, characters[index + 1] == "'" else { break }
                        index += 1
                    }
                    literal.append(characters[index])
                    index += 1
                }
                index += 1
            } else if DatePatternLetters.supported.contains(c) {
                flush()
                var width = 0
                while index < characters.count, characters[index] == c {
                    width += 1
                    index += 1
                }
                pieces.append(.field(c, width: width))
            } else {
                literal.append(c)
                index += 1
            }
        }
        flush()
        self.pieces = pieces
    }

    func format(_ micros: Int64) -> String {
        let dayMicros: Int64 = 86_400_000_000
        let days = micros >= 0 ? micros / dayMicros : (micros - dayMicros + 1) / dayMicros
        let time = micros - days * dayMicros
        let (year, month, day) = TemporalText.civilFromDays(Int(days))
        let hour = Int(time / 3_600_000_000)
        let sundayBased = Int(((days + 4) % 7 + 7) % 7)
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .field(let c, let width):
                let value: Int
                switch c {
                case "y": value = width == 2 ? year % 100 : year
                case "M" where width >= 3:
                    out += width == 3 ? String(Self.monthNames[month - 1].prefix(3)) : Self.monthNames[month - 1]
                    continue
                case "M": value = month
                case "E":
                    out += width <= 3 ? String(Self.dayNames[sundayBased].prefix(3)) : Self.dayNames[sundayBased]
                    continue
                case "a":
                    out += hour < 12 ? "AM" : "PM"
                    continue
                case "d": value = day
                case "D": value = Int(days) - TemporalText.daysFromCivil(year: year, month: 1, day: 1) + 1
                case "w": value = Self.weekOfYear(Int(days))
                case "H": value = hour
                case "h": value = hour % 12 == 0 ? 12 : hour % 12
                case "m": value = Int(time / 60_000_000 % 60)
                case "s": value = Int(time / 1_000_000 % 60)
                default:
                    var fraction = Int(time % 1_000_000)
                    for _ in 0..<max(0, 6 - width) { fraction /= 10 }
                    value = fraction
                }
                let text = String(value)
                out += String(repeating: "0", count: max(0, width - text.count)) + text
            }
        }
        return out
    }

    /// Java's week of year in the US convention: weeks start on Sunday and week 1 holds January 1,
    /// so the last days of December may be week 1 of the next year.
    static func weekOfYear(_ days: Int) -> Int {
        let sunday = days - ((days + 4) % 7 + 7) % 7
        let (year, _, _) = TemporalText.civilFromDays(sunday + 6)
        let januaryFirst = TemporalText.daysFromCivil(year: year, month: 1, day: 1)
        let firstSunday = januaryFirst - ((januaryFirst + 4) % 7 + 7) % 7
        return (sunday - firstSunday) / 7 + 1
    }

    /// Wall-clock microseconds of `text`, or nil when it does not match the pattern. Names match
    /// in any case; a week of year (`w`) cannot be parsed back to a date.
    func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        var fields: [Character: Int] = [:]
        var fractionDigits = 0
        var afternoon: Bool?
        func matchName(_ names: [String], width: Int) -> Int? {
            let candidates = names.enumerated().flatMap { [($0.offset, $0.element), ($0.offset, String($0.element.prefix(3)))] }
            for (number, name) in candidates.sorted(by: { $0.1.count > $1.1.count }) where width >= 4 || name.count == 3 {
                let utf8 = Array(name.lowercased().utf8)
                guard index + utf8.count <= bytes.count,
                      bytes[index..<index + utf8.count].map({ $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }) == utf8 else { continue }
                index += utf8.count
                return number
            }
            return nil
        }
        for (number, piece) in pieces.enumerated() {
            switch piece {
            case .literal(let literal):
                for byte in literal.utf8 {
                    guard index < bytes.count, bytes[index] == byte else { return nil }
                    index += 1
                }
            case .field("w", _):
                return nil
            case .field("M", let width) where width >= 3:
                guard let month = matchName(Self.monthNames, width: width) else { return nil }
                fields["M"] = month + 1
            case .field("E", let width):
                guard matchName(Self.dayNames, width: width) != nil else { return nil }
            case .field("a", _):
                guard let half = matchName(["AM", "PM"], width: 4) else { return nil }
                afternoon = half % 2 == 1
            case .field(let c, let width):
                let isLast = number == pieces.count - 1
                let nextIsField: Bool = {
                    guard number + 1 < pieces.count, case .field = pieces[number + 1] else { return false }
                    return true
                }()
                let maxDigits = (isLast || !nextIsField) && c != "S" ? 9 : width
                var value = 0
                var digits = 0
                while index < bytes.count, digits < maxDigits, bytes[index] >= 48, bytes[index] <= 57 {
                    value = value * 10 + Int(bytes[index] - 48)
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
                if c == "S" { fractionDigits = digits }
                fields[c] = value
            }
        }
        guard index == bytes.count else { return nil }
        let year = fields["y"] ?? 1970
        var days: Int64
        if let dayOfYear = fields["D"], fields["M"] == nil, fields["d"] == nil {
            days = Int64(TemporalText.daysFromCivil(year: year, month: 1, day: 1) + dayOfYear - 1)
            guard (1...(TemporalText.daysInMonth(year: year, month: 2) == 29 ? 366 : 365)).contains(dayOfYear) else { return nil }
        } else {
            let month = fields["M"] ?? 1
            let day = fields["d"] ?? 1
            guard (1...12).contains(month), (1...TemporalText.daysInMonth(year: year, month: month)).contains(day) else { return nil }
            days = Int64(TemporalText.daysFromCivil(year: year, month: month, day: day))
        }
        var hours = fields["H"] ?? 0
        if let clock = fields["h"] {
            guard (1...12).contains(clock) else { return nil }
            hours = clock % 12 + (afternoon == true ? 12 : 0)
        } else if afternoon == true, hours < 12 {
            hours += 12
        }
        var fraction = Int64(fields["S"] ?? 0)
        for _ in min(fractionDigits, 6)..<6 { fraction *= 10 }
        for _ in min(fractionDigits, 6)..<max(fractionDigits, 6) { fraction /= 10 }
        let seconds = Int64(hours * 3600 + (fields["m"] ?? 0) * 60 + (fields["s"] ?? 0))
        return days * 86_400_000_000 + seconds * 1_000_000 + fraction
    }
}
