// JoinGroup (key 11): a consumer asks to be part of a group's next generation.

/// JoinGroup request v0-v9 with the member's supported assignment protocols and their metadata.
public struct JoinGroupRequest: KafkaRequest {
    /// An assignor the member supports, with the subscription metadata it sends for it.
    public struct AssignmentProtocol: Sendable, Equatable {
        public var name: String
        public var metadata: [UInt8]

        public init(name: String, metadata: [UInt8]) {
            self.name = name
            self.metadata = metadata
        }
    }

    public var groupID: String
    public var sessionTimeoutMs: Int32
    public var rebalanceTimeoutMs: Int32
    public var memberID: String
    public var groupInstanceID: String?
    public var protocolType: String
    public var protocols: [AssignmentProtocol]

    public init(groupID: String, sessionTimeoutMs: Int32, rebalanceTimeoutMs: Int32, memberID: String,
                protocolType: String = "consumer", protocols: [AssignmentProtocol]) {
        self.groupID = groupID
        self.sessionTimeoutMs = sessionTimeoutMs
        self.rebalanceTimeoutMs = rebalanceTimeoutMs
        self.memberID = memberID
        self.groupInstanceID = nil
        self.protocolType = protocolType
        self.protocols = protocols
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.joinGroup.isFlexible(version)
        groupID = try reader.string(flexible: flexible)
        sessionTimeoutMs = try reader.int32()
        rebalanceTimeoutMs = version >= 1 ? try reader.int32() : sessionTimeoutMs
        memberID = try reader.string(flexible: flexible)
        groupInstanceID = version >= 5 ? try reader.nullableString(flexible: flexible) : nil
        protocolType = try reader.string(flexible: flexible)
        protocols = try reader.array(flexible: flexible) { reader in
            let item = AssignmentProtocol(name: try reader.string(flexible: flexible), metadata: try reader.bytes(flexible: flexible))
            try reader.taggedFields(flexible: flexible)
            return item
        }
        if version >= 8 { _ = try reader.nullableString(flexible: flexible) }
        try reader.taggedFields(flexible: flexible)
    }
}

/// JoinGroup response; only the leader receives the member list it must assign partitions to.
public struct JoinGroupResponse: KafkaResponse, Equatable {
    /// A group member as the leader sees it, with its subscription metadata.
    public struct Member: Sendable, Equatable {
        public var memberID: String
        public var groupInstanceID: String?
        public var metadata: [UInt8]
    }

    public var errorCode: KafkaErrorCode
    public var generationID: Int32
    public var protocolType: String?
    public var protocolName: String
    public var leader: String
    public var memberID: String
    public var members: [Member]

    public static func failure(_ code: KafkaErrorCode, memberID: String = "") -> JoinGroupResponse {
        JoinGroupResponse(errorCode: code, generationID: -1, protocolType: nil, protocolName: "", leader: "", memberID: memberID, members: [])
    }

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.joinGroup.isFlexible(version)
        if version >= 2 { writer.int32(0) }
        writer.int16(errorCode.rawValue)
        writer.int32(generationID)
        if version >= 7 { writer.nullableString(errorCode == .none ? protocolType : nil, flexible: flexible) }
        if version >= 7 && errorCode != .none {
            writer.nullableString(nil, flexible: flexible)
        } else {
            writer.string(protocolName, flexible: flexible)
        }
        writer.string(leader, flexible: flexible)
        if version >= 9 { writer.bool(false) }
        writer.string(memberID, flexible: flexible)
        writer.array(members, flexible: flexible) { writer, member in
            writer.string(member.memberID, flexible: flexible)
            if version >= 5 { writer.nullableString(member.groupInstanceID, flexible: flexible) }
            writer.bytes(member.metadata, flexible: flexible)
            writer.taggedFields(flexible: flexible)
        }
        writer.taggedFields(flexible: flexible)
    }
}
