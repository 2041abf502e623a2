// The query syntax tree: SELECT, set operations, FROM items and window table functions.
import BrookCore

/// A complete query: optional CTEs, a body, ORDER BY and LIMIT.
public struct Query: Hashable, Sendable {
    public var with: [CommonTableExpression]
    public var body: QueryBody
    public var orderBy: [OrderItem]
    public var limit: Expression?
    public var range: SourceRange

    public init(with: [CommonTableExpression] = [], body: QueryBody, orderBy: [OrderItem] = [],
                limit: Expression? = nil, range: SourceRange = .unknown) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.range = range
    }
}

/// `name [(columns)] AS (query)` in a WITH clause.
public struct CommonTableExpression: Hashable, Sendable {
    public var name: Identifier
    public var columns: [Identifier]
    public var query: Query

    public init(name: Identifier, columns: [Identifier] = [], query: Query) {
        self.name = name
        self.columns = columns
        self.query = query
    }
}

public enum SetOperator: String, Hashable, Sendable {
    case union = "UNION", intersect = "INTERSECT", except = "EXCEPT"
}

public indirect enum QueryBody: Hashable, Sendable {
    case select(Select)
    case setOperation(SetOperator, all: Bool, QueryBody, QueryBody)
    case values([[Expression]], range: SourceRange)
    /// A parenthesised query used as a set operand.
    case nested(Query)
}

/// One SELECT block.
public struct Select: Hashable, Sendable {
    public var distinct: Bool
    public var items: [SelectItem]
    public var from: TableReference?
    public var whereClause: Expression?
    public var groupBy: [Expression]
    public var having: Expression?
    public var windows: [NamedWindow]
    public var range: SourceRange

    public init(distinct: Bool = false, items: [SelectItem], from: TableReference? = nil, whereClause: Expression? = nil,
                groupBy: [Expression] = [], having: Expression? = nil, windows: [NamedWindow] = [], range: SourceRange = .unknown) {
        self.distinct = distinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
        self.range = range
    }
}

/// `WINDOW w AS (...)`.
public struct NamedWindow: Hashable, Sendable {
    public var name: Identifier
    public var specification: WindowSpecification

    public init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

public enum SelectItem: Hashable, Sendable {
    /// `*` or `t.*`.
    case wildcard(qualifier: Identifier?, range: SourceRange)
    case expression(Expression, alias: Identifier?)
}

public enum JoinKind: String, Hashable, Sendable {
    case inner = "INNER", left = "LEFT", right = "RIGHT", full = "FULL", cross = "CROSS"
}

/// TUMBLE, HOP and CUMULATE window table functions.
public enum WindowFunctionKind: String, Hashable, Sendable {
    case tumble = "TUMBLE", hop = "HOP", cumulate = "CUMULATE"
}

/// `TABLE(TUMBLE(TABLE t, DESCRIPTOR(col), size [, offset]))` and its HOP / CUMULATE siblings.
public struct WindowTableFunction: Hashable, Sendable {
    public var kind: WindowFunctionKind
    public var table: QualifiedName
    public var timeColumn: Identifier
    /// Interval arguments in order: TUMBLE (size[, offset]); HOP (slide, size[, offset]);
    /// CUMULATE (step, size[, offset]).
    public var arguments: [Expression]
    public var range: SourceRange

    public init(kind: WindowFunctionKind, table: QualifiedName, timeColumn: Identifier, arguments: [Expression], range: SourceRange = .unknown) {
        self.kind = kind
        self.table = table
        self.timeColumn = timeColumn
        self.arguments = arguments
        self.range = range
    }
}

public indirect enum TableReference: Hashable, Sendable {
    case table(QualifiedName, alias: Identifier?)
    case subquery(Query, alias: Identifier?, columns: [Identifier])
    case values([[Expression]], alias: Identifier?, columns: [Identifier], range: SourceRange)
    case windowFunction(WindowTableFunction, alias: Identifier?)
    case join(JoinKind, TableReference, TableReference, on: Expression?)
}
