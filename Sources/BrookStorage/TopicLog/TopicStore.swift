// What the kafka connector needs from wherever a topic lives.

/// Topic operations shared by Brook's own log and a Kafka cluster reached over the network, so
/// one connector reads and writes either.
public protocol TopicStore: AnyObject {
    /// The topic's partition count. A missing topic is nil, or with `createIfMissing` is created
    /// where the store allows it (as Kafka brokers with auto.create.topics.enable do for producers).
    func partitionCount(ofTopic topic: String, createIfMissing: Bool) throws -> Int32?
    func offsets(topic: String, partition: Int32) throws -> PartitionOffsets
    func listOffset(topic: String, partition: Int32, query: OffsetQuery) throws -> ListedOffset
    /// Records from `offset` on, at most `maxBytes` of values and `maxRecords` records; empty at the end.
    func read(topic: String, partition: Int32, offset: Int64, maxBytes: Int, maxRecords: Int) throws -> [StoredRecord]
    /// Appends durably (acknowledged by all in-sync replicas) and returns the first record's offset.
    @discardableResult
    func append(topic: String, partition: Int32, records: [AppendRecord]) throws -> Int64
    func commitOffsets(group: String, offsets: [CommittedOffset]) throws
    func committedOffsets(group: String, topic: String) throws -> [CommittedOffset]
}

extension TopicLog: TopicStore {
    public func partitionCount(ofTopic topic: String, createIfMissing: Bool) throws -> Int32? {
        if let description = try describeTopic(topic) { return description.partitions }
        guard createIfMissing else { return nil }
        try createTopic(topic, partitions: 1)
        return 1
    }

    public func commitOffsets(group: String, offsets: [CommittedOffset]) throws {
        try commitOffsets(group: group, offsets: offsets, now: TopicLog.nowMilliseconds())
    }

    public func committedOffsets(group: String, topic: String) throws -> [CommittedOffset] {
        try committedOffsets(group: group, topic: Optional(topic))
    }
}
