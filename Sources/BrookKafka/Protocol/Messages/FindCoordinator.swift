// FindCoordinator (key 10): which broker coordinates a group; on Brook, always itself.

/// FindCoordinator request v0-v3: a group id (key type 0) or transactional id (key type 1).
public struct FindCoordinatorRequest: KafkaRequest {
    public var key: String
    public var keyType: Int8

    public init(key: String, keyType: Int8 = 0) {
        self.key = key
        self.keyType = keyType
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.findCoordinator.isFlexible(version)
        key = try reader.string(flexible: flexible)
        keyType = version >= 1 ? try reader.int8() : 0
        try reader.taggedFields(flexible: flexible)
    }
}

/// FindCoordinator response naming the coordinator's address.
public struct FindCoordinatorResponse: KafkaResponse {
    public var errorCode: KafkaErrorCode
    public var nodeID: Int32
    public var host: String
    public var port: Int32

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.findCoordinator.isFlexible(version)
        if version >= 1 { writer.int32(0) }
        writer.int16(errorCode.rawValue)
        if version >= 1 { writer.nullableString(nil, flexible: flexible) }
        writer.int32(nodeID)
        writer.string(host, flexible: flexible)
        writer.int32(port)
        writer.taggedFields(flexible: flexible)
    }
}
