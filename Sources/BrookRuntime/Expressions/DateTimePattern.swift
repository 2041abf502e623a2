// Java-style date patterns (yyyy-MM-dd HH:mm:ss.SSS) for DATE_FORMAT, TO_TIMESTAMP and friends.
import BrookCore

/// A compiled subset of Java's SimpleDateFormat patterns: y, M, d, H, m, s, S fields and
/// quoted or other literal text. Formats and parses wall-clock microseconds.
struct DateTimePattern: Sendable {
    enum Piece: Sendable {
        case field(Character, width: Int)
        case literal(String)
    }

    let pieces: [Piece]

    static let standard = DateTimePattern("yyyy-MM-dd HH:mm:ss")

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var characters = Array(pattern)
        var index = 0
        var literal = ""
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let c = characters[index]
            if c == "'" {
                index += 1
                while index < characters.count, characters[index] != "'" {
                    literal.append(characters[index])
                    index += 1
                }
                index += 1
            } else if "yMdHmsS".contains(c) {
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
        characters.removeAll()
        self.pieces = pieces
    }

    func format(_ micros: Int64) -> String {
        let dayMicros: Int64 = 86_400_000_000
        let days = micros >= 0 ? micros / dayMicros : (micros - dayMicros + 1) / dayMicros
        let time = micros - days * dayMicros
        let (year, month, day) = TemporalText.civilFromDays(Int(days))
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .field(let c, let width):
                let value: Int
                switch c {
                case "y": value = width == 2 ? year % 100 : year
                case "M": value = month
                case "d": value = day
                case "H": value = Int(time / 3_600_000_000)
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

    /// Wall-clock microseconds of `text`, or nil when it does not match the pattern.
    func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        var fields: [Character: Int] = [:]
        var fractionDigits = 0
        for (number, piece) in pieces.enumerated() {
            switch piece {
            case .literal(let literal):
                for byte in literal.utf8 {
                    guard index < bytes.count, bytes[index] == byte else { return nil }
                    index += 1
                }
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
        let month = fields["M"] ?? 1
        let day = fields["d"] ?? 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var fraction = Int64(fields["S"] ?? 0)
        for _ in fractionDigits..<6 { fraction *= 10 }
        let days = Int64(TemporalText.daysFromCivil(year: year, month: month, day: day))
        let hours: Int = fields["H"] ?? 0
        let minutes: Int = fields["m"] ?? 0
        let secondsOfMinute: Int = fields["s"] ?? 0
        let seconds = Int64(hours * 3600 + minutes * 60 + secondsOfMinute)
        return days * 86_400_000_000 + seconds * 1_000_000 + fraction
    }
}
