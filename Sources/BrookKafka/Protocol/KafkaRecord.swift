// One record inside a RecordBatch v2: deltas against the batch plus key, value and headers.
import BrookStorage

/// A record as the v2 batch format carries it: its offset and timestamp are deltas from the
/// batch's base values, and every length is a zigzag varint with -1 meaning null.
public struct KafkaRecord: Sendable, Equatable {
    public var timestampDelta: Int64
    public var offsetDelta: Int32
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [RecordHeader]

    public init(timestampDelta: Int64, offsetDelta: Int32, key: [UInt8]?, value: [UInt8]?, headers: [RecordHeader] = []) {
        self.timestampDelta = timestampDelta
        self.offsetDelta = offsetDelta
        self.key = key
        self.value = value
        self.headers = headers
    }

    func encode(into writer: inout ByteWriter) {
        var body = ByteWriter()
        body.int8(0)
        body.varlong(timestampDelta)
        body.varint(offsetDelta)
        Self.writeVarintBytes(key, into: &body)
        Self.writeVarintBytes(value, into: &body)
        body.varint(Int32(clamping: headers.count))
        for header in headers {
            Self.writeVarintBytes(Array(header.key.utf8), into: &body)
            Self.writeVarintBytes(header.value, into: &body)
        }
        writer.varint(Int32(clamping: body.count))
        writer.raw(body.bytes)
    }

    static func decode(from reader: inout ByteReader) throws -> KafkaRecord {
        let length = try reader.varint()
        var body = try reader.subReader(Int(length))
        _ = try body.int8()
        let timestampDelta = try body.varlong()
        let offsetDelta = try body.varint()
        let key = try readVarintBytes(&body)
        let value = try readVarintBytes(&body)
        let headerCount = try body.varint()
        guard headerCount >= 0, Int(headerCount) <= body.remaining else {
            throw KafkaCodecError.malformed("record header count \(headerCount)")
        }
        var headers: [RecordHeader] = []
        for _ in 0..<headerCount {
            guard let keyBytes = try readVarintBytes(&body), let headerKey = String(validating: keyBytes, as: UTF8.self) else {
                throw KafkaCodecError.malformed("record header key")
            }
            headers.append(RecordHeader(key: headerKey, value: try readVarintBytes(&body)))
        }
        guard body.isAtEnd else { throw KafkaCodecError.malformed("record has \(body.remaining) trailing bytes") }
        return KafkaRecord(timestampDelta: timestampDelta, offsetDelta: offsetDelta, key: key, value: value, headers: headers)
    }

    private static func writeVarintBytes(_ bytes: [UInt8]?, into writer: inout ByteWriter) {
        guard let bytes else {
            writer.varint(-1)
            return
        }
        writer.varint(Int32(clamping: bytes.count))
        writer.raw(bytes)
    }

    private static func readVarintBytes(_ reader: inout ByteReader) throws -> [UInt8]? {
        let length = try reader.varint()
        if length < 0 { return nil }
        return try reader.raw(Int(length))
    }
}
