// The statement syntax tree: DDL, DML, and the shell's session statements.
import BrookCore

/// A parsed statement with the range of its text (used to store a view's SQL and for errors).
public struct Statement: Hashable, Sendable {
    public var kind: StatementKind
    public var range: SourceRange

    public init(_ kind: StatementKind, range: SourceRange = .unknown) {
        self.kind = kind
        self.range = range
    }
}

/// A column in CREATE TABLE.
public enum ColumnDefinition: Hashable, Sendable {
    case physical(name: Identifier, type: TypeName, comment: String?)
    /// `name AS expression`: computed on read, never stored.
    case computed(name: Identifier, expression: Expression, comment: String?)
    /// `name TYPE METADATA [FROM 'key'] [VIRTUAL]`: taken from the connector's record metadata.
    case metadata(name: Identifier, type: TypeName, key: String?, isVirtual: Bool, comment: String?)

    public var name: Identifier {
        switch self {
        case .physical(let name, _, _), .computed(let name, _, _), .metadata(let name, _, _, _, _): return name
        }
    }
}

/// `WATERMARK FOR column AS expression`.
public struct WatermarkDefinition: Hashable, Sendable {
    public var column: Identifier
    public var expression: Expression

    public init(column: Identifier, expression: Expression) {
        self.column = column
        self.expression = expression
    }
}

/// A `'key' = 'value'` pair from a WITH clause, keeping where the key was written.
public struct TableOption: Hashable, Sendable {
    public var key: String
    public var value: String
    public var range: SourceRange

    public init(key: String, value: String, range: SourceRange = .unknown) {
        self.key = key
        self.value = value
        self.range = range
    }
}

public struct CreateTable: Hashable, Sendable {
    public var name: QualifiedName
    public var orReplace: Bool
    public var temporary: Bool
    public var ifNotExists: Bool
    public var columns: [ColumnDefinition]
    public var watermark: WatermarkDefinition?
    public var primaryKey: [Identifier]
    public var comment: String?
    public var options: [TableOption]

    public init(name: QualifiedName, orReplace: Bool = false, temporary: Bool = false, ifNotExists: Bool = false,
                columns: [ColumnDefinition], watermark: WatermarkDefinition? = nil, primaryKey: [Identifier] = [],
                comment: String? = nil, options: [TableOption] = []) {
        self.name = name
        self.orReplace = orReplace
        self.temporary = temporary
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.watermark = watermark
        self.primaryKey = primaryKey
        self.comment = comment
        self.options = options
    }
}

public struct CreateView: Hashable, Sendable {
    public var name: QualifiedName
    public var orReplace: Bool
    public var temporary: Bool
    public var ifNotExists: Bool
    public var columns: [Identifier]
    public var query: Query

    public init(name: QualifiedName, orReplace: Bool = false, temporary: Bool = false, ifNotExists: Bool = false,
                columns: [Identifier] = [], query: Query) {
        self.name = name
        self.orReplace = orReplace
        self.temporary = temporary
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.query = query
    }
}

public struct Insert: Hashable, Sendable {
    public var table: QualifiedName
    public var overwrite: Bool
    public var columns: [Identifier]
    public var query: Query

    public init(table: QualifiedName, overwrite: Bool = false, columns: [Identifier] = [], query: Query) {
        self.table = table
        self.overwrite = overwrite
        self.columns = columns
        self.query = query
    }
}

public enum ObjectKind: String, Hashable, Sendable {
    case table = "TABLE", view = "VIEW"
}

/// What a SHOW statement lists.
public enum ShowTarget: String, Hashable, Sendable {
    case tables = "TABLES", views = "VIEWS", functions = "FUNCTIONS", jobs = "JOBS"
}

public indirect enum StatementKind: Hashable, Sendable {
    case createTable(CreateTable)
    case createView(CreateView)
    case drop(ObjectKind, QualifiedName, ifExists: Bool, temporary: Bool)
    case insert(Insert)
    /// `EXECUTE STATEMENT SET BEGIN insert; ... END`.
    case statementSet([Insert])
    case query(Query)
    case show(ShowTarget)
    case describe(QualifiedName)
    case explain(Statement)
    /// `SET` lists settings; `SET 'k' = 'v'` sets one.
    case set(key: String?, value: String?)
    /// `RESET` clears all settings; `RESET 'k'` one.
    case reset(key: String?)
    /// `STOP JOB 'id'`: stops a job the shell started.
    case stopJob(String)
}
