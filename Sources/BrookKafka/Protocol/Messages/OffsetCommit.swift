// OffsetCommit (key 8): a group records how far it has consumed.

/// OffsetCommit request v2-v8; v9 belongs to the new consumer protocol (KIP-848).
public struct OffsetCommitRequest: KafkaRequest {
    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var index: Int32
        public var offset: Int64
        public var leaderEpoch: Int32
        public var metadata: String?

        public init(index: Int32, offset: Int64, leaderEpoch: Int32 = -1, metadata: String? = nil) {
            self.index = index
            self.offset = offset
            self.leaderEpoch = leaderEpoch
            self.metadata = metadata
        }
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]

        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    public var groupID: String
    public var generationID: Int32
    public var memberID: String
    public var topics: [Topic]

    public init(groupID: String, generationID: Int32 = -1, memberID: String = "", topics: [Topic]) {
        self.groupID = groupID
        self.generationID = generationID
        self.memberID = memberID
        self.topics = topics
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.offsetCommit.isFlexible(version)
        groupID = try reader.string(flexible: flexible)
        generationID = try reader.int32()
        memberID = try reader.string(flexible: flexible)
        if version >= 7 { _ = try reader.nullableString(flexible: flexible) }
        if version <= 4 { _ = try reader.int64() }
        topics = try reader.array(flexible: flexible) { reader in
            let name = try reader.string(flexible: flexible)
            let partitions = try reader.array(flexible: flexible) { reader in
                let index = try reader.int32()
                let offset = try reader.int64()
                let epoch = version >= 6 ? try reader.int32() : -1
                let partition = Partition(index: index, offset: offset, leaderEpoch: epoch,
                                          metadata: try reader.nullableString(flexible: flexible))
                try reader.taggedFields(flexible: flexible)
                return partition
            }
            try reader.taggedFields(flexible: flexible)
            return Topic(name: name, partitions: partitions)
        }
        try reader.taggedFields(flexible: flexible)
    }
}

/// OffsetCommit response: an error code per partition.
public struct OffsetCommitResponse: KafkaResponse, Equatable {
    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var index: Int32
        public var errorCode: KafkaErrorCode
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]
    }

    public var topics: [Topic]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.offsetCommit.isFlexible(version)
        if version >= 3 { writer.int32(0) }
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.string(topic.name, flexible: flexible)
            writer.array(topic.partitions, flexible: flexible) { writer, partition in
                writer.int32(partition.index)
                writer.int16(partition.errorCode.rawValue)
                writer.taggedFields(flexible: flexible)
            }
            writer.taggedFields(flexible: flexible)
        }
        writer.taggedFields(flexible: flexible)
    }
}
