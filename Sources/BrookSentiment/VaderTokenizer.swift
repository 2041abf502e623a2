// Splits text into tokens exactly as NLTK's SentiText does, working on UTF-8 bytes.

/// Reproduces `SentiText._words_and_emoticons`: split on Python whitespace, drop one-character
/// tokens, and strip a leading or trailing punctuation run only when that run is one of
/// `VaderRules.strippablePunctuation` and what remains is a punctuation-free word of two or more
/// characters. That is what NLTK's dictionary of punctuation/word products amounts to.
struct VaderTokenizer {
    /// The table each token is looked up in; nil when the caller does its own lookups.
    let lexicon: Lexicon?

    func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [VaderToken] {
        var tokens: [VaderToken] = []
        tokens.reserveCapacity(24)
        var index = 0
        let count = bytes.count
        while index < count {
            let spaceWidth = Self.whitespaceWidth(bytes, at: index)
            if spaceWidth > 0 {
                index += spaceWidth
                continue
            }
            let start = index
            while index < count, Self.whitespaceWidth(bytes, at: index) == 0 { index += 1 }
            if let token = makeToken(bytes, start: start, end: index) {
                tokens.append(token)
            } else if index - start == 1, Self.isSeparator(bytes[start]), !tokens.isEmpty {
                tokens[tokens.count - 1].isFollowedBySeparator = true
            }
        }
        return tokens
    }

    private func makeToken(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> VaderToken? {
        guard Self.scalarCount(bytes, start, end) > 1 else { return nil }
        var (wordStart, wordEnd) = (start, end)
        var leading = start
        while leading < end, Self.isPunctuation(bytes[leading]) { leading += 1 }
        var trailing = end
        while trailing > leading, Self.isPunctuation(bytes[trailing - 1]) { trailing -= 1 }
        if leading < end, leading > start || trailing < end,
           Self.punctuationFree(bytes, leading, trailing) {
            if leading > start, trailing == end {
                if Self.isStrippable(bytes, start, leading), Self.scalarCount(bytes, leading, end) > 1 {
                    wordStart = leading
                }
            } else if leading == start {
                if Self.isStrippable(bytes, trailing, end), Self.scalarCount(bytes, start, trailing) > 1 {
                    wordEnd = trailing
                }
            }
        }
        return describe(bytes, start: wordStart, end: wordEnd)
    }

    private func describe(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> VaderToken {
        var hasUpper = false
        var hasLower = false
        var hasApostrophe = false
        var isASCII = true
        for offset in start..<end {
            let byte = bytes[offset]
            if byte >= 0x80 { isASCII = false; break }
            if byte >= 0x41, byte <= 0x5A {
                hasUpper = true
            } else if byte >= 0x61, byte <= 0x7A {
                hasLower = true
            } else if byte == UInt8(ascii: "'") {
                hasApostrophe = true
            }
        }
        let lowercased: String
        let isLowercase: Bool
        let isUpper: Bool
        if isASCII {
            lowercased = String(unsafeUninitializedCapacity: end - start) { out in
                for offset in start..<end {
                    let byte = bytes[offset]
                    out[offset - start] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                }
                return end - start
            }
            isLowercase = !hasUpper
            isUpper = hasUpper && !hasLower
        } else {
            let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            lowercased = original.lowercased()
            isLowercase = lowercased == original
            isUpper = Self.pythonIsUpper(original)
        }
        let entry = lexicon?[lowercased]
        let negates = (entry?.isNegation ?? false) || ((hasApostrophe || !isASCII) && Self.containsNT(lowercased))
        return VaderToken(start: start, end: end, lowercased: lowercased, isLowercase: isLowercase,
                          isUpper: isUpper, entry: entry, negates: negates)
    }

    /// Python's `str.isupper()`: no lowercase or titlecase character, at least one uppercase one.
    static func pythonIsUpper(_ text: String) -> Bool {
        var cased = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    private static func containsNT(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous2: UInt8 = 0
        var previous1: UInt8 = 0
        while let byte = utf8.next() {
            if previous2 == UInt8(ascii: "n"), previous1 == UInt8(ascii: "'"), byte == UInt8(ascii: "t") { return true }
            previous2 = previous1
            previous1 = byte
        }
        return false
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }

    /// Python's `string.punctuation`, the characters NLTK's regex removes.
    @inline(__always)
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40)
            || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }

    private static func punctuationFree(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for offset in start..<end where isPunctuation(bytes[offset]) { return false }
        return true
    }

    private static func isStrippable(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 4 else { return false }
        var packed: UInt32 = 0
        for offset in start..<end { packed = packed << 8 | UInt32(bytes[offset]) }
        return VaderRules.strippablePunctuation.contains(packed)
    }

    /// Python's `len()`: Unicode scalars, i.e. bytes that do not continue a sequence.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        for offset in start..<end where bytes[offset] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Width in bytes of the Python `str.split()` whitespace character at `index`, or 0.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)) ? 1 : 0
        }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2:
            guard remaining >= 2 else { return 0 }
            return (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            guard remaining >= 3 else { return 0 }
            return (bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80) ? 3 : 0
        case 0xE2:
            guard remaining >= 3 else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 {
                return (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) && third >= 0x80 ? 3 : 0
            }
            return (second == 0x81 && third == 0x9F) ? 3 : 0
        case 0xE3:
            guard remaining >= 3 else { return 0 }
            return (bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80) ? 3 : 0
        default:
            return 0
        }
    }
}
