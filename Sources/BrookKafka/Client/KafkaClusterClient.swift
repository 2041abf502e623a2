// Brook as a client of a Kafka cluster: what the kafka connector uses when its bootstrap servers are not Brook's own.
import BrookStorage
import Foundation

/// A `TopicStore` over the Kafka protocol. It asks the bootstrap servers for metadata, sends each
/// partition's reads and appends to its leader and group offsets to the group's coordinator, with
/// request versions every broker since Kafka 1.0 (and Redpanda, and Brook's own listener) accepts.
/// A request that fails in a way that may pass (connection lost, leader moved) is retried on fresh
/// metadata and connections, with waits growing from 0.2 s to 2 s: for six seconds until the
/// cluster has answered once (so a wrong address fails fast), then for two minutes (Kafka's
/// producer default `delivery.timeout.ms`), so a running job outlasts a broker restart or a
/// short outage. Appends are therefore at least once.
public final class KafkaClusterClient: TopicStore {
    private struct Broker: Hashable { let host: String; let port: Int }

    private let bootstrap: [Broker]
    private let clientID: String
    private var brokers: [Int32: Broker] = [:]
    private var leaders: [String: [Int32: Int32]] = [:]
    private var connections: [Broker: KafkaConnection] = [:]
    private var coordinators: [String: Broker] = [:]
    /// How long retriable failures are retried before the cluster first answers, and after.
    private let connectTolerance: TimeInterval
    private let outageTolerance: TimeInterval
    private var hasAnswered = false

    /// `servers` is Kafka's `bootstrap.servers`: comma-separated host:port pairs.
    public init(servers: String, clientID: String = "brook", connectTolerance: TimeInterval = 6, outageTolerance: TimeInterval = 120) throws {
        self.connectTolerance = connectTolerance
        self.outageTolerance = outageTolerance
        bootstrap = try servers.split(separator: ",").map { entry in
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
                throw KafkaClientError("'\(text)' is not host:port")
            }
            return Broker(host: String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
        }
        guard !bootstrap.isEmpty else { throw KafkaClientError("no bootstrap servers given") }
        self.clientID = clientID
    }

    // MARK: TopicStore

    public func partitionCount(ofTopic topic: String, createIfMissing: Bool) throws -> Int32? {
        try retrying { try leadersOf(topic, create: createIfMissing).map { Int32($0.count) } }
    }

    public func offsets(topic: String, partition: Int32) throws -> PartitionOffsets {
        PartitionOffsets(logStart: try listOffset(topic: topic, partition: partition, query: .earliest).offset,
                         next: try listOffset(topic: topic, partition: partition, query: .latest).offset)
    }

    public func listOffset(topic: String, partition: Int32, query: OffsetQuery) throws -> ListedOffset {
        try retrying { try listOffsetOnce(topic: topic, partition: partition, query: query) }
    }

    private func listOffsetOnce(topic: String, partition: Int32, query: OffsetQuery) throws -> ListedOffset {
        let time: Int64
        switch query {
        case .earliest: time = -2
        case .latest: time = -1
        case .timestamp(let millis): time = millis
        }
        var reader = try leader(topic, partition).send(.listOffsets, version: 1) { writer in
            writer.int32(-1)
            writer.arrayCount(1)
            writer.string(topic)
            writer.arrayCount(1)
            writer.int32(partition)
            writer.int64(time)
        }
        let answer = try singlePartition(&reader, topic: topic) { reader in
            (try reader.int16(), try reader.int64(), try reader.int64())
        }
        try check(answer.0, "listing offsets of topic '\(topic)' partition \(partition)")
        return ListedOffset(offset: answer.2, timestamp: answer.1)
    }

    public func read(topic: String, partition: Int32, offset: Int64, maxBytes: Int, maxRecords: Int) throws -> [StoredRecord] {
        try retrying { try readOnce(topic: topic, partition: partition, offset: offset, maxBytes: maxBytes, maxRecords: maxRecords) }
    }

    private func readOnce(topic: String, partition: Int32, offset: Int64, maxBytes: Int, maxRecords: Int) throws -> [StoredRecord] {
        var reader = try leader(topic, partition).send(.fetch, version: 4) { writer in
            writer.int32(-1)
            writer.int32(100)
            writer.int32(1)
            writer.int32(Int32(clamping: maxBytes))
            writer.int8(0)
            writer.arrayCount(1)
            writer.string(topic)
            writer.arrayCount(1)
            writer.int32(partition)
            writer.int64(offset)
            writer.int32(Int32(clamping: maxBytes))
        }
        _ = try reader.int32()
        let answer = try singlePartition(&reader, topic: topic) { reader -> (Int16, [UInt8]) in
            let error = try reader.int16()
            _ = try reader.int64()
            _ = try reader.int64()
            _ = try reader.nullableArray(flexible: false) { reader in (try reader.int64(), try reader.int64()) }
            return (error, try reader.nullableBytes() ?? [])
        }
        try check(answer.0, "fetching topic '\(topic)' partition \(partition) at offset \(offset)")
        var records: [StoredRecord] = []
        var batches = ByteReader(answer.1)
        while batches.remaining >= 12, records.count < maxRecords {
            let batch: RecordBatch
            do {
                batch = try RecordBatch.decode(from: &batches)
            } catch KafkaCodecError.truncated {
                break
            }
            if batch.isControl { continue }
            for record in batch.records {
                let recordOffset = batch.baseOffset + Int64(record.offsetDelta)
                guard recordOffset >= offset, records.count < maxRecords else { continue }
                let timestamp = batch.usesLogAppendTime ? batch.maxTimestamp : batch.baseTimestamp + record.timestampDelta
                records.append(StoredRecord(offset: recordOffset, timestamp: timestamp, key: record.key, value: record.value, headers: record.headers))
            }
        }
        return records
    }

