// A name as written in SQL, with where it was written.
import BrookCore

/// An identifier (table, column, alias). Case is kept and names match case-sensitively, as in
/// Flink; `quoted` remembers back quotes so the printer can reproduce them when needed.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    public var value: String
    public var range: SourceRange

    public init(_ value: String, range: SourceRange = .unknown) {
        self.value = value
        self.range = range
    }

    public var description: String { value }
}

/// A possibly qualified name such as `db.t` or `s20.close`.
public struct QualifiedName: Hashable, Sendable, CustomStringConvertible {
    public var parts: [Identifier]

    public init(_ parts: [Identifier]) { self.parts = parts }

    public init(_ name: String) { self.parts = [Identifier(name)] }

    public var last: Identifier { parts[parts.count - 1] }

    public var range: SourceRange {
        parts.dropFirst().reduce(parts[0].range) { $0.union($1.range) }
    }

    public var description: String { parts.map(\.value).joined(separator: ".") }
}
