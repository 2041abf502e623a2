// An append-only buffer for Kafka's primitive types, big-endian as the protocol wants.

/// Builds frames and record batches; every writer has a matching `ByteReader` read.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var count: Int { bytes.count }

    private mutating func bigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }

    public mutating func int8(_ value: Int8) { bytes.append(UInt8(bitPattern: value)) }
    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    public mutating func int16(_ value: Int16) { bigEndian(value) }
    public mutating func int32(_ value: Int32) { bigEndian(value) }
    public mutating func int64(_ value: Int64) { bigEndian(value) }
    public mutating func uint32(_ value: UInt32) { bigEndian(value) }
    public mutating func raw<C: Collection>(_ value: C) where C.Element == UInt8 { bytes.append(contentsOf: value) }

    /// Overwrites four bytes at `offset`, for lengths and CRCs known only after the body is written.
    public mutating func patchInt32(_ value: Int32, at offset: Int) {
        let bits = UInt32(bitPattern: value)
        bytes[offset] = UInt8(bits >> 24)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: bits >> 16)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: bits >> 8)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: bits)
    }

    public mutating func unsignedVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func varint(_ value: Int32) {
        unsignedVarint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    public mutating func varlong(_ value: Int64) {
        unsignedVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func string(_ value: String, flexible: Bool = false) {
        nullableString(value, flexible: flexible)
    }

    public mutating func nullableString(_ value: String?, flexible: Bool = false) {
        guard let value else {
            if flexible { unsignedVarint(0) } else { int16(-1) }
            return
        }
        let utf8 = Array(value.utf8)
        if flexible { unsignedVarint(UInt64(utf8.count) + 1) } else { int16(Int16(clamping: utf8.count)) }
        raw(utf8)
    }

    public mutating func bytes(_ value: [UInt8], flexible: Bool = false) {
        nullableBytes(value, flexible: flexible)
    }

    public mutating func nullableBytes(_ value: [UInt8]?, flexible: Bool = false) {
        guard let value else {
            if flexible { unsignedVarint(0) } else { int32(-1) }
            return
        }
        if flexible { unsignedVarint(UInt64(value.count) + 1) } else { int32(Int32(clamping: value.count)) }
        raw(value)
    }

    public mutating func arrayCount(_ count: Int?, flexible: Bool = false) {
        if flexible {
            unsignedVarint(count.map { UInt64($0) + 1 } ?? 0)
        } else {
            int32(count.map { Int32(clamping: $0) } ?? -1)
        }
    }

    public mutating func array<T>(_ items: [T], flexible: Bool = false, _ element: (inout ByteWriter, T) -> Void) {
        arrayCount(items.count, flexible: flexible)
        for item in items { element(&self, item) }
    }

    /// An empty tagged-field section: Brook sends no optional tagged fields.
    public mutating func emptyTaggedFields() { unsignedVarint(0) }

    /// An empty tagged-field section when `flexible`; older versions have none.
    public mutating func taggedFields(flexible: Bool) {
        if flexible { emptyTaggedFields() }
    }
}
