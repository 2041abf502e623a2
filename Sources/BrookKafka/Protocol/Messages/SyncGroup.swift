// SyncGroup (key 14): the leader hands in assignments, every member collects its own.

/// SyncGroup request v0-v5; only the leader's carries assignments.
public struct SyncGroupRequest: KafkaRequest {
    /// The leader's assignment for one member, opaque to the broker.
    public struct Assignment: Sendable, Equatable {
        public var memberID: String
        public var assignment: [UInt8]

        public init(memberID: String, assignment: [UInt8]) {
            self.memberID = memberID
            self.assignment = assignment
        }
    }

    public var groupID: String
    public var generationID: Int32
    public var memberID: String
    public var assignments: [Assignment]

    public init(groupID: String, generationID: Int32, memberID: String, assignments: [Assignment]) {
        self.groupID = groupID
        self.generationID = generationID
        self.memberID = memberID
        self.assignments = assignments
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.syncGroup.isFlexible(version)
        groupID = try reader.string(flexible: flexible)
        generationID = try reader.int32()
        memberID = try reader.string(flexible: flexible)
        if version >= 3 { _ = try reader.nullableString(flexible: flexible) }
        if version >= 5 {
            _ = try reader.nullableString(flexible: flexible)
            _ = try reader.nullableString(flexible: flexible)
        }
        assignments = try reader.array(flexible: flexible) { reader in
            let item = Assignment(memberID: try reader.string(flexible: flexible), assignment: try reader.bytes(flexible: flexible))
            try reader.taggedFields(flexible: flexible)
            return item
        }
        try reader.taggedFields(flexible: flexible)
    }
}

/// SyncGroup response: this member's assignment, opaque to the broker. From v5 it names the
/// group's protocol type and assignor, which clients check against their own.
public struct SyncGroupResponse: KafkaResponse, Equatable {
    public var errorCode: KafkaErrorCode
    public var assignment: [UInt8]
    public var protocolType: String?
    public var protocolName: String?

    public init(errorCode: KafkaErrorCode, assignment: [UInt8], protocolType: String? = nil, protocolName: String? = nil) {
        self.errorCode = errorCode
        self.assignment = assignment
        self.protocolType = protocolType
        self.protocolName = protocolName
    }

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.syncGroup.isFlexible(version)
        if version >= 1 { writer.int32(0) }
        writer.int16(errorCode.rawValue)
        if version >= 5 {
            writer.nullableString(protocolType, flexible: flexible)
            writer.nullableString(protocolName, flexible: flexible)
        }
        writer.bytes(assignment, flexible: flexible)
        writer.taggedFields(flexible: flexible)
    }
}
