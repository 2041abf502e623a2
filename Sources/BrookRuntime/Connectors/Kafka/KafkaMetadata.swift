// The record metadata a kafka table reads and writes through METADATA columns.
import BrookCore
import BrookPlanner
import BrookStorage

/// Flink's Kafka metadata keys with their types. `timestamp` and `headers` are also written by
/// the sink (the record's create time and headers); the rest are read-only, so a sink table must
/// declare them VIRTUAL. A column may declare any type the key's type casts to.
enum KafkaMetadata {
    struct Key {
        var type: DataType
        var writable: Bool
    }

    static let keys: [String: Key] = [
        "topic": Key(type: .string, writable: false),
        "partition": Key(type: .int, writable: false),
        "offset": Key(type: .bigint, writable: false),
        "timestamp": Key(type: .timestampLTZ(precision: 3), writable: true),
        "timestamp-type": Key(type: .string, writable: false),
        "leader-epoch": Key(type: .int, writable: false),
        "headers": Key(type: .map(key: .string, value: .bytes), writable: true),
    ]

    /// Checks every METADATA column of a kafka table at CREATE TABLE.
    static func validate(_ table: CatalogTable) throws(ConnectorError) {
        for column in table.columns {
            guard case .metadata(let key, _) = column.kind else { continue }
            guard let known = keys[key] else {
                throw ConnectorError(table: table.name, column: column.name,
                                     message: "the kafka connector has no metadata '\(key)'; it offers \(keys.keys.sorted().joined(separator: ", "))")
            }
            guard TypeRules.castable(known.type, to: column.type.type) else {
                throw ConnectorError(table: table.name, column: column.name,
                                     message: "metadata '\(key)' is \(known.type) and cannot be read as \(column.type.type)")
            }
        }
    }

    /// The value of metadata `key` for one record, as the key's own type.
    static func value(_ key: String, record: StoredRecord, partition: Int32, topic: String) -> Value {
        switch key {
        case "topic": return .string(topic)
        case "partition": return .integer(Int64(partition))
        case "offset": return .integer(record.offset)
        case "timestamp": return .timestamp(record.timestamp * 1000)
        case "timestamp-type": return .string("CreateTime")
        case "headers": return .map(record.headers.map { MapEntry(key: .string($0.key), value: $0.value.map(Value.bytes) ?? .null) })
        default: return .null
        }
    }

    /// Record headers from a `headers` cell: each entry's key as text and its value as bytes.
    static func headers(_ value: Value) -> [RecordHeader] {
        guard case .map(let entries) = value else { return [] }
        return entries.compactMap { entry in
            guard case .string(let key) = entry.key else { return nil }
            if case .bytes(let bytes) = entry.value { return RecordHeader(key: key, value: bytes) }
            return RecordHeader(key: key, value: nil)
        }
    }
}
