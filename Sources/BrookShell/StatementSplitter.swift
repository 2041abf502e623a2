// Splits typed input into statements at semicolons that are not inside quotes or comments.
import Foundation

/// Accumulates lines until one or more complete statements (ended by `;`) are present.
public struct StatementSplitter {
    private var buffer = ""

    public init() {}

    public var isEmpty: Bool { buffer.allSatisfy { $0.isWhitespace } }

    /// Adds a line; returns the statements it completed (without their `;`), keeping the rest.
    public mutating func add(_ line: String) -> [String] {
        buffer += buffer.isEmpty ? line : "\n" + line
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var lineComment = false
        var blockComment = false
        var previous: Character?
        for character in buffer {
            defer { previous = character }
            if lineComment {
                if character == "\n" { lineComment = false }
                current.append(character)
                continue
            }
            if blockComment {
                if previous == "*" && character == "/" { blockComment = false }
                current.append(character)
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
                continue
            }
            switch character {
            case "'", "`", "\"": quote = character
            case "-" where previous == "-": lineComment = true
            case "*" where previous == "/": blockComment = true
            case ";":
                if !current.allSatisfy({ $0.isWhitespace }) { statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines)) }
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        buffer = current.allSatisfy({ $0.isWhitespace }) ? "" : current
        return statements
    }

    /// Drops whatever partial statement was typed (after Ctrl-C).
    public mutating func reset() { buffer = "" }
}
