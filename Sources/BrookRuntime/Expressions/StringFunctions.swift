// String built-ins: case, concatenation, substrings, searching, trimming, LIKE, regular expressions, JSON.
import BrookCore
import Foundation

/// String functions with Flink's semantics: positions are 1-based and count characters,
/// CONCAT is NULL when any argument is, CONCAT_WS skips NULLs.
enum StringFunctions {
    static func register(into add: (String, Bool, @escaping ScalarImplementation) -> Void) {
        add("UPPER", true) { args throws(RuntimeError) in .string(args.string(0)!.uppercased()) }
        add("LOWER", true) { args throws(RuntimeError) in .string(args.string(0)!.lowercased()) }
        add("INITCAP", true) { args throws(RuntimeError) in
            var result = ""
            var startOfWord = true
            for character in args.string(0)! {
                result += startOfWord ? character.uppercased() : character.lowercased()
                startOfWord = !(character.isLetter || character.isNumber)
            }
            return .string(result)
        }
        add("||", true) { args throws(RuntimeError) in .string(args.string(0)! + args.string(1)!) }
        add("CONCAT", true) { args throws(RuntimeError) in .string(args.values.map { args.stringValue($0) }.joined()) }
        add("CONCAT_WS", false) { args throws(RuntimeError) in
            guard let separator = args.string(0) else { return .null }
            return .string(args.values.dropFirst().filter { !$0.isNull }.map { args.stringValue($0) }.joined(separator: separator))
        }
        // Flink's substring: position 0 reads as 1, a negative position counts from the end (and
        // gives '' before the start), a negative length gives NULL.
        let substring: ScalarImplementation = { args throws(RuntimeError) in
            let characters = Array(args.string(0)!)
            let start = Int(args.integer(1) ?? 1)
            let length = args.values.count > 2 ? Int(args.integer(2) ?? 0) : characters.count
            guard length >= 0 else { return .null }
            let from = start > 0 ? start - 1 : start == 0 ? 0 : characters.count + start
            guard from >= 0, from < characters.count else { return .string("") }
            return .string(String(characters[from..<(from + min(length, characters.count - from))]))
        }
        add("SUBSTRING", true, substring)
        add("SUBSTR", true, substring)
        add("CHAR_LENGTH", true) { args throws(RuntimeError) in .integer(Int64(args.string(0)!.count)) }
        add("CHARACTER_LENGTH", true) { args throws(RuntimeError) in .integer(Int64(args.string(0)!.count)) }
        add("TRIM", true) { args throws(RuntimeError) in .string(trim(args, leading: true, trailing: true)) }
        add("LTRIM", true) { args throws(RuntimeError) in .string(trim(args, leading: true, trailing: false)) }
        add("RTRIM", true) { args throws(RuntimeError) in .string(trim(args, leading: false, trailing: true)) }
        add("REPLACE", true) { args throws(RuntimeError) in
            let target = args.string(1)!
            guard !target.isEmpty else { return args[0] }
            return .string(args.string(0)!.replacingOccurrences(of: target, with: args.string(2)!))
        }
        add("POSITION", true) { args throws(RuntimeError) in
            .integer(Int64(position(of: Array(args.string(0)!), in: Array(args.string(1)!), from: 0)))
        }
        add("LOCATE", true) { args throws(RuntimeError) in
            let start = args.values.count > 2 ? Int(args.integer(2) ?? 1) : 1
            guard start >= 1 else { return .integer(0) }
            return .integer(Int64(position(of: Array(args.string(0)!), in: Array(args.string(1)!), from: start - 1)))
        }
        add("SPLIT_INDEX", true) { args throws(RuntimeError) in
            let index = Int(args.integer(2) ?? -1)
            let text = args.string(0)!
            let separator = args.string(1)!
            let pieces = separator.isEmpty ? text.split(whereSeparator: \.isWhitespace).map(String.init)
                : text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard !text.isEmpty, index >= 0, index < pieces.count else { return .null }
            return .string(pieces[index])
        }
        add("REPEAT", true) { args throws(RuntimeError) in
            let text = args.string(0)!
            let times = max(0, Int(args.integer(1) ?? 0))
            guard text.isEmpty || times <= maximumPaddedLength / text.count else {
                throw RuntimeError("REPEAT of \(text.count) characters \(times) times is longer than the \(maximumPaddedLength) characters a string may have")
            }
            return .string(String(repeating: text, count: times))
        }
        add("REVERSE", true) { args throws(RuntimeError) in .string(String(args.string(0)!.reversed())) }
        add("OVERLAY", true) { args throws(RuntimeError) in
            let text = Array(args.string(0)!)
            let replacement = args.string(1)!
            let start = max(0, Int(args.integer(2) ?? 1) - 1)
            let length = args.values.count > 3 ? max(0, Int(args.integer(3) ?? 0)) : replacement.count
            let head = String(text.prefix(start))
            let tail = start.addingReportingOverflow(length).overflow ? "" : String(text.dropFirst(start + length))
            return .string(head + replacement + tail)
        }
        add("ASCII", true) { args throws(RuntimeError) in .integer(Int64(args.string(0)!.unicodeScalars.first?.value ?? 0)) }
        add("CHR", true) { args throws(RuntimeError) in
            let code = args.integer(0) ?? 0
            guard code >= 0, let scalar = Unicode.Scalar(UInt32(code % 256)) else { return .string("") }
            return .string(String(Character(scalar)))
        }
        add("LEFT", true) { args throws(RuntimeError) in
            let count = max(0, Int(clamping: args.integer(1) ?? 0))
            return .string(String(args.string(0)!.prefix(count)))
        }
        add("RIGHT", true) { args throws(RuntimeError) in
            let count = max(0, Int(clamping: args.integer(1) ?? 0))
            return .string(String(args.string(0)!.suffix(count)))
        }
        add("LPAD", true) { args throws(RuntimeError) in try pad(args, left: true) }
        add("RPAD", true) { args throws(RuntimeError) in try pad(args, left: false) }
        add("LIKE", true) { args throws(RuntimeError) in
            .boolean(try LikePattern(args.string(1)!, escape: args.values.count > 2 ? args.string(2) : nil).matches(args.string(0)!))
        }
        add("NOT LIKE", true) { args throws(RuntimeError) in
            .boolean(!(try LikePattern(args.string(1)!, escape: args.values.count > 2 ? args.string(2) : nil).matches(args.string(0)!)))
        }
        add("REGEXP", true) { args throws(RuntimeError) in
            let text = args.string(0)!
            return .boolean(try RegexCache.shared.regex(args.string(1)!).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil)
        }
        add("REGEXP_REPLACE", true) { args throws(RuntimeError) in
            let text = args.string(0)!
            let regex = try RegexCache.shared.regex(args.string(1)!)
            let template = args.string(2)!.replacingOccurrences(of: "\\", with: "\\\\")
            return .string(regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template))
        }
        add("REGEXP_EXTRACT", true) { args throws(RuntimeError) in
            let text = args.string(0)!
            let group = args.values.count > 2 ? Int(args.integer(2) ?? 1) : 1
            guard group >= 0, let match = try RegexCache.shared.regex(args.string(1)!).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  group <= match.numberOfRanges - 1, let range = Range(match.range(at: group), in: text) else { return .null }
            return .string(String(text[range]))
        }
        add("JSON_VALUE", true) { args throws(RuntimeError) in JSONFunctions.value(args.string(0)!, path: args.string(1)!) }
        add("JSON_OBJECT", false) { args throws(RuntimeError) in JSONFunctions.object(args) }
    }

    /// The 1-based position of `needle` in `haystack` at or after index `from`, 0 when absent.
    static func position(of needle: [Character], in haystack: [Character], from: Int) -> Int {
        guard from <= haystack.count else { return 0 }
        guard !needle.isEmpty else { return from + 1 }
        guard needle.count <= haystack.count - from else { return 0 }
        for start in from...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start + 1
        }
        return 0
    }

    static func trim(_ args: ScalarArguments, leading: Bool, trailing: Bool) -> String {
        let characters = Set(args.values.count > 1 ? args.string(1) ?? " " : " ")
        var text = Substring(args.string(0)!)
        if leading { text = text.drop(while: { characters.contains($0) }) }
        if trailing {
            while let last = text.last, characters.contains(last) { text = text.dropLast() }
        }
        return String(text)
    }

    /// A bound on LPAD/RPAD results, so a mistyped length fails instead of exhausting memory.
    static let maximumPaddedLength = 1 << 24

    /// LPAD and RPAD as Flink computes them: NULL for a negative length or an empty pad string.
    static func pad(_ args: ScalarArguments, left: Bool) throws(RuntimeError) -> Value {
        let text = Array(args.string(0)!)
        let length = Int(args.integer(1) ?? 0)
        let filler = Array(args.string(2)!)
        guard length >= 0, !filler.isEmpty else { return .null }
        guard length <= maximumPaddedLength else {
            throw RuntimeError("\(left ? "LPAD" : "RPAD") length \(length) is longer than the \(maximumPaddedLength) characters a padded string may have")
        }
        if text.count >= length { return .string(String(text[..<length])) }
        var padding: [Character] = []
        while padding.count < length - text.count { padding.append(filler[padding.count % filler.count]) }
        return .string(left ? String(padding + text) : String(text + padding))
    }
}

