// CreateTopics (key 19): admin clients creating topics with a partition count and configs.

/// CreateTopics request v0-v6. Replica assignments are read and ignored: one node holds all.
/// Of the configs, `retention.ms` and `retention.bytes` are honoured.
public struct CreateTopicsRequest: KafkaRequest {
    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: Int32
        public var replicationFactor: Int16
        public var configs: [String: String?]

        public init(name: String, partitions: Int32, replicationFactor: Int16 = 1, configs: [String: String?] = [:]) {
            self.name = name
            self.partitions = partitions
            self.replicationFactor = replicationFactor
            self.configs = configs
        }
    }

    public var topics: [Topic]
    public var timeoutMs: Int32
    public var validateOnly: Bool

    public init(topics: [Topic], timeoutMs: Int32 = 30_000, validateOnly: Bool = false) {
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.validateOnly = validateOnly
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.createTopics.isFlexible(version)
        topics = try reader.array(flexible: flexible) { reader in
            let name = try reader.string(flexible: flexible)
            let partitions = try reader.int32()
            let replication = try reader.int16()
            _ = try reader.array(flexible: flexible) { reader in
                _ = try reader.int32()
                _ = try reader.array(flexible: flexible) { try $0.int32() }
                try reader.taggedFields(flexible: flexible)
            }
            var configs: [String: String?] = [:]
            let pairs = try reader.array(flexible: flexible) { reader in
                let pair = (try reader.string(flexible: flexible), try reader.nullableString(flexible: flexible))
                try reader.taggedFields(flexible: flexible)
                return pair
            }
            for (key, value) in pairs { configs[key] = value }
            try reader.taggedFields(flexible: flexible)
            return Topic(name: name, partitions: partitions, replicationFactor: replication, configs: configs)
        }
        timeoutMs = try reader.int32()
        validateOnly = version >= 1 ? try reader.bool() : false
        try reader.taggedFields(flexible: flexible)
    }
}

/// CreateTopics response: one result per requested topic; from v5 with the partition count and
/// replication factor the topic got.
public struct CreateTopicsResponse: KafkaResponse, Equatable {
    /// The outcome for one topic.
    public struct Result: Sendable, Equatable {
        public var name: String
        public var errorCode: KafkaErrorCode
        public var errorMessage: String?
        public var partitions: Int32 = -1
    }

    public var topics: [Result]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.createTopics.isFlexible(version)
        if version >= 2 { writer.int32(0) }
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.string(topic.name, flexible: flexible)
            writer.int16(topic.errorCode.rawValue)
            if version >= 1 { writer.nullableString(topic.errorMessage, flexible: flexible) }
            if version >= 5 {
                writer.int32(topic.partitions)
                writer.int16(topic.errorCode == .none ? 1 : -1)
                writer.arrayCount(nil, flexible: flexible)
            }
            writer.taggedFields(flexible: flexible)
        }
        writer.taggedFields(flexible: flexible)
    }
}
