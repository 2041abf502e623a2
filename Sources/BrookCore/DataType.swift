// Brook's SQL data types, named and rendered as Flink names them.

/// A logical SQL type shared by the parser, planner and runtime, with Flink's defaults
/// (plain `DECIMAL` is DECIMAL(10, 0), `FLOAT` is 32-bit, `STRING` is VARCHAR of maximum length).
public enum DataType: Hashable, Sendable {
    case boolean
    case tinyint, smallint, int, bigint
    case float, double
    case decimal(precision: Int, scale: Int)
    case char(length: Int)
    case varchar(length: Int)
    case date
    case time(precision: Int)
    case timestamp(precision: Int)
    case timestampLTZ(precision: Int)
    case intervalDayTime
    case intervalYearMonth
    /// Fixed-length bytes, `BINARY(n)`.
    case binary(length: Int)
    /// Variable-length bytes, `VARBINARY(n)`; `BYTES` is the maximum length.
    case varbinary(length: Int)
    /// `MAP<key, value>`: Kafka record headers are MAP<STRING, BYTES>. The shape is an index into
    /// a process-wide table, so DataType stays a plain value that copies without reference counting
    /// (an indirect case would box it and slow every operator that copies a column's type).
    case map(MapShape)
    /// The type of an untyped `NULL` literal before context gives it one.
    case null

    public static let maxVarcharLength = 2_147_483_647
    public static let string = DataType.varchar(length: maxVarcharLength)
    public static let bytes = DataType.varbinary(length: maxVarcharLength)

    public static func map(key: DataType, value: DataType) -> DataType { .map(MapShape(key: key, value: value)) }

    /// A MAP type's key and value types.
    public var mapShape: (key: DataType, value: DataType)? {
        if case .map(let shape) = self { return (shape.key, shape.value) }
        return nil
    }
    public static let maxDecimalPrecision = 38

    public var isInteger: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint: return true
        default: return false
        }
    }

    public var isApproximate: Bool { self == .float || self == .double }

    public var isDecimal: Bool {
        if case .decimal = self { return true }
        return false
    }

    public var isNumeric: Bool { isInteger || isApproximate || isDecimal }

    public var isCharacter: Bool {
        switch self {
        case .char, .varchar: return true
        default: return false
        }
    }

    public var isTimestamp: Bool {
        switch self {
        case .timestamp, .timestampLTZ: return true
        default: return false
        }
    }

    public var isTimestampLTZ: Bool {
        if case .timestampLTZ = self { return true }
        return false
    }

    public var isBinary: Bool {
        switch self {
        case .binary, .varbinary: return true
        default: return false
        }
    }

    public var isMap: Bool {
        if case .map = self { return true }
        return false
    }

    public var isInterval: Bool { self == .intervalDayTime || self == .intervalYearMonth }

    public var isTemporal: Bool {
        switch self {
        case .date, .time, .timestamp, .timestampLTZ: return true
        default: return false
        }
    }

    /// The precision and scale of an exact numeric type, as DECIMAL arithmetic sees it.
    public var decimalShape: (precision: Int, scale: Int)? {
        switch self {
        case .tinyint: return (3, 0)
        case .smallint: return (5, 0)
        case .int: return (10, 0)
        case .bigint: return (19, 0)
        case .decimal(let p, let s): return (p, s)
        default: return nil
        }
    }

    /// Rank among numeric types for implicit widening (higher holds more).
    public var numericRank: Int? {
        switch self {
        case .tinyint: return 1
        case .smallint: return 2
        case .int: return 3
        case .bigint: return 4
        case .decimal: return 5
        case .float: return 6
        case .double: return 7
        default: return nil
        }
    }
}

extension DataType: CustomStringConvertible {
    /// The type as Flink prints it in DESCRIBE and error messages.
    public var description: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .tinyint: return "TINYINT"
        case .smallint: return "SMALLINT"
        case .int: return "INT"
        case .bigint: return "BIGINT"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .decimal(let p, let s): return "DECIMAL(\(p), \(s))"
        case .char(let n): return "CHAR(\(n))"
        case .varchar(let n): return n == DataType.maxVarcharLength ? "STRING" : "VARCHAR(\(n))"
        case .date: return "DATE"
        case .time(let p): return "TIME(\(p))"
        case .timestamp(let p): return "TIMESTAMP(\(p))"
        case .timestampLTZ(let p): return "TIMESTAMP_LTZ(\(p))"
        case .intervalDayTime: return "INTERVAL SECOND(3)"
        case .intervalYearMonth: return "INTERVAL MONTH"
        case .binary(let n): return "BINARY(\(n))"
        case .varbinary(let n): return n == DataType.maxVarcharLength ? "BYTES" : "VARBINARY(\(n))"
        case .map(let shape): return "MAP<\(shape.key), \(shape.value)>"
        case .null: return "NULL"
        }
    }
}
