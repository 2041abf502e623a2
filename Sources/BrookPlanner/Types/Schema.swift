// Columns and schemas of relations as the planner types them.
import BrookCore

/// A SQL type together with its nullability.
public struct ColumnType: Hashable, Sendable, CustomStringConvertible {
    public var type: DataType
    public var nullable: Bool

    public init(_ type: DataType, nullable: Bool = true) {
        self.type = type
        self.nullable = nullable
    }

    public var description: String { type.description + (nullable ? "" : " NOT NULL") }

    public func withNullable(_ nullable: Bool) -> ColumnType { ColumnType(type, nullable: nullable) }
}

/// Whether a column carries event time that watermarks track (Flink's `*ROWTIME*`), which
/// decides whether windows, over-aggregates and interval joins may order or bound by it.
public enum TimeAttribute: Hashable, Sendable {
    case none
    case rowtime
}

/// One output column of a relation: its name, type, time attribute and the table alias that
/// qualifies it in the query (`s20` in `s20.close`).
public struct Field: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var type: ColumnType
    public var timeAttribute: TimeAttribute
    public var qualifier: String?

    public init(name: String, type: ColumnType, timeAttribute: TimeAttribute = .none, qualifier: String? = nil) {
        self.name = name
        self.type = type
        self.timeAttribute = timeAttribute
        self.qualifier = qualifier
    }

    public var isRowtime: Bool { timeAttribute == .rowtime }

    public var description: String {
        name + " " + type.description + (isRowtime ? " *ROWTIME*" : "")
    }

    /// This field with its time attribute turned into a plain timestamp, as Flink does when an
    /// operator cannot keep watermark guarantees (regular joins, aggregations, expressions).
    public var materialized: Field {
        var copy = self
        copy.timeAttribute = .none
        return copy
    }
}

/// The ordered columns of a relation.
public struct Schema: Hashable, Sendable, CustomStringConvertible {
    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    public var count: Int { fields.count }

    public subscript(index: Int) -> Field { fields[index] }

    public var rowtimeIndices: [Int] { fields.indices.filter { fields[$0].isRowtime } }

    public var description: String { "[" + fields.map(\.description).joined(separator: ", ") + "]" }

    /// This schema with every column's alias replaced (a FROM item's alias applies to all of them).
    public func qualified(by qualifier: String?) -> Schema {
        Schema(fields.map { field in
            var copy = field
            copy.qualifier = qualifier
            return copy
        })
    }
}
