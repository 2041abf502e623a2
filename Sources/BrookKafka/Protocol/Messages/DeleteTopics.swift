// DeleteTopics (key 20): admin clients removing topics and their records.

/// DeleteTopics request v0-v5: topic names only (v6 adds topic ids).
public struct DeleteTopicsRequest: KafkaRequest {
    public var names: [String]
    public var timeoutMs: Int32

    public init(names: [String], timeoutMs: Int32 = 30_000) {
        self.names = names
        self.timeoutMs = timeoutMs
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.deleteTopics.isFlexible(version)
        names = try reader.array(flexible: flexible) { try $0.string(flexible: flexible) }
        timeoutMs = try reader.int32()
        try reader.taggedFields(flexible: flexible)
    }
}

/// DeleteTopics response: one error code per name.
public struct DeleteTopicsResponse: KafkaResponse, Equatable {
    /// The outcome for one topic.
    public struct Result: Sendable, Equatable {
        public var name: String
        public var errorCode: KafkaErrorCode
    }

    public var results: [Result]

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.deleteTopics.isFlexible(version)
        if version >= 1 { writer.int32(0) }
        writer.array(results, flexible: flexible) { writer, result in
            writer.string(result.name, flexible: flexible)
            writer.int16(result.errorCode.rawValue)
            if version >= 5 { writer.nullableString(nil, flexible: flexible) }
            writer.taggedFields(flexible: flexible)
        }
        writer.taggedFields(flexible: flexible)
    }
}
