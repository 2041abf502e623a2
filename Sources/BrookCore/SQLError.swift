// The error every stage from lexer to planner reports for a mistake in the user's SQL.

/// A mistake in SQL text, with the range it concerns; `SourceText.render` turns it into
/// `file:line:col: message` followed by the line and a caret.
public struct SQLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange
    /// Extra advice printed after the caret line (how to fix it).
    public var hint: String?

    public init(_ message: String, at range: SourceRange, hint: String? = nil) {
        self.message = message
        self.range = range
        self.hint = hint
    }

    public var description: String {
        range.isKnown ? "\(range): \(message)" : message
    }
}
