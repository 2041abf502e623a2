// The tokens of Brook's SQL dialect.
import BrookCore

/// One lexical token with the source range it came from. Keywords are not a separate kind:
/// the parser matches identifiers against keywords case-insensitively, so non-reserved words
/// (`timestamp`, `close`, `source`) stay usable as column names.
public struct Token: Sendable {
    public enum Kind: Sendable, Equatable {
        /// An identifier or keyword; `quoted` when written in back quotes (never a keyword then).
        case identifier(String, quoted: Bool)
        case string(String)
        case integer(String)
        case decimal(String)
        case symbol(String)
        case end
    }

    public var kind: Kind
    public var range: SourceRange

    /// True when this is the unquoted word `keyword` (compared case-insensitively).
    public func isKeyword(_ keyword: String) -> Bool {
        if case .identifier(let text, false) = kind {
            return text.count == keyword.count && text.uppercased() == keyword
        }
        return false
    }

    public func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let s) = kind { return s == symbol }
        return false
    }

    /// How the token reads in an error message.
    public var display: String {
        switch kind {
        case .identifier(let s, let quoted): return quoted ? "`\(s)`" : "'\(s)'"
        case .string(let s): return "string '\(s)'"
        case .integer(let s), .decimal(let s): return "number \(s)"
        case .symbol(let s): return "'\(s)'"
        case .end: return "end of input"
        }
    }
}
