// Produce (key 0): record batches in, base offsets out.

/// Produce request v3-v9: those carry RecordBatch v2, the one record format Brook reads.
/// Records stay raw bytes here; the broker decodes them per partition so one bad batch fails
/// only its partition.
public struct ProduceRequest: KafkaRequest {
    /// One partition's part of this message.
    public struct Partition: Sendable {
        public var index: Int32
        public var records: [UInt8]?

        public init(index: Int32, records: [UInt8]?) {
            self.index = index
            self.records = records
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

    public var transactionalID: String?
    public var acks: Int16
    public var timeoutMs: Int32
    public var topics: [Topic]

    public init(transactionalID: String? = nil, acks: Int16, timeoutMs: Int32, topics: [Topic]) {
        self.transactionalID = transactionalID
        self.acks = acks
        self.timeoutMs = timeoutMs
        self.topics = topics
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.produce.isFlexible(version)
        transactionalID = try reader.nullableString(flexible: flexible)
        acks = try reader.int16()
        timeoutMs = try reader.int32()
        topics = try reader.array(flexible: flexible) { reader in
            let name = try reader.string(flexible: flexible)
            let partitions = try reader.array(flexible: flexible) { reader in
                let partition = Partition(index: try reader.int32(), records: try reader.nullableBytes(flexible: flexible))
                try reader.taggedFields(flexible: flexible)
                return partition
            }
            try reader.taggedFields(flexible: flexible)
            return Topic(name: name, partitions: partitions)
        }
        try reader.taggedFields(flexible: flexible)
    }
}

extension ProduceRequest.Partition {
    public init(index: Int32, batches: [RecordBatch]) throws {
        self.index = index
        self.records = try batches.flatMap { try $0.encoded() }
    }
}

/// Produce response: per partition the first offset assigned, or why nothing was appended.
public struct ProduceResponse: KafkaResponse {
    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var index: Int32
        public var errorCode: KafkaErrorCode
        public var baseOffset: Int64
        public var logStartOffset: Int64
        public var errorMessage: String?
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]
    }

    public var topics: [Topic]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.produce.isFlexible(version)
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.string(topic.name, flexible: flexible)
            writer.array(topic.partitions, flexible: flexible) { writer, partition in
                writer.int32(partition.index)
                writer.int16(partition.errorCode.rawValue)
                writer.int64(partition.baseOffset)
                writer.int64(-1)
                if version >= 5 { writer.int64(partition.logStartOffset) }
                if version >= 8 {
                    writer.arrayCount(0, flexible: flexible)
                    writer.nullableString(partition.errorMessage, flexible: flexible)
                }
                writer.taggedFields(flexible: flexible)
            }
            writer.taggedFields(flexible: flexible)
        }
        writer.int32(0)
        writer.taggedFields(flexible: flexible)
    }
}
