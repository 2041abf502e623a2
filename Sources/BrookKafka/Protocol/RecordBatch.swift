// RecordBatch v2 (magic 2): the unit producers send and consumers fetch.

/// A v2 record batch. Decoding verifies the CRC-32C and decompresses; encoding computes both,
/// so the broker can re-encode stored records for any fetch.
public struct RecordBatch: Sendable, Equatable {
    /// The fixed part after baseOffset and batchLength, up to and including the record count.
    static let headerSize = 49
    /// Bytes before the CRC-covered region: baseOffset, batchLength, leaderEpoch, magic, crc.
    static let preCRCSize = 21

    public var baseOffset: Int64
    public var partitionLeaderEpoch: Int32
    public var attributes: Int16
    public var lastOffsetDelta: Int32
    public var baseTimestamp: Int64
    public var maxTimestamp: Int64
    public var producerID: Int64
    public var producerEpoch: Int16
    public var baseSequence: Int32
    public var records: [KafkaRecord]

    public init(
        baseOffset: Int64, partitionLeaderEpoch: Int32 = -1, attributes: Int16 = 0, lastOffsetDelta: Int32? = nil,
        baseTimestamp: Int64, maxTimestamp: Int64? = nil, producerID: Int64 = -1, producerEpoch: Int16 = -1,
        baseSequence: Int32 = -1, records: [KafkaRecord]
    ) {
        self.baseOffset = baseOffset
        self.partitionLeaderEpoch = partitionLeaderEpoch
        self.attributes = attributes
        self.lastOffsetDelta = lastOffsetDelta ?? (records.map(\.offsetDelta).max() ?? 0)
        self.baseTimestamp = baseTimestamp
        self.maxTimestamp = maxTimestamp ?? (records.map { baseTimestamp &+ $0.timestampDelta }.max() ?? baseTimestamp)
        self.producerID = producerID
        self.producerEpoch = producerEpoch
        self.baseSequence = baseSequence
        self.records = records
    }

    public var compressionCode: Int16 { attributes & 0x07 }
    /// Log-append time (bit 3) means the broker's clock, not the producer's, stamps the records.
    public var usesLogAppendTime: Bool { attributes & 0x08 != 0 }
    public var isTransactional: Bool { attributes & 0x10 != 0 }
    public var isControl: Bool { attributes & 0x20 != 0 }

    /// The batch as wire bytes, compressing the records with `compression` and recording it in attributes.
    public func encoded(compression: CompressionCodec = .none) throws -> [UInt8] {
        var recordBytes = ByteWriter(capacity: records.count * 64)
        for record in records { record.encode(into: &recordBytes) }
        let payload = try compression.compress(recordBytes.bytes)
        var writer = ByteWriter(capacity: payload.count + Self.headerSize + 12)
        writer.int64(baseOffset)
        writer.int32(Int32(clamping: Self.headerSize + payload.count))
        writer.int32(partitionLeaderEpoch)
        writer.int8(2)
        let crcOffset = writer.count
        writer.uint32(0)
        writer.int16((attributes & ~0x07) | compression.rawValue)
        writer.int32(lastOffsetDelta)
        writer.int64(baseTimestamp)
        writer.int64(maxTimestamp)
        writer.int64(producerID)
        writer.int16(producerEpoch)
        writer.int32(baseSequence)
        writer.int32(Int32(clamping: records.count))
        writer.raw(payload)
        let crc = CRC32C.checksum(writer.bytes[(crcOffset + 4)...])
        writer.patchInt32(Int32(bitPattern: crc), at: crcOffset)
        return writer.bytes
    }

    /// Every batch in a produce request's records field. `decompressedLimit` caps what one
    /// compressed batch may expand to.
    public static func decodeAll(_ bytes: [UInt8], decompressedLimit: Int = 100 * 1024 * 1024) throws -> [RecordBatch] {
        var reader = ByteReader(bytes)
        var batches: [RecordBatch] = []
        while !reader.isAtEnd {
            batches.append(try decode(from: &reader, decompressedLimit: decompressedLimit))
        }
        return batches
    }

    public static func decode(from reader: inout ByteReader, decompressedLimit: Int = 100 * 1024 * 1024) throws -> RecordBatch {
        let baseOffset = try reader.int64()
        let length = try reader.int32()
        guard length >= Int32(headerSize) else { throw KafkaCodecError.malformed("batch length \(length)") }
        var body = try reader.subReader(Int(length))
        let leaderEpoch = try body.int32()
        let magic = try body.int8()
        guard magic == 2 else { throw KafkaCodecError.unsupportedMagic(magic) }
        let expected = try body.uint32()
        let covered = try body.raw(body.remaining)
        let actual = CRC32C.checksum(covered)
        guard expected == actual else { throw KafkaCodecError.crcMismatch(expected: expected, actual: actual) }
        var fields = ByteReader(covered)
        let attributes = try fields.int16()
        let lastOffsetDelta = try fields.int32()
        let baseTimestamp = try fields.int64()
        let maxTimestamp = try fields.int64()
        let producerID = try fields.int64()
        let producerEpoch = try fields.int16()
        let baseSequence = try fields.int32()
        let count = try fields.int32()
        guard count >= 0 else { throw KafkaCodecError.negativeLength(Int64(count)) }
        guard let codec = CompressionCodec(rawValue: attributes & 0x07) else {
            throw KafkaCodecError.unsupportedCompression(Int(attributes & 0x07))
        }
        let payload = try codec.decompress(fields.raw(fields.remaining), limit: decompressedLimit)
        guard Int(count) <= payload.count else { throw KafkaCodecError.malformed("record count \(count) exceeds payload") }
        var recordReader = ByteReader(payload)
        var records: [KafkaRecord] = []
        records.reserveCapacity(Int(count))
        for _ in 0..<count { records.append(try KafkaRecord.decode(from: &recordReader)) }
        guard recordReader.isAtEnd else { throw KafkaCodecError.malformed("batch has \(recordReader.remaining) trailing bytes") }
        return RecordBatch(
            baseOffset: baseOffset, partitionLeaderEpoch: leaderEpoch, attributes: attributes, lastOffsetDelta: lastOffsetDelta,
            baseTimestamp: baseTimestamp, maxTimestamp: maxTimestamp, producerID: producerID, producerEpoch: producerEpoch,
            baseSequence: baseSequence, records: records)
    }
}
