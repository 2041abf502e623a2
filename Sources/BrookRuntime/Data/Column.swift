// One column of a batch: a typed array of values and which of them are NULL.
import BrookCore

/// Column storage by physical representation. Integers, dates, times, timestamps (microseconds)
/// and intervals are `int64`; FLOAT and DOUBLE are `double`; DECIMAL is the unscaled `decimal`
/// at the column type's scale; CHAR and VARCHAR are `string`; BYTES and MAP are `values`.
public enum ColumnStorage: Sendable {
    case int64(ContiguousArray<Int64>)
    case double(ContiguousArray<Double>)
    case decimal(ContiguousArray<Int128>)
    case string(ContiguousArray<String>)
    case boolean(ContiguousArray<Bool>)
    case values(ContiguousArray<Value>)
}

/// A typed column. Operators read cells with the typed accessors in their inner loops; `nulls`
/// is nil when no cell is NULL, so the common case costs nothing.
public struct Column: Sendable {
    public var type: DataType
    public var storage: ColumnStorage
    public var nulls: ContiguousArray<Bool>?

    public init(type: DataType, storage: ColumnStorage, nulls: ContiguousArray<Bool>? = nil) {
        self.type = type
        self.storage = storage
        self.nulls = nulls.flatMap { $0.contains(true) ? $0 : nil }
    }

    public var count: Int {
        switch storage {
        case .int64(let values): return values.count
        case .double(let values): return values.count
        case .decimal(let values): return values.count
        case .string(let values): return values.count
        case .boolean(let values): return values.count
        case .values(let values): return values.count
        }
    }

    @inline(__always) public func isNull(_ row: Int) -> Bool { nulls?[row] ?? false }

    @inline(__always) public func int64(_ row: Int) -> Int64 {
        if case .int64(let values) = storage { return values[row] }
        preconditionFailure("column of \(type) read as int64")
    }

    @inline(__always) public func double(_ row: Int) -> Double {
        switch storage {
        case .double(let values): return values[row]
        case .int64(let values): return Double(values[row])
        case .decimal(let values): return DecimalValue.double(unscaled: values[row], scale: type.decimalShape?.scale ?? 0)
        default: preconditionFailure("column of \(type) read as double")
        }
    }

    @inline(__always) public func decimal(_ row: Int) -> Int128 {
        if case .decimal(let values) = storage { return values[row] }
        preconditionFailure("column of \(type) read as decimal")
    }

    @inline(__always) public func string(_ row: Int) -> String {
        if case .string(let values) = storage { return values[row] }
        preconditionFailure("column of \(type) read as string")
    }

    @inline(__always) public func boolean(_ row: Int) -> Bool {
        if case .boolean(let values) = storage { return values[row] }
        preconditionFailure("column of \(type) read as boolean")
    }

    /// The cell as a `Value` (the slow path: constants, tests, rendering).
    public func value(_ row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .int64(let values): return PhysicalType.value(fromInt64: values[row], type: type)
        case .double(let values): return .double(values[row])
        case .decimal(let values): return .decimal(DecimalValue(unscaled: values[row], scale: type.decimalShape?.scale ?? 0))
        case .string(let values): return .string(values[row])
        case .boolean(let values): return .boolean(values[row])
        case .values(let values): return values[row]
        }
    }

    /// The rows at `indices`, in that order (a gather).
    public func take(_ indices: some Collection<Int>) -> Column {
        func gather<T>(_ values: ContiguousArray<T>) -> ContiguousArray<T> {
            var result = ContiguousArray<T>()
            result.reserveCapacity(indices.count)
            for index in indices { result.append(values[index]) }
            return result
        }
        let newNulls = nulls.map(gather)
        switch storage {
        case .int64(let values): return Column(type: type, storage: .int64(gather(values)), nulls: newNulls)
        case .double(let values): return Column(type: type, storage: .double(gather(values)), nulls: newNulls)
        case .decimal(let values): return Column(type: type, storage: .decimal(gather(values)), nulls: newNulls)
        case .string(let values): return Column(type: type, storage: .string(gather(values)), nulls: newNulls)
        case .boolean(let values): return Column(type: type, storage: .boolean(gather(values)), nulls: newNulls)
        case .values(let values): return Column(type: type, storage: .values(gather(values)), nulls: newNulls)
        }
    }

    /// A column of `count` copies of `value`.
    public static func constant(_ value: Value, type: DataType, count: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { builder.append(value) }
        return builder.build()
    }
}
