// Behaviour of the SQLite topic log: appends, reads, offsets, retention, groups, restarts.
import Foundation
import Testing
@testable import BrookStorage

@Suite struct TopicLogTests {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("topiclog-\(UUID().uuidString).sqlite").path
    }

    func record(_ value: String, at timestamp: Int64 = 1_000, key: String? = nil) -> AppendRecord {
        AppendRecord(timestamp: timestamp, key: key.map { Array($0.utf8) }, value: Array(value.utf8))
    }

    @Test func appendsGetConsecutiveOffsetsPerPartition() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("prices", partitions: 2)
        #expect(try log.append(topic: "prices", partition: 0, records: [record("a"), record("b")]) == 0)
        #expect(try log.append(topic: "prices", partition: 0, records: [record("c")]) == 2)
        #expect(try log.append(topic: "prices", partition: 1, records: [record("x")]) == 0)
        #expect(try log.offsets(topic: "prices", partition: 0) == PartitionOffsets(logStart: 0, next: 3))
    }

    @Test func readReturnsRecordsAsAppendedWithHeadersAndNulls() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("news", partitions: 1)
        let headers = [RecordHeader(key: "source", value: Array("wire".utf8)), RecordHeader(key: "empty", value: nil)]
        let records = [
            AppendRecord(timestamp: 1_717_581_780_000, key: Array("AAPL".utf8), value: Array("{}".utf8), headers: headers),
            AppendRecord(timestamp: 1_717_581_780_001, key: nil, value: nil),
            AppendRecord(timestamp: 1_717_581_780_002, key: [], value: []),
        ]
        try log.append(topic: "news", partition: 0, records: records)
        let read = try log.read(topic: "news", partition: 0, offset: 0, maxBytes: 1 << 20)
        #expect(read.map(\.offset) == [0, 1, 2])
        #expect(read[0].headers == headers)
        #expect(read[0].key == Array("AAPL".utf8))
        #expect(read[0].timestamp == 1_717_581_780_000)
        #expect(read[1].key == nil && read[1].value == nil)
        #expect(read[2].key == [] && read[2].value == [])
    }

    @Test func consoleTextShowsAMissingValueAsNULLAndTheTextNullAsItself() {
        #expect(StoredRecord.consoleText(nil) == "NULL")
        #expect(StoredRecord.consoleText(Array("null".utf8)) == "null")
        #expect(StoredRecord.consoleText([]) == "")
    }

    @Test func readStopsAtMaxBytesButAlwaysReturnsOneRecord() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("t", partitions: 1)
        try log.append(topic: "t", partition: 0, records: (0..<10).map { _ in record(String(repeating: "x", count: 100)) })
        #expect(try log.read(topic: "t", partition: 0, offset: 0, maxBytes: 250).count == 2)
        #expect(try log.read(topic: "t", partition: 0, offset: 3, maxBytes: 1).map(\.offset) == [3])
        #expect(try log.read(topic: "t", partition: 0, offset: 10, maxBytes: 1000).isEmpty)
        #expect(throws: TopicLogError.offsetOutOfRange(topic: "t", partition: 0, offset: 11)) {
            try log.read(topic: "t", partition: 0, offset: 11, maxBytes: 1000)
        }
    }

    @Test func unknownTopicsAndPartitionsAreTypedErrors() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("t", partitions: 1)
        #expect(throws: TopicLogError.unknownTopic("nope")) { try log.append(topic: "nope", partition: 0, records: []) }
        #expect(throws: TopicLogError.invalidPartition(topic: "t", partition: 1)) { try log.offsets(topic: "t", partition: 1) }
        #expect(throws: TopicLogError.topicExists("t")) { try log.createTopic("t", partitions: 1) }
        #expect(throws: TopicLogError.invalidTopicName("bad name")) { try log.createTopic("bad name", partitions: 1) }
        #expect(throws: TopicLogError.invalidPartitionCount(0)) { try log.createTopic("zero", partitions: 0) }
    }

    @Test func listOffsetsFindsEarliestLatestAndFirstAtOrAfterTime() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("t", partitions: 1)
        try log.append(topic: "t", partition: 0, records: [record("a", at: 100), record("b", at: 200), record("c", at: 300)])
        #expect(try log.listOffset(topic: "t", partition: 0, query: .earliest) == ListedOffset(offset: 0, timestamp: -1))
        #expect(try log.listOffset(topic: "t", partition: 0, query: .latest) == ListedOffset(offset: 3, timestamp: -1))
        #expect(try log.listOffset(topic: "t", partition: 0, query: .timestamp(150)) == ListedOffset(offset: 1, timestamp: 200))
        #expect(try log.listOffset(topic: "t", partition: 0, query: .timestamp(301)) == ListedOffset(offset: -1, timestamp: -1))
    }

    @Test func timeRetentionDropsOnlyExpiredPrefix() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("t", partitions: 1, retention: RetentionPolicy(milliseconds: 1_000))
        try log.append(topic: "t", partition: 0, records: [record("a", at: 100), record("b", at: 200), record("c", at: 5_000), record("d", at: 150)])
        #expect(try log.enforceRetention(now: 5_500) == 2)
        #expect(try log.offsets(topic: "t", partition: 0) == PartitionOffsets(logStart: 2, next: 4))
        #expect(try log.read(topic: "t", partition: 0, offset: 2, maxBytes: 100).map(\.offset) == [2, 3])
        #expect(try log.enforceRetention(now: 100_000) == 2)
        #expect(try log.offsets(topic: "t", partition: 0) == PartitionOffsets(logStart: 4, next: 4))
        #expect(try log.append(topic: "t", partition: 0, records: [record("e", at: 100_000)]) == 4)
    }

    @Test func byteRetentionKeepsNewestRecordsWithinLimit() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("t", partitions: 1, retention: RetentionPolicy(milliseconds: nil, bytes: 250))
        try log.append(topic: "t", partition: 0, records: (0..<5).map { _ in record(String(repeating: "x", count: 100)) })
        #expect(try log.enforceRetention(now: 0) == 3)
        #expect(try log.offsets(topic: "t", partition: 0).logStart == 3)
        let stats = try log.stats()
        #expect(stats.first?.bytes == 200)
        #expect(stats.first?.records == 2)
    }

    @Test func statsSumPartitions() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("market-news", partitions: 2)
        try log.createTopic("empty", partitions: 1)
        try log.append(topic: "market-news", partition: 0, records: [record("abcd", key: "k")])
        try log.append(topic: "market-news", partition: 1, records: [record("ef")])
        let stats = try log.stats()
        #expect(stats.map(\.name) == ["empty", "market-news"])
        #expect(stats[1].partitions == 2 && stats[1].records == 2 && stats[1].bytes == 7)
        #expect(stats[0].records == 0 && stats[0].bytes == 0)
    }

    @Test func committedOffsetsAndRecordsSurviveReopen() throws {
        do {
            let log = try TopicLog(path: path)
            try log.createTopic("t", partitions: 1)
            try log.append(topic: "t", partition: 0, records: [record("a"), record("b")])
            try log.commitOffsets(group: "g", offsets: [CommittedOffset(topic: "t", partition: 0, offset: 1, metadata: "m")])
            try log.commitOffsets(group: "g", offsets: [CommittedOffset(topic: "t", partition: 0, offset: 2)])
            #expect(try log.nextProducerID() == 1000)
        }
        let reopened = try TopicLog(path: path)
        #expect(try reopened.committedOffsets(group: "g") == [CommittedOffset(topic: "t", partition: 0, offset: 2)])
        #expect(try reopened.committedOffsets(group: "other").isEmpty)
        #expect(try reopened.offsets(topic: "t", partition: 0).next == 2)
        #expect(try reopened.nextProducerID() == 1001)
    }

    @Test func deleteTopicRemovesRecordsAndCommits() throws {
        let log = try TopicLog(path: path)
        try log.createTopic("t", partitions: 1)
        try log.append(topic: "t", partition: 0, records: [record("a")])
        try log.commitOffsets(group: "g", offsets: [CommittedOffset(topic: "t", partition: 0, offset: 1)])
        try log.deleteTopic("t")
        #expect(try log.describeTopic("t") == nil)
        #expect(try log.committedOffsets(group: "g").isEmpty)
        try log.createTopic("t", partitions: 1)
        #expect(try log.offsets(topic: "t", partition: 0) == PartitionOffsets(logStart: 0, next: 0))
    }

    @Test func statsDescribeSizesInBinaryUnits() {
        func size(_ bytes: Int64) -> String {
            TopicStats(name: "t", partitions: 1, records: 0, bytes: bytes, retention: .forever).sizeDescription
        }
        #expect(size(0) == "0 B")
        #expect(size(1023) == "1023 B")
        #expect(size(1024) == "1.00 KiB")
        #expect(size(2_390_753) == "2.28 MiB")
        #expect(size(5 * 1024 * 1024 * 1024 + 1) == "5.00 GiB")
    }
}
