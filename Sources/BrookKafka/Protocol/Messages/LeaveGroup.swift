// LeaveGroup (key 13): members leaving so the rest rebalance without waiting for a timeout.

/// LeaveGroup request; v3 batches several members, earlier versions name one.
public struct LeaveGroupRequest: KafkaRequest {
    public var groupID: String
    public var memberIDs: [String]

    public init(groupID: String, memberIDs: [String]) {
        self.groupID = groupID
        self.memberIDs = memberIDs
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.leaveGroup.isFlexible(version)
        groupID = try reader.string(flexible: flexible)
        if version >= 3 {
            memberIDs = try reader.array(flexible: flexible) { reader in
                let id = try reader.string(flexible: flexible)
                _ = try reader.nullableString(flexible: flexible)
                if version >= 5 { _ = try reader.nullableString(flexible: flexible) }
                try reader.taggedFields(flexible: flexible)
                return id
            }
        } else {
            memberIDs = [try reader.string()]
        }
        try reader.taggedFields(flexible: flexible)
    }
}

/// LeaveGroup response, with a per-member result from v3.
public struct LeaveGroupResponse: KafkaResponse, Equatable {
    public var errorCode: KafkaErrorCode
    public var members: [(memberID: String, errorCode: KafkaErrorCode)]

    public static func == (lhs: LeaveGroupResponse, rhs: LeaveGroupResponse) -> Bool {
        lhs.errorCode == rhs.errorCode && lhs.members.elementsEqual(rhs.members) { $0 == $1 }
    }

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.leaveGroup.isFlexible(version)
        if version >= 1 { writer.int32(0) }
        writer.int16(errorCode.rawValue)
        if version >= 3 {
            writer.array(members, flexible: flexible) { writer, member in
                writer.string(member.memberID, flexible: flexible)
                writer.nullableString(nil, flexible: flexible)
                writer.int16(member.errorCode.rawValue)
                writer.taggedFields(flexible: flexible)
            }
        }
        writer.taggedFields(flexible: flexible)
    }
}
