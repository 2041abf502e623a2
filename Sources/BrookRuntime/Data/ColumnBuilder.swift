// Builds a column cell by cell, for sources, joins and operators that emit rows one at a time.
import BrookCore

/// Appends cells of one type and produces a `Column`. Typed appends are the fast path.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var ints = ContiguousArray<Int64>()
    private var doubles = ContiguousArray<Double>()
    private var decimals = ContiguousArray<Int128>()
    private var strings = ContiguousArray<String>()
    private var booleans = ContiguousArray<Bool>()
    private var values = ContiguousArray<Value>()
    private var nulls: ContiguousArray<Bool>?
    private let kind: PhysicalType.Kind
    public private(set) var count = 0

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        self.kind = PhysicalType.kind(of: type)
        switch kind {
        case .int64: ints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .decimal: decimals.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        case .value: values.reserveCapacity(capacity)
        }
    }

    private mutating func markNull(_ isNull: Bool) {
        if isNull {
            if nulls == nil { nulls = ContiguousArray(repeating: false, count: count) }
            nulls!.append(true)
        } else {
            nulls?.append(false)
        }
        count += 1
    }

    @inline(__always) public mutating func appendInt64(_ value: Int64) {
        ints.append(value)
        markNull(false)
    }

    @inline(__always) public mutating func appendDouble(_ value: Double) {
        doubles.append(value)
        markNull(false)
    }

    @inline(__always) public mutating func appendDecimal(_ value: Int128) {
        decimals.append(value)
        markNull(false)
    }

    @inline(__always) public mutating func appendString(_ value: String) {
        strings.append(value)
        markNull(false)
    }

    @inline(__always) public mutating func appendBoolean(_ value: Bool) {
        booleans.append(value)
        markNull(false)
    }

    /// Appends a BYTES or MAP cell.
    public mutating func appendValue(_ value: Value) {
        if value.isNull {
            appendNull()
            return
        }
        values.append(value)
        markNull(false)
    }

    public mutating func appendNull() {
        switch kind {
        case .int64: ints.append(0)
        case .double: doubles.append(0)
        case .decimal: decimals.append(0)
        case .string: strings.append("")
        case .boolean: booleans.append(false)
        case .value: values.append(.null)
        }
        markNull(true)
    }

    /// Appends cell `row` of `column`, which must have this builder's physical kind.
    @inline(__always) public mutating func append(from column: Column, row: Int) {
        if column.isNull(row) {
            appendNull()
            return
        }
        switch column.storage {
        case .int64(let values): appendInt64(values[row])
        case .double(let values): appendDouble(values[row])
        case .decimal(let values): appendDecimal(values[row])
        case .string(let values): appendString(values[row])
        case .boolean(let values): appendBoolean(values[row])
        case .values(let cells): appendValue(cells[row])
        }
    }

    /// Appends a `Value`, converting it to this column's type (the slow path).
    public mutating func append(_ value: Value) {
        switch (kind, value) {
        case (_, .null): appendNull()
        case (.int64, _):
            if let raw = PhysicalType.int64(of: value) { appendInt64(raw) } else { appendNull() }
        case (.double, .double(let v)): appendDouble(v)
        case (.double, .integer(let v)): appendDouble(Double(v))
        case (.double, .decimal(let v)): appendDouble(v.doubleValue)
        case (.decimal, .decimal(let v)): appendDecimal(v.rescaled(to: type.decimalShape?.scale ?? 0).unscaled)
        case (.decimal, .integer(let v)): appendDecimal(Int128(v) * DecimalValue.powerOfTen(type.decimalShape?.scale ?? 0))
        case (.string, .string(let v)): appendString(v)
        case (.boolean, .boolean(let v)): appendBoolean(v)
        case (.value, .bytes), (.value, .map): appendValue(value)
        default: appendNull()
        }
    }

    public func build() -> Column {
        switch kind {
        case .int64: return Column(type: type, storage: .int64(ints), nulls: nulls)
        case .double: return Column(type: type, storage: .double(doubles), nulls: nulls)
        case .decimal: return Column(type: type, storage: .decimal(decimals), nulls: nulls)
        case .string: return Column(type: type, storage: .string(strings), nulls: nulls)
        case .boolean: return Column(type: type, storage: .boolean(booleans), nulls: nulls)
        case .value: return Column(type: type, storage: .values(values), nulls: nulls)
        }
    }
}