    @discardableResult
    public func append(topic: String, partition: Int32, records: [AppendRecord]) throws -> Int64 {
        guard let first = records.first else { return -1 }
        let batch = RecordBatch(
            baseOffset: 0, partitionLeaderEpoch: -1, lastOffsetDelta: Int32(records.count - 1), baseTimestamp: first.timestamp,
            records: records.enumerated().map { index, record in
                KafkaRecord(timestampDelta: record.timestamp - first.timestamp, offsetDelta: Int32(index), key: record.key, value: record.value, headers: record.headers)
            })
        let encoded = try batch.encoded()
        return try retrying { try produce(encoded, topic: topic, partition: partition) }
    }

    private func produce(_ encoded: [UInt8], topic: String, partition: Int32) throws -> Int64 {
        var reader = try leader(topic, partition, create: true).send(.produce, version: 3) { writer in
            writer.nullableString(nil)
            writer.int16(-1)
            writer.int32(30_000)
            writer.arrayCount(1)
            writer.string(topic)
            writer.arrayCount(1)
            writer.int32(partition)
            writer.nullableBytes(encoded)
        }
        let answer = try singlePartition(&reader, topic: topic) { reader in
            (try reader.int16(), try reader.int64(), try reader.int64())
        }
        try check(answer.0, "producing to topic '\(topic)' partition \(partition)")
        return answer.1
    }

    public func commitOffsets(group: String, offsets: [CommittedOffset]) throws {
        try retrying { try commitOffsetsOnce(group: group, offsets: offsets) }
    }

