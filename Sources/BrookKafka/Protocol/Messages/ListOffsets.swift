// ListOffsets (key 2): where a partition starts, ends, or reaches a point in time.

/// ListOffsets request v1-v6; timestamp -2 means earliest, -1 latest, anything else a time.
public struct ListOffsetsRequest: KafkaRequest {
    /// One partition's part of this message.
    public struct Partition: Sendable {
        public var index: Int32
        public var timestamp: Int64

        public init(index: Int32, timestamp: Int64) {
            self.index = index
            self.timestamp = timestamp
        }
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable {
        public var name: String
        public var partitions: [Partition]

        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    public var topics: [Topic]

    public init(topics: [Topic]) { self.topics = topics }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.listOffsets.isFlexible(version)
        _ = try reader.int32()
        if version >= 2 { _ = try reader.int8() }
        topics = try reader.array(flexible: flexible) { reader in
            let name = try reader.string(flexible: flexible)
            let partitions = try reader.array(flexible: flexible) { reader in
                let index = try reader.int32()
                if version >= 4 { _ = try reader.int32() }
                let partition = Partition(index: index, timestamp: try reader.int64())
                try reader.taggedFields(flexible: flexible)
                return partition
            }
            try reader.taggedFields(flexible: flexible)
            return Topic(name: name, partitions: partitions)
        }
        try reader.taggedFields(flexible: flexible)
    }
}

/// ListOffsets response: the offset found and, for time queries, that record's timestamp.
public struct ListOffsetsResponse: KafkaResponse {
    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var index: Int32
        public var errorCode: KafkaErrorCode
        public var timestamp: Int64
        public var offset: Int64
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]
    }

    public var topics: [Topic]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.listOffsets.isFlexible(version)
        if version >= 2 { writer.int32(0) }
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.string(topic.name, flexible: flexible)
            writer.array(topic.partitions, flexible: flexible) { writer, partition in
                writer.int32(partition.index)
                writer.int16(partition.errorCode.rawValue)
                writer.int64(partition.timestamp)
                writer.int64(partition.offset)
                if version >= 4 { writer.int32(0) }
                writer.taggedFields(flexible: flexible)
            }
            writer.taggedFields(flexible: flexible)
        }
        writer.taggedFields(flexible: flexible)
    }
}
