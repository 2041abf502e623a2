// InitProducerId (key 22): idempotent producers get an id to stamp their batches with.

/// InitProducerId request v0-v4. Transactional ids are refused: idempotence alone is served, and a
/// re-initialising producer's old id and epoch (v3+) are ignored in favour of a fresh id.
public struct InitProducerIDRequest: KafkaRequest {
    public var transactionalID: String?
    public var transactionTimeoutMs: Int32

    public init(transactionalID: String? = nil, transactionTimeoutMs: Int32 = 60_000) {
        self.transactionalID = transactionalID
        self.transactionTimeoutMs = transactionTimeoutMs
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        let flexible = ApiKey.initProducerID.isFlexible(version)
        transactionalID = try reader.nullableString(flexible: flexible)
        transactionTimeoutMs = try reader.int32()
        if version >= 3 {
            _ = try reader.int64()
            _ = try reader.int16()
        }
        try reader.taggedFields(flexible: flexible)
    }
}

/// InitProducerId response with the new producer id and epoch.
public struct InitProducerIDResponse: KafkaResponse, Equatable {
    public var errorCode: KafkaErrorCode
    public var producerID: Int64
    public var producerEpoch: Int16

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = ApiKey.initProducerID.isFlexible(version)
        writer.int32(0)
        writer.int16(errorCode.rawValue)
        writer.int64(producerID)
        writer.int16(producerEpoch)
        writer.taggedFields(flexible: flexible)
    }
}
