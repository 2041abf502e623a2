// Where a piece of SQL text sits in its file, so every error can point at it.

/// A position in SQL source: byte offset plus 1-based line and column.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.offset < b.offset }
}

/// A span of SQL source. Two ranges always compare equal, so syntax trees that differ only in
/// where they were written (a parse and a re-parse of printed SQL) compare equal.
public struct SourceRange: Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public static let unknown = SourceRange(start: SourcePosition(offset: 0, line: 0, column: 0),
                                            end: SourcePosition(offset: 0, line: 0, column: 0))

    public var isKnown: Bool { start.line > 0 }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        guard isKnown else { return other }
        guard other.isKnown else { return self }
        return SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start.line):\(start.column)" }
}

extension SourceRange: Hashable {
    public static func == (lhs: SourceRange, rhs: SourceRange) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
