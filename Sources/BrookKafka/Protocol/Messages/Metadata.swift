// Metadata (key 3): topics, partitions and the one broker that leads them all.

/// Metadata request v0-v9; nil topics asks for every topic (v0 spells that as an empty list).
public struct MetadataRequest: KafkaRequest {
    public var topics: [String]?
    public var allowAutoTopicCreation: Bool

    public init(topics: [String]?, allowAutoTopicCreation: Bool = true) {
        self.topics = topics
        self.allowAutoTopicCreation = allowAutoTopicCreation
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.metadata.isFlexible(version)
        let names = try reader.nullableArray(flexible: flexible) { reader in
            let name = try reader.string(flexible: flexible)
            try reader.taggedFields(flexible: flexible)
            return name
        }
        topics = version == 0 && names?.isEmpty == true ? nil : names
        allowAutoTopicCreation = version >= 4 ? try reader.bool() : true
        if version >= 8 {
            _ = try reader.bool()
            _ = try reader.bool()
        }
        try reader.taggedFields(flexible: flexible)
    }
}

/// Metadata response; Brook is always broker 0, leader and sole replica of every partition.
public struct MetadataResponse: KafkaResponse {
    /// A broker clients can connect to; Brook lists only itself.
    public struct Broker: Sendable, Equatable {
        public var nodeID: Int32
        public var host: String
        public var port: Int32
    }

    /// One partition's part of this message.
    public struct Partition: Sendable, Equatable {
        public var errorCode: KafkaErrorCode
        public var index: Int32
        public var leaderID: Int32
    }

    /// One topic and its partitions in this message.
    public struct Topic: Sendable, Equatable {
        public var errorCode: KafkaErrorCode
        public var name: String
        public var partitions: [Partition]
    }

    public var brokers: [Broker]
    public var clusterID: String?
    public var controllerID: Int32
    public var topics: [Topic]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.metadata.isFlexible(version)
        if version >= 3 { writer.int32(0) }
        writer.array(brokers, flexible: flexible) { writer, broker in
            writer.int32(broker.nodeID)
            writer.string(broker.host, flexible: flexible)
            writer.int32(broker.port)
            if version >= 1 { writer.nullableString(nil, flexible: flexible) }
            writer.taggedFields(flexible: flexible)
        }
        if version >= 2 { writer.nullableString(clusterID, flexible: flexible) }
        if version >= 1 { writer.int32(controllerID) }
        writer.array(topics, flexible: flexible) { writer, topic in
            writer.int16(topic.errorCode.rawValue)
            writer.string(topic.name, flexible: flexible)
            if version >= 1 { writer.bool(false) }
            writer.array(topic.partitions, flexible: flexible) { writer, partition in
                writer.int16(partition.errorCode.rawValue)
                writer.int32(partition.index)
                writer.int32(partition.leaderID)
                if version >= 7 { writer.int32(0) }
                let replicas: [Int32] = partition.leaderID >= 0 ? [partition.leaderID] : []
                writer.array(replicas, flexible: flexible) { $0.int32($1) }
                writer.array(replicas, flexible: flexible) { $0.int32($1) }
                if version >= 5 { writer.array([] as [Int32], flexible: flexible) { $0.int32($1) } }
                writer.taggedFields(flexible: flexible)
            }
            if version >= 8 { writer.int32(Int32.min) }
            writer.taggedFields(flexible: flexible)
        }
        if version >= 8 { writer.int32(Int32.min) }
        writer.taggedFields(flexible: flexible)
    }
}