    private func commitOffsetsOnce(group: String, offsets: [CommittedOffset]) throws {
        let byTopic = Dictionary(grouping: offsets, by: \.topic)
        var reader = try coordinator(group).send(.offsetCommit, version: 2) { writer in
            writer.string(group)
            writer.int32(-1)
            writer.string("")
            writer.int64(-1)
            writer.array(Array(byTopic), { writer, entry in
                writer.string(entry.key)
                writer.array(entry.value) { writer, offset in
                    writer.int32(offset.partition)
                    writer.int64(offset.offset)
                    writer.nullableString(offset.metadata)
                }
            })
        }
        for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
            let topic = try reader.string()
            for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
                let partition = try reader.int32()
                try check(try reader.int16(), "committing offsets of group '\(group)' for topic '\(topic)' partition \(partition)")
            }
        }
    }

    public func committedOffsets(group: String, topic: String) throws -> [CommittedOffset] {
        try retrying { try committedOffsetsOnce(group: group, topic: topic) }
    }

    private func committedOffsetsOnce(group: String, topic: String) throws -> [CommittedOffset] {
        let partitions = try existingLeaders(of: topic).keys.sorted()
        var reader = try coordinator(group).send(.offsetFetch, version: 1) { writer in
            writer.string(group)
            writer.arrayCount(1)
            writer.string(topic)
            writer.array(partitions) { writer, partition in writer.int32(partition) }
        }
        var committed: [CommittedOffset] = []
        for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
            let name = try reader.string()
            for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
                let partition = try reader.int32()
                let offset = try reader.int64()
                let metadata = try reader.nullableString()
                try check(try reader.int16(), "reading committed offsets of group '\(group)' for topic '\(name)'")
                if offset >= 0 { committed.append(CommittedOffset(topic: name, partition: partition, offset: offset, metadata: metadata)) }
            }
        }
        return committed
    }

    // MARK: Brokers

    /// Runs `request`, and after a retriable failure forgets every connection, leader and
    /// coordinator and runs it again, waiting 0.2 s, then twice as long each time up to 2 s,
    /// until the tolerance for this client's state (see the type) runs out.
    private func retrying<T>(_ request: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(hasAnswered ? outageTolerance : connectTolerance)
        var wait = 0.2
        while true {
            do {
                let result = try request()
                hasAnswered = true
                return result
            } catch let error as KafkaClientError where error.retriable && Date().addingTimeInterval(wait) < deadline {
                connections.removeAll()
                leaders.removeAll()
                coordinators.removeAll()
                usleep(UInt32(wait * 1_000_000))
                wait = min(wait * 2, 2)
            }
        }
    }

    private func connection(_ broker: Broker) throws -> KafkaConnection {
        if let open = connections[broker] { return open }
        let opened = try KafkaConnection(host: broker.host, port: broker.port, clientID: clientID)
        connections[broker] = opened
        return opened
    }

    /// Any broker that answers, bootstrap servers first.
    private func anyConnection() throws -> KafkaConnection {
        var failures: [String] = []
        for broker in bootstrap + brokers.values {
            do { return try connection(broker) } catch { failures.append("\(error)") }
        }
        throw KafkaClientError(failures.joined(separator: "; "), retriable: true)
    }

    /// Partition leaders of `topic` from a Metadata v4 request, which asks a broker that allows it
    /// to create a missing topic only when `create` is set; nil when the topic does not exist.
    private func leadersOf(_ topic: String, create: Bool) throws -> [Int32: Int32]? {
        if let known = leaders[topic] { return known }
        var lastError: Int16 = 0
        for attempt in 0..<10 {
            var reader = try anyConnection().send(.metadata, version: 4) { writer in
                writer.arrayCount(1)
                writer.string(topic)
                writer.bool(create)
            }
            _ = try reader.int32()
            for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
                let id = try reader.int32()
                let host = try reader.string()
                let port = try reader.int32()
                _ = try reader.nullableString()
                brokers[id] = Broker(host: host, port: Int(port))
            }
            _ = try reader.nullableString()
            _ = try reader.int32()
            var found: [Int32: Int32] = [:]
            for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
                lastError = try reader.int16()
                let name = try reader.string()
                _ = try reader.bool()
                for _ in 0..<(try reader.arrayCount(flexible: false) ?? 0) {
                    _ = try reader.int16()
                    let partition = try reader.int32()
                    let leader = try reader.int32()
                    _ = try reader.array(flexible: false) { try $0.int32() }
                    _ = try reader.array(flexible: false) { try $0.int32() }
                    if name == topic { found[partition] = leader }
                }
            }
            if lastError == 0, !found.isEmpty, found.values.allSatisfy({ brokers[$0] != nil }) {
                leaders[topic] = found
                return found
            }
            if lastError == KafkaErrorCode.unknownTopicOrPartition.rawValue, !create { return nil }
            // A topic being created has no leader for a moment (LEADER_NOT_AVAILABLE).
            if lastError != 5 && lastError != 0 { break }
            usleep(UInt32(100_000 * (attempt + 1)))
        }
        try check(lastError, "topic '\(topic)'")
        throw KafkaClientError("topic '\(topic)' has no partition leader", retriable: true)
    }

    /// Partition leaders of a topic that must exist.
    private func existingLeaders(of topic: String) throws -> [Int32: Int32] {
        guard let found = try leadersOf(topic, create: false) else { throw KafkaClientError("topic '\(topic)' does not exist") }
        return found
    }

    private func leader(_ topic: String, _ partition: Int32, create: Bool = false) throws -> KafkaConnection {
        let leaders = create ? try leadersOf(topic, create: true) : try existingLeaders(of: topic)
        guard let id = leaders?[partition], let broker = brokers[id] else {
            throw KafkaClientError("topic '\(topic)' has no partition \(partition)")
        }
        return try connection(broker)
    }

    private func coordinator(_ group: String) throws -> KafkaConnection {
        if let known = coordinators[group] { return try connection(known) }
        var reader = try anyConnection().send(.findCoordinator, version: 0) { writer in writer.string(group) }
        try check(try reader.int16(), "finding the coordinator of group '\(group)'")
        _ = try reader.int32()
        let broker = Broker(host: try reader.string(), port: Int(try reader.int32()))
        coordinators[group] = broker
        return try connection(broker)
    }

    /// Reads a response's topics array holding one topic with one partition, as every request here asks.
    private func singlePartition<T>(_ reader: inout ByteReader, topic: String, _ partition: (inout ByteReader) throws -> T) throws -> T {
        guard try reader.arrayCount(flexible: false) == 1 else { throw KafkaClientError("answer about topic '\(topic)' has no single topic") }
        _ = try reader.string()
        guard try reader.arrayCount(flexible: false) == 1 else { throw KafkaClientError("answer about topic '\(topic)' has no single partition") }
        _ = try reader.int32()
        return try partition(&reader)
    }

    /// Error codes a later attempt can get past: leader not available or moved, request timed
    /// out, network exception, coordinator loading, unavailable or moved.
    private static let retriableCodes: Set<Int16> = [5, 6, 7, 13, 14, 15, 16]

    private func check(_ code: Int16, _ place: String) throws {
        guard code != 0 else { return }
        let name = KafkaErrorCode(rawValue: code).map { "\($0)" } ?? "error code \(code)"
        throw KafkaClientError("\(place): the Kafka broker answered \(name)", retriable: Self.retriableCodes.contains(code))
    }
}
