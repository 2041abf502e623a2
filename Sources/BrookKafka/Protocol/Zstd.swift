// zstd through the system libzstd, for batches producers send with compression.type=zstd.
import CZstd

/// One-shot zstd; decompression streams so frames without a content size work, and is capped.
enum Zstd {
    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
        let size = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 3)
            }
        }
        guard ZSTD_isError(size) == 0 else { throw KafkaCodecError.compressionFailed("zstd: \(errorName(size))") }
        return Array(output[0..<size])
    }

    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard let stream = ZSTD_createDStream() else { throw KafkaCodecError.compressionFailed("zstd: no stream") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        try input.withUnsafeBytes { source in
            var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            var finished = false
            while !finished {
                let (status, produced) = chunk.withUnsafeMutableBytes { target in
                    var outBuffer = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let status = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                    return (status, outBuffer.pos)
                }
                guard ZSTD_isError(status) == 0 else { throw KafkaCodecError.compressionFailed("zstd: \(errorName(status))") }
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= limit else { throw KafkaCodecError.compressionFailed("inflated past \(limit) bytes") }
                if status == 0 && inBuffer.pos == inBuffer.size {
                    finished = true
                } else if inBuffer.pos == inBuffer.size && produced == 0 {
                    throw KafkaCodecError.compressionFailed("truncated zstd stream")
                }
            }
        }
        return output
    }

    private static func errorName(_ code: Int) -> String {
        ZSTD_getErrorName(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
