// A bounds-checked cursor over untrusted bytes, with Kafka's primitive types.

/// Reads Kafka primitives from a frame; every read checks bounds and throws `KafkaCodecError`
/// so malformed input can never crash the broker.
public struct ByteReader {
    private let buffer: [UInt8]
    public private(set) var position: Int
    private let end: Int

    public init(_ bytes: [UInt8]) {
        self.buffer = bytes
        self.position = 0
        self.end = bytes.count
    }

    public var remaining: Int { end - position }
    public var isAtEnd: Bool { position >= end }

    private mutating func advance(_ count: Int) throws -> Range<Int> {
        guard count >= 0 else { throw KafkaCodecError.negativeLength(Int64(count)) }
        guard count <= end - position else { throw KafkaCodecError.truncated(needed: count, available: end - position) }
        defer { position += count }
        return position..<(position + count)
    }

    private mutating func bigEndian<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let range = try advance(MemoryLayout<T>.size)
        var value: T = 0
        for index in range { value = value << 8 | T(truncatingIfNeeded: buffer[index]) }
        return value
    }

    public mutating func int8() throws -> Int8 { Int8(bitPattern: buffer[try advance(1)].first ?? 0) }
    public mutating func bool() throws -> Bool { try int8() != 0 }
    public mutating func int16() throws -> Int16 { try bigEndian(Int16.self) }
    public mutating func int32() throws -> Int32 { try bigEndian(Int32.self) }
    public mutating func int64() throws -> Int64 { try bigEndian(Int64.self) }
    public mutating func uint32() throws -> UInt32 { try bigEndian(UInt32.self) }

    public mutating func raw(_ count: Int) throws -> [UInt8] { Array(buffer[try advance(count)]) }

    /// A slice reader over the next `count` bytes, which are consumed from this one.
    public mutating func subReader(_ count: Int) throws -> ByteReader { ByteReader(try raw(count)) }

    public mutating func skip(_ count: Int) throws { _ = try advance(count) }

    public mutating func unsignedVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = UInt8(bitPattern: try int8())
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw KafkaCodecError.varintTooLong }
        }
    }

    /// A zigzag-encoded signed varint limited to 32 bits, as record fields use.
    public mutating func varint() throws -> Int32 {
        let raw = try unsignedVarint()
        guard raw <= UInt64(UInt32.max) else { throw KafkaCodecError.varintTooLong }
        let value = UInt32(raw)
        return Int32(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    public mutating func varlong() throws -> Int64 {
        let value = try unsignedVarint()
        return Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    private mutating func utf8(_ count: Int) throws -> String {
        let range = try advance(count)
        guard let text = String(validating: buffer[range], as: UTF8.self) else { throw KafkaCodecError.invalidUTF8 }
        return text
    }

    public mutating func string() throws -> String {
        guard let text = try nullableString() else { throw KafkaCodecError.negativeLength(-1) }
        return text
    }

    public mutating func nullableString() throws -> String? {
        let length = try int16()
        if length < 0 { return nil }
        return try utf8(Int(length))
    }

    /// A compact string: unsigned varint length + 1, zero meaning null.
    public mutating func compactNullableString() throws -> String? {
        guard let length = try compactLength() else { return nil }
        return try utf8(length)
    }

    public mutating func compactString() throws -> String {
        guard let text = try compactNullableString() else { throw KafkaCodecError.negativeLength(-1) }
        return text
    }

    /// The string in the encoding `flexible` selects; flexible versions use compact strings.
    public mutating func string(flexible: Bool) throws -> String {
        flexible ? try compactString() : try string()
    }

    public mutating func nullableString(flexible: Bool) throws -> String? {
        flexible ? try compactNullableString() : try nullableString()
    }

    public mutating func nullableBytes() throws -> [UInt8]? {
        let length = try int32()
        if length < 0 { return nil }
        return try raw(Int(length))
    }

    public mutating func bytes() throws -> [UInt8] { try nullableBytes() ?? [] }

    public mutating func compactNullableBytes() throws -> [UInt8]? {
        guard let length = try compactLength() else { return nil }
        return try raw(length)
    }

    public mutating func bytes(flexible: Bool) throws -> [UInt8] {
        flexible ? (try compactNullableBytes() ?? []) : try bytes()
    }

    public mutating func nullableBytes(flexible: Bool) throws -> [UInt8]? {
        flexible ? try compactNullableBytes() : try nullableBytes()
    }

    /// The element count of an array, nil for a null array; bounded by the bytes left so a hostile
    /// count cannot make the caller reserve huge storage.
    public mutating func arrayCount(flexible: Bool) throws -> Int? {
        let count: Int?
        if flexible {
            count = try compactLength()
        } else {
            let raw = try int32()
            count = raw < 0 ? nil : Int(raw)
        }
        if let count, count > remaining { throw KafkaCodecError.truncated(needed: count, available: remaining) }
        return count
    }

    public mutating func array<T>(flexible: Bool, _ element: (inout ByteReader) throws -> T) throws -> [T] {
        try nullableArray(flexible: flexible, element) ?? []
    }

    public mutating func nullableArray<T>(flexible: Bool, _ element: (inout ByteReader) throws -> T) throws -> [T]? {
        guard let count = try arrayCount(flexible: flexible) else { return nil }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&self)) }
        return items
    }

    /// Skips a tagged-field section when `flexible`; older versions have none.
    public mutating func taggedFields(flexible: Bool) throws {
        if flexible { try skipTaggedFields() }
    }

    /// Skips a tagged-field section; Brook reads no tagged request fields, so all are ignored.
    public mutating func skipTaggedFields() throws {
        let count = try unsignedVarint()
        guard count <= UInt64(remaining) else { throw KafkaCodecError.truncated(needed: Int(clamping: count), available: remaining) }
        for _ in 0..<count {
            _ = try unsignedVarint()
            let size = try unsignedVarint()
            guard size <= UInt64(remaining) else { throw KafkaCodecError.truncated(needed: Int(clamping: size), available: remaining) }
            try skip(Int(size))
        }
    }

    private mutating func compactLength() throws -> Int? {
        let raw = try unsignedVarint()
        if raw == 0 { return nil }
        guard raw - 1 <= UInt64(remaining) else { throw KafkaCodecError.truncated(needed: Int(clamping: raw - 1), available: remaining) }
        return Int(raw - 1)
    }
}