extension ScalarArguments {
    /// A value as CONCAT sees it: strings as they are, anything else as its text.
    func stringValue(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        return ValueText.cast(value, type: .string, context: context)
    }
}

/// SQL LIKE with `%`, `_` and an optional escape character, matched without regular expressions.
struct LikePattern {
    enum Token: Equatable {
        case literal(Character)
        case any
        case many
    }

    let tokens: [Token]

    init(_ pattern: String, escape: String?) throws(RuntimeError) {
        let escapeCharacter = escape?.first
        if let escape, escape.count != 1 { throw RuntimeError("LIKE escape must be one character, got '\(escape)'") }
        var tokens: [Token] = []
        var escaped = false
        for character in pattern {
            if escaped {
                tokens.append(.literal(character))
                escaped = false
            } else if character == escapeCharacter {
                escaped = true
            } else if character == "%" {
                if tokens.last != .many { tokens.append(.many) }
            } else if character == "_" {
                tokens.append(.any)
            } else {
                tokens.append(.literal(character))
            }
        }
        if escaped { throw RuntimeError("LIKE pattern '\(pattern)' ends with its escape character") }
        self.tokens = tokens
    }

    func matches(_ text: String) -> Bool {
        let characters = Array(text)
        var memo: [Int: Bool] = [:]
        func match(_ t: Int, _ c: Int) -> Bool {
            let key = t * (characters.count + 1) + c
            if let known = memo[key] { return known }
            let result: Bool
            if t == tokens.count {
                result = c == characters.count
            } else {
                switch tokens[t] {
                case .many: result = match(t + 1, c) || (c < characters.count && match(t, c + 1))
                case .any: result = c < characters.count && match(t + 1, c + 1)
                case .literal(let l): result = c < characters.count && characters[c] == l && match(t + 1, c + 1)
                }
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}

/// Compiled regular expressions by pattern, so a constant pattern compiles once per job.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private var cache: [String: NSRegularExpression] = [:]
    private let lock = NSLock()

    func regex(_ pattern: String) throws(RuntimeError) -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[pattern] { return cached }
        do {
            let regex = try NSRegularExpression(pattern: pattern)
            cache[pattern] = regex
            return regex
        } catch {
            throw RuntimeError("invalid regular expression '\(pattern)'")
        }
    }
}
