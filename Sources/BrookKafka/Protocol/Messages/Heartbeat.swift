// Heartbeat (key 12): keeps a member alive and tells it when to rejoin.

/// Heartbeat request v0-v4.
public struct HeartbeatRequest: KafkaRequest {
    public var groupID: String
    public var generationID: Int32
    public var memberID: String

    public init(groupID: String, generationID: Int32, memberID: String) {
        self.groupID = groupID
        self.generationID = generationID
        self.memberID = memberID
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.heartbeat.isFlexible(version)
        groupID = try reader.string(flexible: flexible)
        generationID = try reader.int32()
        memberID = try reader.string(flexible: flexible)
        if version >= 3 { _ = try reader.nullableString(flexible: flexible) }
        try reader.taggedFields(flexible: flexible)
    }
}

/// Heartbeat response; REBALANCE_IN_PROGRESS is how members learn to rejoin.
public struct HeartbeatResponse: KafkaResponse, Equatable {
    public var errorCode: KafkaErrorCode

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.heartbeat.isFlexible(version)
        if version >= 1 { writer.int32(0) }
        writer.int16(errorCode.rawValue)
        writer.taggedFields(flexible: flexible)
    }
}
