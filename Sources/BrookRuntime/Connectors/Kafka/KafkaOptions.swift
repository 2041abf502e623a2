// The kafka connector's WITH options, resolved: topic, start and end positions, group, format.
import BrookCore
import BrookKafka
import BrookPlanner
import BrookStorage
import Foundation

/// Where a kafka table's reading starts and ends, as Flink's `scan.startup.mode` and
/// `scan.bounded.mode` say, and which consumer group commits its progress.
struct KafkaOptions {
    enum Position: Equatable {
        case earliest, latest, groupOffsets, timestamp(Int64), specific([Int32: Int64])
    }

    var topic: String
    /// `properties.bootstrap.servers`: 'embedded' (the default) for the home's own log, else host:port list.
    var servers: String
    var groupID: String?
    var startup: Position
    var resetToEarliest: Bool
    var bounded: Position?
    var format: String
    var keyFields: [String]
    /// How `key.fields` become the record key: 'json' (an object of the fields), 'csv', or 'raw' (one field's text).
    var keyFormat: String?
    /// `value.fields-include` = 'EXCEPT_KEY': the key.fields columns are in the record key only, not in the value.
    var valueExcludesKey: Bool

    init(table: CatalogTable) throws(ConnectorError) {
        func fail(_ option: String, _ message: String) -> ConnectorError {
            ConnectorError(table: table.name, option: option, message: message)
        }
        if table.option("topic-pattern") != nil {
            throw fail("topic-pattern", "is not supported yet; name the topic in 'topic'")
        }
        guard let topic = table.option("topic") else { throw fail("topic", "is required for the kafka connector") }
        if topic.contains(";") {
            throw fail("topic", "'\(topic)' lists several topics, which Brook does not read as one table yet; declare a table per topic and combine them with UNION ALL")
        }
        self.topic = topic
        servers = table.option("properties.bootstrap.servers") ?? "embedded"
        groupID = table.option("properties.group.id")
        format = table.option("value.format") ?? table.option("format") ?? "json"
        keyFields = table.option("key.fields")?.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) } ?? []
        keyFormat = table.option("key.format")
        if let keyFormat {
            guard ["json", "csv", "raw"].contains(keyFormat) else { throw fail("key.format", "'\(keyFormat)' is not one of json, csv, raw") }
            guard !keyFields.isEmpty else { throw fail("key.fields", "is required with 'key.format'") }
            if keyFormat == "raw", keyFields.count != 1 { throw fail("key.fields", "the raw key format takes exactly one field, not \(keyFields.count)") }
        } else if !keyFields.isEmpty {
            throw fail("key.format", "is required with 'key.fields' (json, csv or raw)")
        }
        for field in keyFields where !table.columns.contains(where: { $0.name == field && $0.kind == .physical }) {
            throw fail("key.fields", "names no physical column '\(field)'")
        }
        switch (table.option("value.fields-include") ?? "ALL").uppercased() {
        case "ALL": valueExcludesKey = false
        case "EXCEPT_KEY": valueExcludesKey = !keyFields.isEmpty
        default: throw fail("value.fields-include", "'\(table.option("value.fields-include")!)' is not one of ALL, EXCEPT_KEY")
        }
        resetToEarliest = (table.option("properties.auto.offset.reset") ?? "latest") == "earliest"
        startup = try KafkaOptions.position(table.option("scan.startup.mode") ?? "group-offsets", table: table, option: "scan.startup.mode", fail: fail)
        bounded = try table.option("scan.bounded.mode").flatMap { mode throws(ConnectorError) in
            mode == "unbounded" ? nil : try KafkaOptions.position(mode, table: table, option: "scan.bounded.mode", fail: fail)
        }
    }

    static func position(_ mode: String, table: CatalogTable, option: String, fail: (String, String) -> ConnectorError) throws(ConnectorError) -> Position {
        switch mode {
        case "earliest-offset": return .earliest
        case "latest-offset": return .latest
        case "group-offsets": return .groupOffsets
        case "timestamp":
            let key = option == "scan.startup.mode" ? "scan.startup.timestamp-millis" : "scan.bounded.timestamp-millis"
            guard let millis = table.option(key).flatMap({ Int64($0) }) else { throw fail(key, "is required with '\(option)' = 'timestamp'") }
            return .timestamp(millis)
        case "specific-offsets":
            let key = option == "scan.startup.mode" ? "scan.startup.specific-offsets" : "scan.bounded.specific-offsets"
            var offsets: [Int32: Int64] = [:]
            for entry in (table.option(key) ?? "").split(separator: ";") {
                let parts = Dictionary(uniqueKeysWithValues: entry.split(separator: ",").compactMap { pair -> (String, String)? in
                    let kv = pair.split(separator: ":")
                    return kv.count == 2 ? (String(kv[0]), String(kv[1])) : nil
                })
                guard let partition = parts["partition"].flatMap({ Int32($0) }), let offset = parts["offset"].flatMap({ Int64($0) }) else {
                    throw fail(key, "expected 'partition:0,offset:42;partition:1,offset:300'")
                }
                offsets[partition] = offset
            }
            guard !offsets.isEmpty else { throw fail(key, "is required with '\(option)' = 'specific-offsets'") }
            return .specific(offsets)
        default:
            throw fail(option, "'\(mode)' is not one of earliest-offset, latest-offset, group-offsets, timestamp, specific-offsets")
        }
    }

    /// The home's topic log, or a client of the cluster the bootstrap servers name.
    func openStore(homePath: String) throws -> TopicStore {
        if servers == "embedded" {
            return try TopicLog(path: (homePath as NSString).appendingPathComponent("brook.db"))
        }
        return try KafkaClusterClient(servers: servers)
    }

    /// Where the topic lives, for error messages.
    var storeDescription: String {
        servers == "embedded" ? "the home's topic log" : "the Kafka cluster at '\(servers)' (option 'properties.bootstrap.servers')"
    }

    /// The offset `position` means for one partition of the log.
    func offset(of position: Position, partition: Int32, log: TopicStore) throws -> Int64 {
        let offsets = try log.offsets(topic: topic, partition: partition)
        switch position {
        case .earliest: return offsets.logStart
        case .latest: return offsets.next
        case .groupOffsets:
            if let groupID, let committed = try log.committedOffsets(group: groupID, topic: topic).first(where: { $0.partition == partition }) {
                return max(committed.offset, offsets.logStart)
            }
            return resetToEarliest ? offsets.logStart : offsets.next
        case .timestamp(let millis):
            // No record at or after the time (Kafka answers -1): start, or end, at the latest offset, as Flink does.
            let listed = try log.listOffset(topic: topic, partition: partition, query: .timestamp(millis))
            return listed.offset < 0 ? offsets.next : listed.offset
        case .specific(let map):
            return max(map[partition] ?? offsets.logStart, offsets.logStart)
        }
    }
}
