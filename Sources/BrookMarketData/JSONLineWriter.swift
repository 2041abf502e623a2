// JSONLineWriter: a growing byte buffer with hand-written JSON number and string formatting.

/// Formats records straight into bytes because String interpolation, `String(format:)` and
/// JSONEncoder each cost more per record than the whole bar takes to generate.
struct JSONLineWriter {
    static let flushThreshold = 1 << 20

    private(set) var bytes: [UInt8] = []

    /// The default leaves room for one record past the flush threshold so a flush never regrows the buffer.
    init(capacity: Int = flushThreshold + 64 * 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func appendInteger(_ value: Int64) {
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        repeat {
            bytes.append(48 &+ UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var low = start
        var high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// A whole number written as a float (`1234.0`), as the seed's Python producer writes volumes.
    mutating func appendWholeFloat(_ value: Int64) {
        appendInteger(value)
        append(".0")
    }

    /// A price held in cents, written as Python writes the float: `194.0`, `194.7`, `194.72`.
    mutating func appendCents(_ cents: Int64) {
        appendInteger(cents / 100)
        let fraction = UInt8(truncatingIfNeeded: cents % 100)
        bytes.append(UInt8(ascii: "."))
        bytes.append(48 &+ fraction / 10)
        if fraction % 10 != 0 { bytes.append(48 &+ fraction % 10) }
    }

    /// `value` rounded half away from zero to 4 decimals, in its shortest form without exponent
    /// (`0.296`, `-0.5481`, `0.0`); callers ensure the value is finite.
    mutating func appendFourDecimals(_ value: Double) {
        let scaled = Int64((value * 10_000).rounded())
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int64(scaled.magnitude)
        appendInteger(magnitude / 10_000)
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % 10_000
        guard fraction != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var divisor: Int64 = 1_000
        while fraction != 0 {
            bytes.append(48 &+ UInt8(truncatingIfNeeded: fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// String contents with JSON escapes; non-ASCII stays as UTF-8, which JSON allows.
    mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            default:
                bytes.append(byte)
            }
        }
    }

    /// A URL slug in Benzinga's style: lowercase words joined by hyphens, apostrophes dropped.
    mutating func appendSlug(of text: String) {
        var pendingHyphen = false
        var wroteAny = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen && wroteAny { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                wroteAny = true
                bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            case UInt8(ascii: "'"):
                continue
            default:
                pendingHyphen = true
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of the UTC second containing `milliseconds`.
    mutating func appendISO8601Second(_ milliseconds: Int64) {
        let seconds = Int(milliseconds / 1000)
        let date = TradingCalendar.civilDate(dayNumber: seconds / 86_400)
        let secondOfDay = seconds % 86_400
        appendInteger(Int64(date.year))
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(date.month)
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(date.day)
        bytes.append(UInt8(ascii: "T"))
        appendTwoDigits(secondOfDay / 3600)
        bytes.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay / 60 % 60)
        bytes.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay % 60)
        bytes.append(UInt8(ascii: "Z"))
    }

    mutating func appendTwoDigits(_ value: Int) {
        bytes.append(48 &+ UInt8(truncatingIfNeeded: value / 10))
        bytes.append(48 &+ UInt8(truncatingIfNeeded: value % 10))
    }

    /// Ends the record and hands the buffer to `file` once it holds a chunk's worth.
    mutating func endLine(flushingTo file: OutputFile) throws(MarketDataError) {
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= Self.flushThreshold {
            try flush(to: file)
        }
    }

    /// Empties the buffer for reuse as scratch space, keeping its storage.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func flush(to file: OutputFile) throws(MarketDataError) {
        guard !bytes.isEmpty else { return }
        try file.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : 87 + nibble
    }
}
