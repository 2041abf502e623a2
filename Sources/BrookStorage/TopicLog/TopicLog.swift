// Kafka-style topics kept in SQLite: partitions, offsets, retention and committed group offsets.
import Foundation

/// The durable half of Brook's Kafka: every append is one transaction, committed with
/// synchronous=FULL, so a record is on disk when `append` returns. Not thread-safe; give it one
/// owner (the broker keeps it inside an actor).
public final class TopicLog {
    public let database: Database
    private var topicCache: [String: (id: Int64, description: TopicDescription)] = [:]

    public init(database: Database) throws {
        self.database = database
        try database.execute(TopicLogSchema.statements)
    }

    /// Opens (creating if needed) the log in the SQLite file at `path`.
    public convenience init(path: String) throws {
        try self.init(database: Database(path: path))
    }

    // MARK: Topics

    public func createTopic(_ name: String, partitions: Int32, retention: RetentionPolicy = RetentionPolicy()) throws {
        guard Self.isValidTopicName(name) else { throw TopicLogError.invalidTopicName(name) }
        guard partitions > 0, partitions <= 10_000 else { throw TopicLogError.invalidPartitionCount(partitions) }
        try database.transaction {
            if try !database.query("SELECT 1 FROM topics WHERE name = ?", [.text(name)]).isEmpty {
                throw TopicLogError.topicExists(name)
            }
            try database.run(
                "INSERT INTO topics (name, partitions, retention_ms, retention_bytes, created_ms) VALUES (?, ?, ?, ?, ?)",
                [.text(name), .integer(Int64(partitions)), Self.optional(retention.milliseconds),
                 Self.optional(retention.bytes), .integer(Self.nowMilliseconds())])
            let id = database.lastInsertRowID
            for partition in 0..<partitions {
                try database.run("INSERT INTO partitions (topic_id, partition) VALUES (?, ?)", [.integer(id), .integer(Int64(partition))])
            }
        }
        topicCache[name] = nil
    }

    /// Removes the topic, its records and every group's committed offsets for it.
    public func deleteTopic(_ name: String) throws {
        let id = try topicID(name)
        try database.transaction {
            try database.run("DELETE FROM records WHERE topic_id = ?", [.integer(id)])
            try database.run("DELETE FROM partitions WHERE topic_id = ?", [.integer(id)])
            try database.run("DELETE FROM topics WHERE id = ?", [.integer(id)])
            try database.run("DELETE FROM group_offsets WHERE topic = ?", [.text(name)])
        }
        topicCache[name] = nil
    }

    public func topicNames() throws -> [String] {
        try database.query("SELECT name FROM topics ORDER BY name").compactMap { $0[0].stringValue }
    }

    /// The topic's shape, or nil when it does not exist.
    public func describeTopic(_ name: String) throws -> TopicDescription? {
        try cachedTopic(name)?.description
    }

    public func setRetention(_ retention: RetentionPolicy, forTopic name: String) throws {
        let id = try topicID(name)
        try database.run("UPDATE topics SET retention_ms = ?, retention_bytes = ? WHERE id = ?",
                         [Self.optional(retention.milliseconds), Self.optional(retention.bytes), .integer(id)])
        topicCache[name] = nil
    }

    /// Per-topic totals in name order, read from counters rather than by scanning records.
    public func stats() throws -> [TopicStats] {
        let rows = try database.query("""
            SELECT t.name, t.partitions, t.retention_ms, t.retention_bytes, COALESCE(SUM(p.records), 0), COALESCE(SUM(p.bytes), 0)
            FROM topics t LEFT JOIN partitions p ON p.topic_id = t.id
            GROUP BY t.id ORDER BY t.name
            """)
        return rows.map { row in
            TopicStats(
                name: row[0].stringValue ?? "",
                partitions: Int32(row[1].int64Value ?? 0),
                records: row[4].int64Value ?? 0,
                bytes: row[5].int64Value ?? 0,
                retention: RetentionPolicy(milliseconds: row[2].int64Value, bytes: row[3].int64Value))
        }
    }

