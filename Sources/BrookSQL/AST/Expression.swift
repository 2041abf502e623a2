// The expression syntax tree: everything that can appear where a value is expected.
import BrookCore

/// An expression with its source range; equality ignores the range.
public struct Expression: Hashable, Sendable {
    public var kind: ExpressionKind
    public var range: SourceRange

    public init(_ kind: ExpressionKind, range: SourceRange = .unknown) {
        self.kind = kind
        self.range = range
    }
}

/// The operators written between two operands.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case concat = "||"
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "AND", or = "OR"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo: return true
        default: return false
        }
    }
}

public enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-", plus = "+", not = "NOT"
}

/// A unit of an INTERVAL literal or of EXTRACT / TIMESTAMPADD-like functions.
public enum TimeUnit: String, Hashable, Sendable, CaseIterable {
    case year = "YEAR", quarter = "QUARTER", month = "MONTH", week = "WEEK", day = "DAY", hour = "HOUR", minute = "MINUTE", second = "SECOND"
    case millisecond = "MILLISECOND", microsecond = "MICROSECOND"
    /// Day of week (1 = Sunday) and day of year, which only EXTRACT reads.
    case dayOfWeek = "DOW", dayOfYear = "DOY"

    public var isYearMonth: Bool { self == .year || self == .month }
}

/// A literal value as written.
public enum Literal: Hashable, Sendable {
    case null
    case boolean(Bool)
    /// An exact integer, kept as text so BIGINT-range values lose nothing.
    case integer(String)
    /// An exact decimal such as `0.5`, typed DECIMAL(p, s) from its digits.
    case decimal(String)
    /// An approximate number written with an exponent (`1e3`), typed DOUBLE.
    case double(String)
    case string(String)
    /// `INTERVAL '1' MINUTE`, `INTERVAL '1:30' HOUR TO MINUTE`.
    case interval(value: String, unit: TimeUnit, to: TimeUnit?)
    /// `DATE '2024-05-31'`, `TIME '10:00:00'`, `TIMESTAMP '2024-05-31 10:00:00'`, `TIMESTAMP_LTZ '...'`.
    case typed(DataType, String)
    /// `X'0aff'`: BYTES written as hexadecimal digits (kept as written).
    case binary(String)
}

/// How a window frame's edge is written.
public enum FrameBound: Hashable, Sendable {
    case unboundedPreceding
    case preceding(Expression)
    case currentRow
    case following(Expression)
    case unboundedFollowing
}

/// `ROWS` counts rows; `RANGE` measures the ORDER BY value.
public enum FrameUnit: String, Hashable, Sendable {
    case rows = "ROWS", range = "RANGE"
}

public struct WindowFrame: Hashable, Sendable {
    public var unit: FrameUnit
    public var start: FrameBound
    public var end: FrameBound

    public init(unit: FrameUnit, start: FrameBound, end: FrameBound) {
        self.unit = unit
        self.start = start
        self.end = end
    }
}

/// `ORDER BY` item in a query or window.
public struct OrderItem: Hashable, Sendable {
    public var expression: Expression
    public var descending: Bool
    /// `NULLS FIRST` (true) / `NULLS LAST` (false) when written.
    public var nullsFirst: Bool?

    public init(expression: Expression, descending: Bool = false, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}

/// The body of an OVER clause or of a named WINDOW.
public struct WindowSpecification: Hashable, Sendable {
    /// A named window this one refines (`OVER (w ORDER BY ...)`).
    public var base: Identifier?
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    public var frame: WindowFrame?
    public var range: SourceRange

    public init(base: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [OrderItem] = [],
                frame: WindowFrame? = nil, range: SourceRange = .unknown) {
        self.base = base
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.range = range
    }
}

/// `OVER w` or `OVER (...)`.
public enum OverClause: Hashable, Sendable {
    case named(Identifier)
    case specification(WindowSpecification)
}

/// `NULL ON NULL` or `ABSENT ON NULL` in JSON constructors.
public enum JSONNullBehavior: String, Hashable, Sendable {
    case null = "NULL", absent = "ABSENT"
}

/// `TRIM(BOTH|LEADING|TRAILING ...)`.
public enum TrimSide: String, Hashable, Sendable {
    case both = "BOTH", leading = "LEADING", trailing = "TRAILING"
}

/// A type written in CAST or DDL, with its nullability.
public struct TypeName: Hashable, Sendable {
    public var type: DataType
    public var nullable: Bool
    public var range: SourceRange

