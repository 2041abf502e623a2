// RecordBatch v2 and gzip: round trips, checksums and refusals.
import BrookStorage
import Testing
@testable import BrookKafka

@Suite struct RecordBatchTests {
    static let sample = RecordBatch(
        baseOffset: 42, baseTimestamp: 1_717_581_780_000, producerID: 1000, producerEpoch: 0, baseSequence: 7,
        records: [
            KafkaRecord(timestampDelta: 0, offsetDelta: 0, key: Array("AAPL".utf8),
                        value: Array(#"{"symbol":"AAPL","open":194.7,"close":194.72}"#.utf8),
                        headers: [RecordHeader(key: "source", value: Array("sim".utf8)), RecordHeader(key: "nil", value: nil)]),
            KafkaRecord(timestampDelta: 5, offsetDelta: 1, key: nil, value: nil),
            KafkaRecord(timestampDelta: -3, offsetDelta: 2, key: [], value: []),
        ])

    @Test(arguments: CompressionCodec.allCases)
    func batchRoundTripsWithCompression(_ codec: CompressionCodec) throws {
        let bytes = try Self.sample.encoded(compression: codec)
        let decoded = try RecordBatch.decodeAll(bytes)
        #expect(decoded.count == 1)
        var expected = Self.sample
        expected.attributes = codec.rawValue
        #expect(decoded[0] == expected)
        #expect(decoded[0].lastOffsetDelta == 2)
        #expect(decoded[0].maxTimestamp == 1_717_581_780_005)
    }

    @Test func severalBatchesInOneRecordsFieldAllDecode() throws {
        var second = Self.sample
        second.baseOffset = 45
        let bytes = try Self.sample.encoded() + second.encoded(compression: .gzip)
        #expect(try RecordBatch.decodeAll(bytes).map(\.baseOffset) == [42, 45])
    }

    @Test func flippedPayloadByteFailsTheChecksum() throws {
        var bytes = try Self.sample.encoded()
        bytes[bytes.count - 3] ^= 0xFF
        #expect {
            try RecordBatch.decodeAll(bytes)
        } throws: { error in
            if case KafkaCodecError.crcMismatch = error { return true }
            return false
        }
    }

    @Test func unsupportedCodecsAreReportedNotGuessed() throws {
        var bytes = try Self.sample.encoded()
        bytes[21] = 0
        bytes[22] = 5
        let crc = CRC32C.checksum(bytes[21...])
        bytes[17] = UInt8(crc >> 24)
        bytes[18] = UInt8(truncatingIfNeeded: crc >> 16)
        bytes[19] = UInt8(truncatingIfNeeded: crc >> 8)
        bytes[20] = UInt8(truncatingIfNeeded: crc)
        #expect(throws: KafkaCodecError.unsupportedCompression(5)) { try RecordBatch.decodeAll(bytes) }
        #expect(KafkaErrorCode(KafkaCodecError.unsupportedCompression(5)) == .unsupportedCompressionType)
    }

    @Test func everyTruncationOfABatchThrows() throws {
        let bytes = try Self.sample.encoded(compression: .gzip)
        for length in 1..<bytes.count {
            #expect(throws: KafkaCodecError.self) { try RecordBatch.decodeAll(Array(bytes[0..<length])) }
        }
    }

    @Test(arguments: [CompressionCodec.gzip, .snappy, .lz4, .zstd])
    func codecsRoundTripAndCapExpansion(_ codec: CompressionCodec) throws {
        let input = [UInt8](repeating: 0x61, count: 200_000) + Array("tail".utf8)
        let compressed = try codec.compress(input)
        #expect(compressed.count < 20_000)
        #expect(try codec.decompress(compressed, limit: 1 << 20) == input)
        #expect(throws: KafkaCodecError.self) { try codec.decompress(compressed, limit: 1_000) }
        #expect(throws: KafkaCodecError.self) { try codec.decompress(Array(compressed.prefix(compressed.count / 2)), limit: 1 << 20) }
        #expect(throws: KafkaCodecError.self) { try codec.decompress([0x00, 0x01, 0x02, 0x03, 0xFF, 0xFF, 0xFF, 0xFF], limit: 1 << 20) }
        #expect(try codec.decompress(codec.compress([]), limit: 10) == [])
    }

    @Test func gzipUsesTheGzipContainer() throws {
        #expect(Array(try Gzip.compress(Array("x".utf8)).prefix(2)) == [0x1F, 0x8B])
    }

    @Test func snappyReadsRawBlocksAsWellAsXerialFraming() throws {
        let input = Array(String(repeating: "AAPL,194.72;", count: 100).utf8)
        let framed = try Snappy.compress(input)
        #expect(framed.starts(with: Snappy.xerialMagic))
        let rawBlock = Array(framed.dropFirst(Snappy.xerialMagic.count + 12))
        #expect(try Snappy.decompress(rawBlock, limit: 1 << 20) == input)
    }

    @Test func wireLayoutMatchesTheSpec() throws {
        let bytes = try RecordBatch(baseOffset: 0, baseTimestamp: 0, records: []).encoded()
        var reader = ByteReader(bytes)
        #expect(try reader.int64() == 0)
        #expect(try reader.int32() == Int32(bytes.count - 12))
        #expect(try reader.int32() == -1)
        #expect(try reader.int8() == 2)
        #expect(bytes.count == 61)
    }

    @Test func mutatedRecordsWithValidChecksumsNeverCrashTheDecoder() throws {
        let original = try Self.sample.encoded()
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 61..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            let crc = CRC32C.checksum(bytes[21...])
            bytes.replaceSubrange(17..<21, with: [UInt8(crc >> 24), UInt8(truncatingIfNeeded: crc >> 16),
                                                   UInt8(truncatingIfNeeded: crc >> 8), UInt8(truncatingIfNeeded: crc)])
            _ = try? RecordBatch.decodeAll(bytes)
        }
    }
}
