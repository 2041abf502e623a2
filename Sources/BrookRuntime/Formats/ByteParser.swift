// The byte-level JSON scanner under JSONRecordReader: keys, numbers, strings, skipping values.
import BrookCore
#if canImport(Glibc)
import Glibc
#endif

/// A cursor over one line's bytes with the JSON token readers the record reader needs.
struct ByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    @inline(__always) func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            index += 1
        }
    }

    @inline(__always) mutating func expect(_ byte: UInt8) throws(JSONRecordReader.LineError) {
        guard index < bytes.count, bytes[index] == byte else {
            throw unexpected(byte)
        }
        index += 1
    }

    /// The error for a missing `byte`, kept out of line so `expect` stays small enough to inline.
    @inline(never) func unexpected(_ byte: UInt8) -> JSONRecordReader.LineError {
        let found = index < bytes.count ? "'\(Character(UnicodeScalar(bytes[index])))'" : "end of line"
        return JSONRecordReader.LineError(offset: index, message: "expected '\(Character(UnicodeScalar(byte)))', found \(found)")
    }

    /// A key: the bytes between its quotes, borrowed from the line (escaped keys are decoded
    /// into `decoded`, which then backs the returned buffer).
    mutating func parseKey(decoded: inout [UInt8]) throws(JSONRecordReader.LineError) -> UnsafeRawBufferPointer {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                index = start - 1
                decoded = Array(try parseString().utf8)
                return decoded.withUnsafeBytes { $0 }
            }
            index += 1
        }
        guard index < bytes.count else { throw JSONRecordReader.LineError(offset: start - 1, message: "unterminated string") }
        let key = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        return key
    }

    mutating func parseString() throws(JSONRecordReader.LineError) -> String {
        let open = index
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start, open: open) }
            index += 1
        }
        throw JSONRecordReader.LineError(offset: open, message: "unterminated string")
    }

    private mutating func parseEscapedString(from start: Int, open: Int) throws(JSONRecordReader.LineError) -> String {
        var output = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: output, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            guard index < bytes.count else { break }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                output.append(contentsOf: Array(String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: output.append(escaped)
            }
        }
        throw JSONRecordReader.LineError(offset: open, message: "unterminated string")
    }

    private mutating func hex4() throws(JSONRecordReader.LineError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONRecordReader.LineError(offset: index, message: "bad \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw JSONRecordReader.LineError(offset: index, message: "bad \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    /// The number at the cursor as digits, a decimal exponent and a sign, without converting yet.
    mutating func scanNumber() throws(JSONRecordReader.LineError) -> (negative: Bool, digits: Int128, fractionDigits: Int, exponent: Int, start: Int, end: Int) {
        let start = index
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var small: UInt64 = 0
        var digits: Int128 = 0
        var count = 0
        var fraction = 0
        var seenDigit = false
        var overflowDigits = 0
        // Digits accumulate in 64 bits while they fit (all prices and timestamps), in 128 beyond.
        @inline(__always) func push(_ digit: UInt8, isFraction: Bool) {
            if count < 18 {
                small = small &* 10 &+ UInt64(digit)
                if small != 0 { count += 1 }
                if isFraction { fraction += 1 }
            } else if count < 37 {
                if count == 18 { digits = Int128(small) }
                digits = digits * 10 + Int128(digit)
                count += 1
                if isFraction { fraction += 1 }
            } else if !isFraction {
                overflowDigits += 1
            }
        }
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            push(bytes[index] - 48, isFraction: false)
            seenDigit = true
            index += 1
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                push(bytes[index] - 48, isFraction: true)
                seenDigit = true
                index += 1
            }
        }
        if count <= 18 { digits = Int128(small) }
        guard seenDigit else { throw JSONRecordReader.LineError(offset: start, message: "expected a number") }
        var exponent = overflowDigits
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var seen = false
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                value = min(value * 10 + Int(bytes[index] - 48), 10_000)
                seen = true
                index += 1
            }
            guard seen else { throw JSONRecordReader.LineError(offset: start, message: "malformed number exponent") }
            exponent += exponentNegative ? -value : value
        }
        return (negative, digits, fraction, exponent, start, index)
    }

    static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The double a scanned number denotes, correctly rounded (fast path when exact, else strtod).
    func double(of number: (negative: Bool, digits: Int128, fractionDigits: Int, exponent: Int, start: Int, end: Int)) -> Double {
        let power = number.exponent - number.fractionDigits
        if number.digits < (1 << 53), abs(power) <= 22 {
            let mantissa = Double(Int64(number.digits))
            let value = power >= 0 ? mantissa * ByteParser.exactPowers[power] : mantissa / ByteParser.exactPowers[-power]
            return number.negative ? -value : value
        }
        var text = Array(UnsafeBufferPointer(rebasing: bytes[number.start..<number.end]))
        text.append(0)
        return text.withUnsafeBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { strtod($0, nil) }
        }
    }

    mutating func parseValue(for field: JSONRecordReader.Field, name nameBytes: [UInt8]) throws(JSONRecordReader.LineError) -> Cell {
        guard let first = peek() else { throw JSONRecordReader.LineError(offset: index, message: "expected a value") }
        if first == UInt8(ascii: "n") {
            try literal("null")
            return .null
        }
        var name: String { String(decoding: nameBytes, as: UTF8.self) }
        switch field.kind {
        case .string:
            if first == UInt8(ascii: "\"") { return .string(try parseString()) }
            let start = index
            try skipValue()
            return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        case .boolean:
            if first == UInt8(ascii: "t") { try literal("true"); return .boolean(true) }
            if first == UInt8(ascii: "f") { try literal("false"); return .boolean(false) }
            if first == UInt8(ascii: "\"") {
                let text = try parseString().lowercased()
                if text == "true" || text == "false" { return .boolean(text == "true") }
            }
            throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is BOOLEAN but the value is not true or false")
        case .double:
            if first == UInt8(ascii: "\"") {
                let text = try parseString()
                guard let value = Double(text) else { throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is \(field.type) but got \"\(text)\"") }
                return .double(field.type == .float ? Double(Float(value)) : value)
            }
            let value = double(of: try scanNumber(field: name, type: field.type))
            return .double(field.type == .float ? Double(Float(value)) : value)
        case .decimal:
            let number: (negative: Bool, digits: Int128, fractionDigits: Int, exponent: Int, start: Int, end: Int)
            if first == UInt8(ascii: "\"") {
                let text = try parseString()
                guard let parsed = DecimalValue(parsing: text) else { throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is \(field.type) but got \"\(text)\"") }
                return .decimal(parsed.rescaled(to: field.scale).unscaled)
            }
            number = try scanNumber(field: name, type: field.type)
            let scale = number.fractionDigits - number.exponent
            var unscaled = number.negative ? -number.digits : number.digits
            if scale < 0 {
                // A number beyond 128 bits fits no DECIMAL column: NULL, as Flink's json format gives for one beyond the precision.
                guard -scale <= 38 else { return unscaled == 0 ? .decimal(0) : .null }
                let (product, overflow) = unscaled.multipliedReportingOverflow(by: DecimalValue.powerOfTen(-scale))
                guard !overflow else { return .null }
                unscaled = product
            }
            let value = DecimalValue(unscaled: unscaled, scale: max(scale, 0)).rescaled(to: field.scale)
            return .decimal(value.unscaled)
        case .value:
            if let (keyType, valueType) = field.type.mapShape { return .value(try parseMap(key: keyType, value: valueType, name: nameBytes)) }
            guard first == UInt8(ascii: "\""), let bytes = BinaryText.bytes(fromBase64: try parseString()) else {
                throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is \(field.type) and needs a base64 string")
            }
            return .value(.bytes(bytes))
        case .int64:
            if field.type.isTemporal {
                guard first == UInt8(ascii: "\"") else {
                    if field.type.isTimestamp {
                        let number = try scanNumber(field: name, type: field.type)
                        do {
                            return .int64(try TimestampRange.micros(double(of: number), unitMicros: 1000))
                        } catch {
                            throw outOfRange(name, field.type, number)
                        }
                    }
                    throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is \(field.type) and needs a string")
                }
                let text = try parseString()
                switch field.type {
                case .date:
                    guard let days = TemporalText.parseDate(text) else { throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is DATE but got \"\(text)\"") }
                    return .int64(Int64(days))
                case .time:
                    guard let (micros, _) = TemporalText.parseTime(text) else { throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is TIME but got \"\(text)\"") }
                    return .int64(micros)
                default:
                    guard let (micros, _) = TemporalText.parseTimestamp(text) else {
                        throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is \(field.type) but got \"\(text)\"")
                    }
                    return .int64(micros)
                }
            }
            if first == UInt8(ascii: "\"") {
                let text = try parseString()
                guard let value = Int64(text), Arithmetic.wrap(value, to: field.type) == value else {
                    throw JSONRecordReader.LineError(offset: index, message: "field '\(name)' is \(field.type) but got \"\(text)\"")
                }
                return .int64(value)
            }
            let number = try scanNumber(field: name, type: field.type)
            let value: Int64
            if number.fractionDigits == 0, number.exponent == 0, number.digits <= Int128(Int64.max) {
                value = number.negative ? -Int64(number.digits) : Int64(number.digits)
            } else {
                let approximate = double(of: number)
                guard approximate.rounded(.towardZero) == approximate else {
                    throw JSONRecordReader.LineError(offset: number.start, message: "field '\(name)' is \(field.type) but got a fraction")
                }
                guard let whole = Int64(exactly: approximate) else { throw outOfRange(name, field.type, number) }
                value = whole
            }
            // A number the column's type cannot hold is an error, as Flink's json format parses it, never wrapped.
            guard Arithmetic.wrap(value, to: field.type) == value else { throw outOfRange(name, field.type, number) }
            return .int64(value)
        }
    }

    private func outOfRange(_ name: String, _ type: DataType, _ number: (negative: Bool, digits: Int128, fractionDigits: Int, exponent: Int, start: Int, end: Int)) -> JSONRecordReader.LineError {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[number.start..<number.end]), as: UTF8.self)
        return JSONRecordReader.LineError(offset: number.start, message: "field '\(name)' is \(type) but \(text) is out of its range")
    }

    /// A JSON object read as a MAP: each key converted to the key type, each value parsed as the value type.
    private mutating func parseMap(key keyType: DataType, value valueType: DataType, name: [UInt8]) throws(JSONRecordReader.LineError) -> Value {
        let open = index
        guard peek() == UInt8(ascii: "{") else {
            throw JSONRecordReader.LineError(offset: index, message: "field '\(String(decoding: name, as: UTF8.self))' is \(DataType.map(key: keyType, value: valueType)) and needs an object")
        }
        index += 1
        let valueField = JSONRecordReader.Field(type: valueType, kind: PhysicalType.kind(of: valueType), scale: valueType.decimalShape?.scale ?? 0)
        var entries: [MapEntry] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .map(entries)
        }
        while true {
            skipWhitespace()
            let keyStart = index
            let keyText = try parseString()
            let key: Value
            do {
                key = try Cast.value(.string(keyText), from: .string, to: keyType, isTry: false, context: EvaluationContext())
            } catch {
                throw JSONRecordReader.LineError(offset: keyStart, message: "map key \"\(keyText)\" is not \(keyType)")
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            let value = try parseValue(for: valueField, name: name).value(of: valueType, scale: valueField.scale)
            if let existing = entries.firstIndex(where: { $0.key == key }) {
                entries[existing].value = value
            } else {
                entries.append(MapEntry(key: key, value: value))
            }
            skipWhitespace()
            guard let next = peek() else { throw JSONRecordReader.LineError(offset: open, message: "unterminated object") }
            index += 1
            if next == UInt8(ascii: "}") { return .map(entries) }
            guard next == UInt8(ascii: ",") else { throw JSONRecordReader.LineError(offset: index - 1, message: "expected ',' or '}'") }
        }
    }

    private mutating func scanNumber(field: String, type: DataType) throws(JSONRecordReader.LineError) -> (negative: Bool, digits: Int128, fractionDigits: Int, exponent: Int, start: Int, end: Int) {
        guard let first = peek(), first == UInt8(ascii: "-") || (first >= 48 && first <= 57) else {
            throw JSONRecordReader.LineError(offset: index, message: "field '\(field)' is \(type) but the value is not a number")
        }
        return try scanNumber()
    }

    mutating func literal(_ word: StaticString) throws(JSONRecordReader.LineError) {
        let start = index
        for byte in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard index < bytes.count, bytes[index] == byte else { throw JSONRecordReader.LineError(offset: start, message: "expected \(word)") }
            index += 1
        }
    }

    /// Whether the key at the cursor is `pattern`'s (quotes included); if so the cursor moves past
    /// it. Records of one stream repeat their keys in order, so this usually settles a key with two
    /// word compares, with no search for the closing quote first. It needs 16 bytes after the
    /// opening quote to load from; nearer the end of the line it answers false and the caller parses.
    @inline(__always) mutating func skipKey(matching pattern: JSONKeyPattern) -> Bool {
        let end = index + 1 + pattern.count
        guard pattern.count >= 0, index + 17 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\"") else { return false }
        let raw = UnsafeRawPointer(bytes.baseAddress! + index + 1)
        guard raw.loadUnaligned(as: UInt64.self) & pattern.masks.0 == pattern.words.0,
              raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & pattern.masks.1 == pattern.words.1 else { return false }
        index = end + 1
        return true
    }

    /// Moves past a string without decoding it (the cursor is on its opening quote).
    mutating func skipString() throws(JSONRecordReader.LineError) {
        let open = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "u") {
                index += 1
                _ = try hex4()
            } else {
                index += 1
            }
        }
        throw JSONRecordReader.LineError(offset: open, message: "unterminated string")
    }

    /// Skips any JSON value, nested or not.
    mutating func skipValue() throws(JSONRecordReader.LineError) {
        guard let first = peek() else { throw JSONRecordReader.LineError(offset: index, message: "expected a value") }
        switch first {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let open = index
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    try skipString()
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return
                    }
                }
                index += 1
            }
            throw JSONRecordReader.LineError(offset: open, message: "unterminated \(first == UInt8(ascii: "{") ? "object" : "array")")
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x09 { break }
                index += 1
            }
            if index == start { throw JSONRecordReader.LineError(offset: start, message: "expected a value") }
        }
    }
}
