// The compression codes a RecordBatch's attributes carry, each backed by its system library.

/// Kafka's batch compression codes. Produced batches are decompressed before storing, and fetch
/// responses can be compressed with any of them.
public enum CompressionCodec: Int16, Sendable, CaseIterable {
    case none = 0
    case gzip = 1
    case snappy = 2
    case lz4 = 3
    case zstd = 4

    func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        switch self {
        case .none: return bytes
        case .gzip: return try Gzip.compress(bytes)
        case .snappy: return try Snappy.compress(bytes)
        case .lz4: return try LZ4.compress(bytes)
        case .zstd: return try Zstd.compress(bytes)
        }
    }

    /// The decompressed bytes, refusing to produce more than `limit`.
    func decompress(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        switch self {
        case .none: return bytes
        case .gzip: return try Gzip.decompress(bytes, limit: limit)
        case .snappy: return try Snappy.decompress(bytes, limit: limit)
        case .lz4: return try LZ4.decompress(bytes, limit: limit)
        case .zstd: return try Zstd.decompress(bytes, limit: limit)
        }
    }
}