    // MARK: Records

    /// Appends `records` to one partition in a single transaction and returns the first offset given.
    /// An empty list appends nothing and returns the next offset.
    @discardableResult
    public func append(topic: String, partition: Int32, records: [AppendRecord]) throws -> Int64 {
        let id = try partitionTopicID(topic, partition)
        return try database.transaction {
            let counters = try database.query(
                "SELECT next_offset FROM partitions WHERE topic_id = ? AND partition = ?",
                [.integer(id), .integer(Int64(partition))])
            let base = counters.first?[0].int64Value ?? 0
            var offset = base
            var bytes: Int64 = 0
            for record in records {
                let headers = StoredHeaders.encode(record.headers)
                let size = Int64((record.key?.count ?? 0) + (record.value?.count ?? 0) + headers.count)
                try database.run(
                    "INSERT INTO records (topic_id, partition, offset, timestamp, key, value, headers, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [.integer(id), .integer(Int64(partition)), .integer(offset), .integer(record.timestamp),
                     record.key.map(SQLiteValue.blob) ?? .null, record.value.map(SQLiteValue.blob) ?? .null,
                     headers.isEmpty ? .null : .blob(headers), .integer(size)])
                offset += 1
                bytes += size
            }
            try database.run(
                "UPDATE partitions SET next_offset = ?, records = records + ?, bytes = bytes + ? WHERE topic_id = ? AND partition = ?",
                [.integer(offset), .integer(Int64(records.count)), .integer(bytes), .integer(id), .integer(Int64(partition))])
            return base
        }
    }

    /// Records from `offset` on, stopping before `maxBytes` would be exceeded, but always returning
    /// the first available record so an oversized record cannot stall a consumer (as Kafka does).
    /// Reading at the next offset returns nothing; outside the log is `offsetOutOfRange`.
    public func read(topic: String, partition: Int32, offset: Int64, maxBytes: Int, maxRecords: Int = 100_000) throws -> [StoredRecord] {
        let id = try partitionTopicID(topic, partition)
        let bounds = try offsets(topicID: id, partition: partition)
        guard offset >= bounds.logStart, offset <= bounds.next else {
            throw TopicLogError.offsetOutOfRange(topic: topic, partition: partition, offset: offset)
        }
        let statement = try database.prepare("""
            SELECT offset, timestamp, key, value, headers, size FROM records
            WHERE topic_id = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?
            """)
        try statement.bind([.integer(id), .integer(Int64(partition)), .integer(offset), .integer(Int64(maxRecords))])
        defer { statement.reset() }
        var records: [StoredRecord] = []
        var total = 0
        while try statement.step() {
            let size = Int(statement.column(5).int64Value ?? 0)
            if !records.isEmpty, total + size > maxBytes { break }
            total += size
            let recordOffset = statement.column(0).int64Value ?? 0
            var headers: [RecordHeader] = []
            if case .blob(let blob) = statement.column(4) {
                guard let decoded = StoredHeaders.decode(blob) else {
                    throw TopicLogError.corruptHeaders(topic: topic, partition: partition, offset: recordOffset)
                }
                headers = decoded
            }
            records.append(StoredRecord(
                offset: recordOffset,
                timestamp: statement.column(1).int64Value ?? -1,
                key: Self.bytes(statement.column(2)),
                value: Self.bytes(statement.column(3)),
                headers: headers))
        }
        return records
    }

    public func offsets(topic: String, partition: Int32) throws -> PartitionOffsets {
        try offsets(topicID: partitionTopicID(topic, partition), partition: partition)
    }

    public func listOffset(topic: String, partition: Int32, query: OffsetQuery) throws -> ListedOffset {
        let id = try partitionTopicID(topic, partition)
        let bounds = try offsets(topicID: id, partition: partition)
        switch query {
        case .earliest: return ListedOffset(offset: bounds.logStart, timestamp: -1)
        case .latest: return ListedOffset(offset: bounds.next, timestamp: -1)
        case .timestamp(let time):
            let rows = try database.query("""
                SELECT offset, timestamp FROM records
                WHERE topic_id = ? AND partition = ? AND timestamp >= ? ORDER BY offset LIMIT 1
                """, [.integer(id), .integer(Int64(partition)), .integer(time)])
            guard let row = rows.first, let offset = row[0].int64Value, let stamp = row[1].int64Value else {
                return ListedOffset(offset: -1, timestamp: -1)
            }
            return ListedOffset(offset: offset, timestamp: stamp)
        }
    }

    // MARK: Retention

    /// Drops, per partition, the oldest records that break the topic's time or size limit and
    /// returns how many were removed. Only a prefix is dropped, so offsets stay contiguous: a
    /// record is kept while anything before it is kept.
    @discardableResult
    public func enforceRetention(now: Int64) throws -> Int {
        let topics = try database.query("SELECT id, retention_ms, retention_bytes FROM topics")
        var removed = 0
        for topic in topics {
            guard let id = topic[0].int64Value else { continue }
            let retentionMs = topic[1].int64Value
            let retentionBytes = topic[2].int64Value
            guard retentionMs != nil || retentionBytes != nil else { continue }
            let partitions = try database.query("SELECT partition FROM partitions WHERE topic_id = ?", [.integer(id)])
            for row in partitions {
                guard let partition = row[0].int64Value else { continue }
                removed += try database.transaction {
                    try enforceRetention(topicID: id, partition: partition, now: now, milliseconds: retentionMs, bytes: retentionBytes)
                }
            }
        }
        return removed
    }

    private func enforceRetention(topicID id: Int64, partition: Int64, now: Int64, milliseconds: Int64?, bytes: Int64?) throws -> Int {
        let counters = try database.query(
            "SELECT log_start_offset, next_offset, bytes FROM partitions WHERE topic_id = ? AND partition = ?",
            [.integer(id), .integer(partition)])
        guard let counter = counters.first, let next = counter[1].int64Value, let totalBytes = counter[2].int64Value else { return 0 }
        var newStart = counter[0].int64Value ?? 0
        if let milliseconds {
            let rows = try database.query(
                "SELECT MIN(offset) FROM records WHERE topic_id = ? AND partition = ? AND timestamp >= ?",
                [.integer(id), .integer(partition), .integer(now - milliseconds)])
            newStart = max(newStart, rows.first?[0].int64Value ?? next)
        }
        if let bytes, totalBytes > bytes {
            let excess = totalBytes - bytes
            let rows = try database.query("""
                SELECT offset FROM (
                    SELECT offset, SUM(size) OVER (ORDER BY offset) AS running FROM records
                    WHERE topic_id = ? AND partition = ?)
                WHERE running >= ? ORDER BY offset LIMIT 1
                """, [.integer(id), .integer(partition), .integer(excess)])
            newStart = max(newStart, (rows.first?[0].int64Value).map { $0 + 1 } ?? next)
        }
        let doomed = try database.query(
            "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM records WHERE topic_id = ? AND partition = ? AND offset < ?",
            [.integer(id), .integer(partition), .integer(newStart)])
        let count = doomed.first?[0].int64Value ?? 0
        let size = doomed.first?[1].int64Value ?? 0
        try database.run("DELETE FROM records WHERE topic_id = ? AND partition = ? AND offset < ?",
                         [.integer(id), .integer(partition), .integer(newStart)])
        try database.run("""
            UPDATE partitions SET log_start_offset = MAX(log_start_offset, ?), records = records - ?, bytes = bytes - ?
            WHERE topic_id = ? AND partition = ?
            """, [.integer(newStart), .integer(count), .integer(size), .integer(id), .integer(partition)])
        return Int(count)
    }

    // MARK: Consumer groups

    /// Stores `offsets` for `group` in one transaction, replacing earlier commits of the same partitions.
    public func commitOffsets(group: String, offsets: [CommittedOffset], now: Int64 = TopicLog.nowMilliseconds()) throws {
        try database.transaction {
            for offset in offsets {
                try database.run("""
                    INSERT INTO group_offsets (group_id, topic, partition, committed_offset, leader_epoch, metadata, commit_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (group_id, topic, partition) DO UPDATE SET
                        committed_offset = excluded.committed_offset, leader_epoch = excluded.leader_epoch,
                        metadata = excluded.metadata, commit_ms = excluded.commit_ms
                    """, [.text(group), .text(offset.topic), .integer(Int64(offset.partition)), .integer(offset.offset),
                          .integer(Int64(offset.leaderEpoch)), offset.metadata.map(SQLiteValue.text) ?? .null, .integer(now)])
            }
        }
    }

    /// The group's committed offsets, all of them or only those of `topic`.
    public func committedOffsets(group: String, topic: String? = nil) throws -> [CommittedOffset] {
        let rows: [[SQLiteValue]]
        let columns = "SELECT topic, partition, committed_offset, leader_epoch, metadata FROM group_offsets"
        if let topic {
            rows = try database.query("\(columns) WHERE group_id = ? AND topic = ? ORDER BY partition", [.text(group), .text(topic)])
        } else {
            rows = try database.query("\(columns) WHERE group_id = ? ORDER BY topic, partition", [.text(group)])
        }
        return rows.map { row in
            CommittedOffset(
                topic: row[0].stringValue ?? "",
                partition: Int32(row[1].int64Value ?? 0),
                offset: row[2].int64Value ?? -1,
                leaderEpoch: Int32(row[3].int64Value ?? -1),
                metadata: row[4].stringValue)
        }
    }

    /// A producer id never handed out before by this log, surviving restarts so ids are not reused.
    public func nextProducerID() throws -> Int64 {
        try database.transaction {
            try database.run("""
                INSERT INTO log_counters (name, value) VALUES ('producer_id', 1000)
                ON CONFLICT (name) DO UPDATE SET value = value + 1
                """)
            return try database.query("SELECT value FROM log_counters WHERE name = 'producer_id'").first?[0].int64Value ?? 1000
        }
    }

    // MARK: Helpers

    /// Kafka's rule: 1-249 characters from ASCII letters, digits, '.', '_' and '-', and not "." or "..".
    public static func isValidTopicName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 249, name != ".", name != ".." else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    public static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    private func cachedTopic(_ name: String) throws -> (id: Int64, description: TopicDescription)? {
        if let cached = topicCache[name] { return cached }
        let rows = try database.query(
            "SELECT id, partitions, retention_ms, retention_bytes FROM topics WHERE name = ?", [.text(name)])
        guard let row = rows.first, let id = row[0].int64Value else { return nil }
        let description = TopicDescription(
            name: name, partitions: Int32(row[1].int64Value ?? 0),
            retention: RetentionPolicy(milliseconds: row[2].int64Value, bytes: row[3].int64Value))
        topicCache[name] = (id, description)
        return (id, description)
    }

    private func topicID(_ name: String) throws -> Int64 {
        guard let topic = try cachedTopic(name) else { throw TopicLogError.unknownTopic(name) }
        return topic.id
    }

    private func partitionTopicID(_ name: String, _ partition: Int32) throws -> Int64 {
        guard let topic = try cachedTopic(name) else { throw TopicLogError.unknownTopic(name) }
        guard partition >= 0, partition < topic.description.partitions else {
            throw TopicLogError.invalidPartition(topic: name, partition: partition)
        }
        return topic.id
    }

    private func offsets(topicID id: Int64, partition: Int32) throws -> PartitionOffsets {
        let rows = try database.query(
            "SELECT log_start_offset, next_offset FROM partitions WHERE topic_id = ? AND partition = ?",
            [.integer(id), .integer(Int64(partition))])
        return PartitionOffsets(logStart: rows.first?[0].int64Value ?? 0, next: rows.first?[1].int64Value ?? 0)
    }

    private static func optional(_ value: Int64?) -> SQLiteValue {
        value.map(SQLiteValue.integer) ?? .null
    }

    private static func bytes(_ value: SQLiteValue) -> [UInt8]? {
        switch value {
        case .blob(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        default: return nil
        }
    }
}
