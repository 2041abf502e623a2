// A table as the catalog knows it: its columns resolved and typed, its watermark and options.
import BrookCore
import BrookSQL

/// How a table column gets its value.
public enum TableColumnKind: Hashable, Sendable {
    case physical
    /// Read from the connector's record metadata under `key`; `isVirtual` columns are not written.
    case metadata(key: String, isVirtual: Bool)
    /// Computed from other columns of the same row on read.
    case computed(BoundExpression)
}

public struct TableColumn: Hashable, Sendable {
    public var name: String
    public var type: ColumnType
    public var kind: TableColumnKind

    public var isPersisted: Bool {
        switch kind {
        case .physical: return true
        case .metadata(_, let isVirtual): return !isVirtual
        case .computed: return false
        }
    }
}

/// The watermark strategy: column `column` is the rowtime, and `expression` (over the table's
/// columns) gives the watermark each row proposes. `delay` is set for the usual `col - INTERVAL`.
public struct WatermarkSpec: Hashable, Sendable {
    public var column: Int
    public var columnName: String
    public var expression: BoundExpression
    public var delayMilliseconds: Int64?
}

/// A resolved CREATE TABLE. Computed columns are bound over the physical and metadata columns,
/// the watermark over all of them, so a bad column or type is reported when the table is created.
public struct CatalogTable: Sendable {
    public var name: String
    public var columns: [TableColumn]
    public var watermark: WatermarkSpec?
    public var primaryKey: [String]
    public var options: [TableOption]
    public var comment: String?
    public var isTemporary: Bool
    /// The canonical CREATE statement, as stored.
    public var sql: String

    public func option(_ key: String) -> String? { options.last { $0.key == key }?.value }

    public var connector: String? { option("connector") }

    /// The full row schema a scan produces before projection push-down.
    public var schema: Schema {
        Schema(columns.enumerated().map { index, column in
            Field(name: column.name, type: column.type, timeAttribute: watermark?.column == index ? .rowtime : .none, qualifier: name)
        })
    }
}
