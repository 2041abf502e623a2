// Brook's Kafka client against Brook's broker on loopback: reads, appends, offsets, group commits, and a broker restart.
import BrookStorage
import Foundation
import Testing
@testable import BrookKafka

@Suite struct KafkaClusterClientTests {
    /// Runs blocking client calls on a thread of their own, so the broker's tasks keep the cooperative pool.
    func blocking<T: Sendable>(_ body: @escaping () throws -> T) async throws -> T {
        nonisolated(unsafe) let call = body
        let result: Result<T, Error> = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Result { try call() }) }.start()
        }
        return try result.get()
    }

    @Test func appendsReadsOffsetsAndCommitsRoundTrip() async throws {
        let path = TestSupport.temporaryPath()
        let broker = KafkaBroker(log: try TopicLog(path: path), host: "127.0.0.1", port: 0, config: TestSupport.quietConfig())
        let port = try await broker.start()
        // The first bootstrap server refuses connections; the client goes on to the next.
        let client = try KafkaClusterClient(servers: "127.0.0.1:1, 127.0.0.1:\(port)")
        nonisolated(unsafe) let shared = client
        try await blocking {
            #expect(try shared.partitionCount(ofTopic: "bars", createIfMissing: false) == nil)
            #expect(try shared.partitionCount(ofTopic: "bars", createIfMissing: true) == 1)
            let first = try shared.append(topic: "bars", partition: 0, records: (0..<3).map {
                AppendRecord(timestamp: 1_000 + Int64($0), key: Array("AAPL".utf8), value: Array("{\"n\":\($0)}".utf8), headers: [RecordHeader(key: "h", value: [1])])
            })
            #expect(first == 0)
            let records = try shared.read(topic: "bars", partition: 0, offset: 1, maxBytes: 1 << 20, maxRecords: 10)
            #expect(records.map(\.offset) == [1, 2])
            #expect(records.map(\.timestamp) == [1_001, 1_002])
            #expect(records.first?.key == Array("AAPL".utf8) && records.first?.headers == [RecordHeader(key: "h", value: [1])])
            #expect(try shared.read(topic: "bars", partition: 0, offset: 0, maxBytes: 1 << 20, maxRecords: 2).count == 2)
            #expect(try shared.offsets(topic: "bars", partition: 0) == PartitionOffsets(logStart: 0, next: 3))
            #expect(try shared.listOffset(topic: "bars", partition: 0, query: .timestamp(1_002)).offset == 2)
            #expect(try shared.committedOffsets(group: "g", topic: "bars").isEmpty)
            try shared.commitOffsets(group: "g", offsets: [CommittedOffset(topic: "bars", partition: 0, offset: 2)])
            #expect(try shared.committedOffsets(group: "g", topic: "bars").map(\.offset) == [2])
        }
        await broker.shutdown()
    }

    @Test func aRestartedBrokerIsReconnectedTo() async throws {
        let path = TestSupport.temporaryPath()
        let first = KafkaBroker(log: try TopicLog(path: path), host: "127.0.0.1", port: 0, config: TestSupport.quietConfig())
        let port = try await first.start()
        nonisolated(unsafe) let client = try KafkaClusterClient(servers: "127.0.0.1:\(port)")
        try await blocking { try client.append(topic: "t", partition: 0, records: [AppendRecord(timestamp: 1, key: nil, value: [1])]) }
        await first.shutdown()
        let second = KafkaBroker(log: try TopicLog(path: path), host: "127.0.0.1", port: port, config: TestSupport.quietConfig())
        _ = try await second.start()
        let records = try await blocking {
            try client.append(topic: "t", partition: 0, records: [AppendRecord(timestamp: 2, key: nil, value: [2])])
            return try client.read(topic: "t", partition: 0, offset: 0, maxBytes: 1 << 20, maxRecords: 10).map(\.value)
        }
        #expect(records == [[1], [2]])
        await second.shutdown()
    }

    /// Once the cluster has answered, an outage longer than the six seconds a first connection gets is
    /// waited out (tolerances scaled down here: 0.3 s to connect, 20 s of outage, a 1.5 s outage).
    @Test func aConnectedClientOutlastsAnOutageLongerThanItsConnectTolerance() async throws {
        let path = TestSupport.temporaryPath()
        let first = KafkaBroker(log: try TopicLog(path: path), host: "127.0.0.1", port: 0, config: TestSupport.quietConfig())
        let port = try await first.start()
        nonisolated(unsafe) let client = try KafkaClusterClient(servers: "127.0.0.1:\(port)", connectTolerance: 0.3, outageTolerance: 20)
        try await blocking { try client.append(topic: "t", partition: 0, records: [AppendRecord(timestamp: 1, key: nil, value: [1])]) }
        await first.shutdown()
        let restart = Task {
            try await Task.sleep(for: .milliseconds(1500))
            let second = KafkaBroker(log: try TopicLog(path: path), host: "127.0.0.1", port: port, config: TestSupport.quietConfig())
            _ = try await second.start()
            return second
        }
        let records = try await blocking { try client.read(topic: "t", partition: 0, offset: 0, maxBytes: 1 << 20, maxRecords: 10).map(\.value) }
        #expect(records == [[1]])
        try await restart.value.shutdown()
        let unreachable = try KafkaClusterClient(servers: "127.0.0.1:1", connectTolerance: 0.3)
        let started = Date()
        #expect(throws: (any Error).self) { try unreachable.partitionCount(ofTopic: "t", createIfMissing: false) }
        #expect(Date().timeIntervalSince(started) < 5, "a cluster that never answered fails within its connect tolerance")
    }

    @Test func badBootstrapServersAreNamed() {
        #expect { try KafkaClusterClient(servers: "localhost") } throws: { "\($0)".contains("'localhost' is not host:port") }
        #expect { try KafkaClusterClient(servers: " , ") } throws: { "\($0)".contains("is not host:port") }
    }
}
