// Why bytes from the wire could not be decoded.

/// A decoding failure on untrusted input: the broker answers with an error code or closes the
/// connection, never traps.
public enum KafkaCodecError: Error, Equatable, Sendable {
    case truncated(needed: Int, available: Int)
    case negativeLength(Int64)
    case varintTooLong
    case invalidUTF8
    case frameTooLarge(size: Int, limit: Int)
    case unsupportedMagic(Int8)
    case crcMismatch(expected: UInt32, actual: UInt32)
    case unsupportedCompression(Int)
    case compressionFailed(String)
    case malformed(String)
}
