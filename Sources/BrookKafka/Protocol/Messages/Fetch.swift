// Fetch (key 1): consumers ask for records from offsets, optionally waiting for new ones.

/// Fetch request v4-v12; v13 switches to topic ids, which Brook does not assign. Fetch sessions
/// (v7+) are answered sessionless (session id 0), which clients treat as "send full fetches", so
/// forgotten topics need no bookkeeping.
public struct FetchRequest: KafkaRequest {
    /// One partition's part of this message.
    public struct Partition: Sendable {
        public var index: Int32
        public var fetchOffset: Int64
        public var maxBytes: Int32

        public init(index: Int32, fetchOffset: Int64, maxBytes: Int32) {
            self.index = index
            self.fetchOffset = fetchOffset
            self.maxBytes = maxBytes
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

    public var maxWaitMs: Int32
    public var minBytes: Int32
    public var maxBytes: Int32
    public var topics: [Topic]

    public init(maxWaitMs: Int32, minBytes: Int32, maxBytes: Int32 = .max, topics: [Topic]) {
        self.maxWaitMs = maxWaitMs
        self.minBytes = minBytes
        self.maxBytes = maxBytes
        self.topics = topics
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.fetch.isFlexible(version)
        _ = try reader.int32()
        maxWaitMs = try reader.int32()
        minBytes = try reader.int32()
        maxBytes = try reader.int32()
        _ = try reader.int8()
        if version >= 7 {
            _ = try reader.int32()
            _ = try reader.int32()
        }
        topics = try reader.array(flexible: flexible) { reader in
            let name = try reader.string(flexible: flexible)
            let partitions = try reader.array(flexible: flexible) { reader in
                let index = try reader.int32()
                if version >= 9 { _ = try reader.int32() }
                let offset = try reader.int64()
                if version >= 12 { _ = try reader.int32() }
                if version >= 5 { _ = try reader.int64() }
                let partition = Partition(index: index, fetchOffset: offset, maxBytes: try reader.int32())
                try reader.taggedFields(flexible: flexible)
                return partition
            }
            try reader.taggedFields(flexible: flexible)
            return Topic(name: name, partitions: partitions)
        }
        if version >= 7 {
            _ = try reader.array(flexible: flexible) { reader in
                _ = try reader.string(flexible: flexible)
                _ = try reader.array(flexible: flexible) { try $0.int32() }
                try reader.taggedFields(flexible: flexible)
            }
        }
        if version >= 11 { _ = try reader.string(flexible: flexible) }
        try reader.taggedFields(flexible: flexible)
    }
}

/// Fetch response: per partition the watermarks and the records as encoded batches.
public struct FetchResponse: KafkaResponse {
    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var index: Int32
        public var errorCode: KafkaErrorCode
        public var highWatermark: Int64
        public var logStartOffset: Int64
        public var records: [UInt8]
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]
    }

    public var errorCode: KafkaErrorCode
    public var topics: [Topic]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.fetch.isFlexible(version)
        writer.int32(0)
        if version >= 7 {
            writer.int16(errorCode.rawValue)
            writer.int32(0)
        }
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.string(topic.name, flexible: flexible)
            writer.array(topic.partitions, flexible: flexible) { writer, partition in
                writer.int32(partition.index)
                writer.int16(partition.errorCode.rawValue)
                writer.int64(partition.highWatermark)
                writer.int64(partition.highWatermark)
                if version >= 5 { writer.int64(partition.logStartOffset) }
                writer.arrayCount(nil, flexible: flexible)
                if version >= 11 { writer.int32(-1) }
                writer.nullableBytes(partition.records, flexible: flexible)
                writer.taggedFields(flexible: flexible)
            }
            writer.taggedFields(flexible: flexible)
        }
        writer.taggedFields(flexible: flexible)
    }
}
