// Round trips of Kafka's primitive types and the guarantees of the bounds-checked reader.
import Testing
@testable import BrookKafka

@Suite struct PrimitiveCodecTests {
    @Test func crc32cMatchesKnownVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        let split = CRC32C.update(CRC32C.checksum(Array("12345".utf8)), Array("6789".utf8))
        #expect(split == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map(UInt8.init)) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map(UInt8.init)) == 0x113F_DB5C)
    }

    @Test func crc32cAgreesWithTheBitwiseDefinitionAtEveryLengthAndAlignment() {
        func bitwise(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            }
            return ~crc
        }
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<80).map { _ in UInt8.random(in: 0...255, using: &random) }
        for start in 0..<9 {
            for end in start...bytes.count {
                let expected = bitwise(Array(bytes[start..<end]))
                #expect(CRC32C.checksum(bytes[start..<end]) == expected)
                #expect(CRC32C.checksum(bytes[start..<end].lazy.map { $0 }) == expected, "a collection without contiguous storage")
            }
        }
    }

    @Test func varintsRoundTripThroughZigzag() throws {
        let ints: [Int32] = [0, 1, -1, 63, -64, 64, 300, -300, .max, .min]
        let longs: [Int64] = [0, -1, 1, 1_717_581_780_000, .max, .min]
        var writer = ByteWriter()
        for value in ints { writer.varint(value) }
        for value in longs { writer.varlong(value) }
        writer.unsignedVarint(UInt64.max)
        var reader = ByteReader(writer.bytes)
        for value in ints { #expect(try reader.varint() == value) }
        for value in longs { #expect(try reader.varlong() == value) }
        #expect(try reader.unsignedVarint() == UInt64.max)
        #expect(reader.isAtEnd)
    }

    @Test func zigzagUsesKafkasByteLayout() {
        var writer = ByteWriter()
        writer.varint(-1)
        writer.varint(1)
        writer.varint(150)
        #expect(writer.bytes == [0x01, 0x02, 0xAC, 0x02])
    }

    @Test func stringsBytesAndArraysRoundTripInBothEncodings() throws {
        for flexible in [false, true] {
            var writer = ByteWriter()
            writer.string("héllo", flexible: flexible)
            writer.nullableString(nil, flexible: flexible)
            writer.nullableBytes([1, 2, 3], flexible: flexible)
            writer.nullableBytes(nil, flexible: flexible)
            writer.array([7, 8, 9] as [Int32], flexible: flexible) { $0.int32($1) }
            writer.emptyTaggedFields()
            var reader = ByteReader(writer.bytes)
            #expect(try reader.string(flexible: flexible) == "héllo")
            #expect(try reader.nullableString(flexible: flexible) == nil)
            #expect(try reader.nullableBytes(flexible: flexible) == [1, 2, 3])
            #expect(try reader.nullableBytes(flexible: flexible) == nil)
            #expect(try reader.array(flexible: flexible) { try $0.int32() } == [7, 8, 9])
            try reader.skipTaggedFields()
            #expect(reader.isAtEnd)
        }
    }

    @Test func truncatedAndHostileInputThrowsInsteadOfTrapping() {
        var short = ByteReader([0x00, 0x01])
        #expect(throws: KafkaCodecError.truncated(needed: 4, available: 2)) { try short.int32() }
        var longString = ByteReader([0x00, 0x10, 0x41])
        #expect(throws: KafkaCodecError.self) { try longString.string() }
        var hugeArray = ByteReader([0x7F, 0xFF, 0xFF, 0xFF])
        #expect(throws: KafkaCodecError.self) { try hugeArray.array(flexible: false) { try $0.int8() } }
        var endlessVarint = ByteReader([UInt8](repeating: 0xFF, count: 12))
        #expect(throws: KafkaCodecError.varintTooLong) { try endlessVarint.unsignedVarint() }
        var badUTF8 = ByteReader([0x00, 0x02, 0xC3, 0x28])
        #expect(throws: KafkaCodecError.invalidUTF8) { try badUTF8.string() }
        var tagged = ByteReader([0x01, 0x00, 0x7F])
        #expect(throws: KafkaCodecError.self) { try tagged.skipTaggedFields() }
    }
}
