// Snappy through the system libsnappy, reading both raw blocks and the xerial framing Java clients use.
import CSnappy

/// Snappy for Kafka: Java producers wrap blocks in xerial's framing (magic, versions, then
/// length-prefixed blocks), librdkafka may send one raw block; both decode. Output uses the
/// xerial framing so Java consumers can read it too.
enum Snappy {
    static let xerialMagic: [UInt8] = [0x82, 0x53, 0x4E, 0x41, 0x50, 0x50, 0x59, 0x00]

    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var writer = ByteWriter(capacity: input.count / 2 + 32)
        writer.raw(xerialMagic)
        writer.int32(1)
        writer.int32(1)
        let block = try compressBlock(input)
        writer.int32(Int32(clamping: block.count))
        writer.raw(block)
        return writer.bytes
    }

    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard input.starts(with: xerialMagic) else { return try decompressBlock(input, limit: limit) }
        var reader = ByteReader(input)
        try reader.skip(xerialMagic.count + 8)
        var output: [UInt8] = []
        while !reader.isAtEnd {
            let length = try reader.int32()
            let block = try reader.raw(Int(length))
            output += try decompressBlock(block, limit: limit - output.count)
        }
        return output
    }

    private static func compressBlock(_ input: [UInt8]) throws -> [UInt8] {
        var length = snappy_max_compressed_length(input.count)
        var output = [UInt8](repeating: 0, count: length)
        let status = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                snappy_compress(source.baseAddress?.assumingMemoryBound(to: CChar.self), source.count,
                                target.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            }
        }
        guard status == SNAPPY_OK else { throw KafkaCodecError.compressionFailed("snappy compress \(status)") }
        return Array(output[0..<length])
    }

    private static func decompressBlock(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        var length = 0
        let sized = input.withUnsafeBytes { source in
            snappy_uncompressed_length(source.baseAddress?.assumingMemoryBound(to: CChar.self), source.count, &length)
        }
        guard sized == SNAPPY_OK else { throw KafkaCodecError.compressionFailed("snappy: bad block header") }
        guard length <= limit else { throw KafkaCodecError.compressionFailed("inflated past \(limit) bytes") }
        var output = [UInt8](repeating: 0, count: max(length, 1))
        let status = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                snappy_uncompress(source.baseAddress?.assumingMemoryBound(to: CChar.self), source.count,
                                  target.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            }
        }
        guard status == SNAPPY_OK else { throw KafkaCodecError.compressionFailed("snappy uncompress \(status)") }
        return Array(output[0..<length])
    }
}
