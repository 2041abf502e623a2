// A record key the JSON reader expects to meet again, held so one comparison recognises it.

/// Up to 16 bytes of a key loaded into two words with masks for its length, so the reader checks
/// a key of the next record against the key seen at the same position with two word compares
/// instead of a byte loop. Keys longer than 16 bytes, or holding a quote or backslash (whose raw
/// bytes differ from their text), are not patterns: `count` is -1 and the reader parses them.
struct JSONKeyPattern {
    var words: (UInt64, UInt64) = (0, 0)
    var masks: (UInt64, UInt64) = (0, 0)
    var count = -1

    init(_ key: some Collection<UInt8>) {
        guard key.count <= 16, !key.contains(UInt8(ascii: "\"")), !key.contains(UInt8(ascii: "\\")) else { return }
        var padded = [UInt8](repeating: 0, count: 16)
        var mask = [UInt8](repeating: 0, count: 16)
        for (offset, byte) in key.enumerated() {
            padded[offset] = byte
            mask[offset] = 0xFF
        }
        padded.withUnsafeBytes { words = ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        mask.withUnsafeBytes { masks = ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        count = key.count
    }
}
