// LZ4 through the system liblz4, in the LZ4 frame format Kafka's magic-2 batches use.
import CLZ4

/// One-shot LZ4 frames; decompression is capped so a hostile batch cannot expand without bound.
enum LZ4 {
    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: LZ4F_compressFrameBound(input.count, nil))
        let size = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                LZ4F_compressFrame(target.baseAddress, target.count, source.baseAddress, source.count, nil)
            }
        }
        guard LZ4F_isError(size) == 0 else { throw KafkaCodecError.compressionFailed("lz4: \(errorName(size))") }
        return Array(output[0..<size])
    }

    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        var context: OpaquePointer?
        let created = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
        guard LZ4F_isError(created) == 0, let context else { throw KafkaCodecError.compressionFailed("lz4: no context") }
        defer { LZ4F_freeDecompressionContext(context) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        try input.withUnsafeBytes { source in
            var offset = 0
            var hint = 1
            while hint != 0 {
                var consumed = source.count - offset
                var produced = chunk.count
                hint = chunk.withUnsafeMutableBytes { target in
                    LZ4F_decompress(context, target.baseAddress, &produced, source.baseAddress.map { $0 + offset }, &consumed, nil)
                }
                guard LZ4F_isError(hint) == 0 else { throw KafkaCodecError.compressionFailed("lz4: \(errorName(hint))") }
                offset += consumed
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= limit else { throw KafkaCodecError.compressionFailed("inflated past \(limit) bytes") }
                if hint != 0, offset >= source.count, produced == 0 {
                    throw KafkaCodecError.compressionFailed("truncated lz4 frame")
                }
            }
        }
        return output
    }

    private static func errorName(_ code: Int) -> String {
        LZ4F_getErrorName(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
