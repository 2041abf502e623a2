// A SQL file's name and text, for rendering errors with the offending line and a caret.

/// The text that ranges point into, kept so an error can quote its line.
public struct SourceText: Sendable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The 1-based line `number` without its newline.
    public func line(_ number: Int) -> Substring? {
        var current = 1
        var lineStart = text.utf8.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
            if current == number { return text[lineStart..<index] }
            current += 1
            lineStart = text.utf8.index(after: index)
        }
        return current == number ? text[lineStart...] : nil
    }

    /// `name:line:col: message`, the source line, and a caret (with tildes) under the range.
    public func render(_ error: SQLError) -> String {
        guard error.range.isKnown else { return "\(name): \(error.message)" + (error.hint.map { "\n  hint: \($0)" } ?? "") }
        let start = error.range.start
        var out = "\(name):\(start.line):\(start.column): \(error.message)"
        if let lineText = line(start.line) {
            out += "\n  " + lineText.replacingTabs() + "\n  "
            let caretColumn = min(start.column - 1, lineText.unicodeScalars.count)
            let width: Int
            if error.range.end.line == start.line, error.range.end.column > start.column {
                width = error.range.end.column - start.column
            } else {
                width = 1
            }
            out += String(repeating: " ", count: caretColumn) + "^" + String(repeating: "~", count: max(0, width - 1))
        }
        if let hint = error.hint { out += "\n  hint: \(hint)" }
        return out
    }
}

extension StringProtocol {
    fileprivate func replacingTabs() -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars { scalars.append(scalar == "\t" ? " " : scalar) }
        return String(scalars)
    }
}