    public init(type: DataType, nullable: Bool = true, range: SourceRange = .unknown) {
        self.type = type
        self.nullable = nullable
        self.range = range
    }
}

public indirect enum ExpressionKind: Hashable, Sendable {
    /// A column, possibly qualified: `close`, `s20.close`.
    case column(QualifiedName)
    case literal(Literal)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `x IS [NOT] NULL`.
    case isNull(Expression, negated: Bool)
    /// `x IS [NOT] TRUE|FALSE`.
    case isBoolean(Expression, value: Bool, negated: Bool)
    /// `x [NOT] BETWEEN [ASYMMETRIC | SYMMETRIC] low AND high`; SYMMETRIC accepts the bounds in either order.
    case between(Expression, low: Expression, high: Expression, symmetric: Bool, negated: Bool)
    /// `a IS [NOT] DISTINCT FROM b`: equality where NULL equals NULL.
    case isDistinctFrom(Expression, Expression, negated: Bool)
    /// `b IS [NOT] UNKNOWN`: whether a BOOLEAN is NULL.
    case isUnknown(Expression, negated: Bool)
    case inList(Expression, [Expression], negated: Bool)
    case like(Expression, pattern: Expression, escape: Expression?, negated: Bool)
    /// Searched (`operand` nil) or simple CASE.
    case caseWhen(operand: Expression?, branches: [CaseBranch], otherwise: Expression?)
    case cast(Expression, TypeName, isTry: Bool)
    /// A call: `f(args)`, `COUNT(*)` (`star`), `COUNT(DISTINCT x)`, with an optional OVER.
    case function(FunctionCall)
    /// `JSON_OBJECT(KEY k VALUE v, ... [NULL|ABSENT ON NULL])`.
    case jsonObject(entries: [JSONObjectEntry], onNull: JSONNullBehavior)
    /// `EXTRACT(unit FROM x)`.
    case extract(TimeUnit, Expression)
    /// `FLOOR(x TO unit)` or (`up`) `CEIL(x TO unit)`: a date or timestamp rounded to a unit.
    case roundTime(Expression, unit: TimeUnit, up: Bool)
    /// `TIMESTAMPADD(unit, count, x)`.
    case timestampAdd(TimeUnit, count: Expression, Expression)
    /// `TIMESTAMPDIFF(unit, from, to)`.
    case timestampDiff(TimeUnit, Expression, Expression)
    /// `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)` or `TRIM(s)`.
    case trim(side: TrimSide, characters: Expression?, source: Expression)
    /// `SUBSTRING(s FROM a [FOR b])`, kept apart from the comma form only for printing.
    case substring(Expression, from: Expression, length: Expression?)
    /// `m[key]`: the value of a MAP at a key.
    case item(Expression, key: Expression)
    /// `MAP[k1, v1, k2, v2, ...]`: a MAP value from keys and values.
    case mapValue([Expression])
}

public struct CaseBranch: Hashable, Sendable {
    public var condition: Expression
    public var result: Expression

    public init(condition: Expression, result: Expression) {
        self.condition = condition
        self.result = result
    }
}

public struct JSONObjectEntry: Hashable, Sendable {
    public var key: Expression
    public var value: Expression

    public init(key: Expression, value: Expression) {
        self.key = key
        self.value = value
    }
}

public struct FunctionCall: Hashable, Sendable {
    public var name: Identifier
    public var arguments: [Expression]
    public var distinct: Bool
    /// `COUNT(*)`.
    public var star: Bool
    public var over: OverClause?
    /// `FILTER (WHERE condition)` after an aggregate call: only rows meeting it are aggregated.
    public var filter: Expression?

    public init(name: Identifier, arguments: [Expression], distinct: Bool = false, star: Bool = false, over: OverClause? = nil,
                filter: Expression? = nil) {
        self.name = name
        self.arguments = arguments
        self.distinct = distinct
        self.star = star
        self.over = over
        self.filter = filter
    }
}
