// OffsetFetch (key 9): where a group left off, so consumers resume after a restart.

/// OffsetFetch request v1-v7; nil topics (v2+) asks for every partition the group committed.
public struct OffsetFetchRequest: KafkaRequest {
    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Int32]

        public init(name: String, partitions: [Int32]) {
            self.name = name
            self.partitions = partitions
        }
    }

    public var groupID: String
    public var topics: [Topic]?

    public init(groupID: String, topics: [Topic]?) {
        self.groupID = groupID
        self.topics = topics
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.offsetFetch.isFlexible(version)
        groupID = try reader.string(flexible: flexible)
        topics = try reader.nullableArray(flexible: flexible) { reader in
            let topic = Topic(name: try reader.string(flexible: flexible),
                              partitions: try reader.array(flexible: flexible) { try $0.int32() })
            try reader.taggedFields(flexible: flexible)
            return topic
        }
        if version >= 7 { _ = try reader.bool() }
        try reader.taggedFields(flexible: flexible)
    }
}

/// OffsetFetch response; offset -1 means the group has no commit for that partition.
public struct OffsetFetchResponse: KafkaResponse, Equatable {
    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var index: Int32
        public var offset: Int64
        public var leaderEpoch: Int32
        public var metadata: String?
        public var errorCode: KafkaErrorCode
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]
    }

    public var topics: [Topic]
    public var errorCode: KafkaErrorCode

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.offsetFetch.isFlexible(version)
        if version >= 3 { writer.int32(0) }
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.string(topic.name, flexible: flexible)
            writer.array(topic.partitions, flexible: flexible) { writer, partition in
                writer.int32(partition.index)
                writer.int64(partition.offset)
                if version >= 5 { writer.int32(partition.leaderEpoch) }
                writer.nullableString(partition.metadata, flexible: flexible)
                writer.int16(partition.errorCode.rawValue)
                writer.taggedFields(flexible: flexible)
            }
            writer.taggedFields(flexible: flexible)
        }
        if version >= 2 { writer.int16(errorCode.rawValue) }
        writer.taggedFields(flexible: flexible)
    }
}
