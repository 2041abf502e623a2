// A batch of rows in columns, with each row's change kind: what operators pass to each other.
import BrookCore

/// Flink's change kinds: insert, update-before (retract), update-after, delete.
public enum ChangeKind: UInt8, Sendable, CustomStringConvertible {
    case insert, updateBefore, updateAfter, delete

    public var description: String {
        switch self {
        case .insert: return "+I"
        case .updateBefore: return "-U"
        case .updateAfter: return "+U"
        case .delete: return "-D"
        }
    }

    /// True for changes that add a row (+I, +U), false for those that retract one (-U, -D).
    public var isAccumulate: Bool { self == .insert || self == .updateAfter }
}

/// Rows in columns. `kinds` is nil when every row is an insert, the append-only common case.
public struct Batch: Sendable {
    public var columns: [Column]
    public var count: Int
    public var kinds: ContiguousArray<ChangeKind>?

    public init(columns: [Column], count: Int, kinds: ContiguousArray<ChangeKind>? = nil) {
        self.columns = columns
        self.count = count
        self.kinds = kinds.flatMap { $0.contains { $0 != .insert } ? $0 : nil }
    }

    @inline(__always) public func kind(_ row: Int) -> ChangeKind { kinds?[row] ?? .insert }

    /// The rows at `indices`, in that order.
    public func take(_ indices: some Collection<Int>) -> Batch {
        let picked = kinds.map { kinds in ContiguousArray(indices.map { kinds[$0] }) }
        return Batch(columns: columns.map { $0.take(indices) }, count: indices.count, kinds: picked)
    }

    /// Row `row` as values, for tests and rendering.
    public func row(_ row: Int) -> [Value] { columns.map { $0.value(row) } }
}

/// Accumulates output rows of a fixed schema cell by cell, then yields a batch.
public struct BatchBuilder: Sendable {
    public var columns: [ColumnBuilder]
    private var kinds = ContiguousArray<ChangeKind>()
    private var hasChanges = false

    public init(types: [DataType], capacity: Int = 0) {
        columns = types.map { ColumnBuilder(type: $0, capacity: capacity) }
    }

    public var count: Int { kinds.count }

    /// Records the change kind of the row whose cells were just appended to every column.
    @inline(__always) public mutating func finishRow(_ kind: ChangeKind = .insert) {
        kinds.append(kind)
        if kind != .insert { hasChanges = true }
    }

    /// Appends a whole row of values (the slow path).
    public mutating func appendRow(_ values: [Value], kind: ChangeKind = .insert) {
        for index in columns.indices { columns[index].append(values[index]) }
        finishRow(kind)
    }

    /// The batch so far; the builder starts empty again.
    public mutating func flush() -> Batch {
        let batch = Batch(columns: columns.map { $0.build() }, count: kinds.count, kinds: hasChanges ? kinds : nil)
        columns = columns.map { ColumnBuilder(type: $0.type, capacity: max(64, kinds.count)) }
        kinds.removeAll(keepingCapacity: true)
        hasChanges = false
        return batch
    }
}
