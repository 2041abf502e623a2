// How each SQL type is stored in a column, and conversions between cells and `Value`s.
import BrookCore

/// The mapping from SQL types to column storage, in one place.
public enum PhysicalType {
    public enum Kind: Sendable {
        case int64, double, decimal, string, boolean
        /// BYTES and MAP cells kept as `Value`s: rare in market data, so no specialised storage.
        case value
    }

    public static func kind(of type: DataType) -> Kind {
        switch type {
        case .boolean: return .boolean
        case .tinyint, .smallint, .int, .bigint, .date, .time, .timestamp, .timestampLTZ, .intervalDayTime, .intervalYearMonth, .null:
            return .int64
        case .float, .double: return .double
        case .decimal: return .decimal
        case .char, .varchar: return .string
        case .binary, .varbinary, .map: return .value
        }
    }

    static func value(fromInt64 raw: Int64, type: DataType) -> Value {
        switch type {
        case .date: return .date(Int32(truncatingIfNeeded: raw))
        case .time: return .time(raw)
        case .timestamp, .timestampLTZ: return .timestamp(raw)
        case .intervalDayTime: return .intervalMilliseconds(raw)
        case .intervalYearMonth: return .intervalMonths(Int32(truncatingIfNeeded: raw))
        default: return .integer(raw)
        }
    }

    /// The int64 cell of an integer-like value, or nil when the value is not stored that way.
    static func int64(of value: Value) -> Int64? {
        switch value {
        case .integer(let v), .timestamp(let v), .time(let v), .intervalMilliseconds(let v): return v
        case .date(let v): return Int64(v)
        case .intervalMonths(let v): return Int64(v)
        case .boolean(let b): return b ? 1 : 0
        default: return nil
        }
    }
}
