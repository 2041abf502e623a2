// The key and value types of MAP types, interned so a DataType holding one stays a plain value.
import Synchronization

/// A MAP type's key and value types, as an index into a process-wide table: equal shapes get the
/// same index, so equality and hashing compare indices. The table only grows, by one entry per
/// distinct MAP type a process ever names (a handful).
public struct MapShape: Hashable, Sendable {
    private let index: Int32

    private static let table = Mutex<(shapes: [(key: DataType, value: DataType)], indices: [Pair: Int32])>(([], [:]))

    private struct Pair: Hashable {
        var key: DataType
        var value: DataType
    }

    public init(key: DataType, value: DataType) {
        index = MapShape.table.withLock { table in
            if let known = table.indices[Pair(key: key, value: value)] { return known }
            let next = Int32(table.shapes.count)
            table.shapes.append((key, value))
            table.indices[Pair(key: key, value: value)] = next
            return next
        }
    }

    public var key: DataType { MapShape.table.withLock { $0.shapes[Int(index)].key } }
    public var value: DataType { MapShape.table.withLock { $0.shapes[Int(index)].value } }
}
