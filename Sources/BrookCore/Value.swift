// A single SQL value, as constants in plans and cells in rows carry it.

/// One SQL value. Timestamps are microseconds since the epoch (for TIMESTAMP_LTZ an instant,
/// for TIMESTAMP a wall-clock reading); day-time intervals are milliseconds, as Flink keeps them.
public enum Value: Hashable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case double(Double)
    case decimal(DecimalValue)
    case string(String)
    case timestamp(Int64)
    case date(Int32)
    case time(Int64)
    case intervalMilliseconds(Int64)
    case intervalMonths(Int32)
    case bytes([UInt8])
    /// A MAP value's entries, in the order they were built (keys are distinct).
    case map([MapEntry])

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// One key and value of a MAP value.
public struct MapEntry: Hashable, Sendable {
    public var key: Value
    public var value: Value

    public init(key: Value, value: Value) {
        self.key = key
        self.value = value
    }
}
