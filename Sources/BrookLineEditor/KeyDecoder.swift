// Turns raw terminal bytes into keys, holding back incomplete escape sequences and UTF-8 characters.

/// Reads arrive in arbitrary chunks, so a sequence like ESC [ A or a multi-byte character may be split across reads.
struct KeyDecoder {
    private var pending: [UInt8] = []
    /// Terminals that send CR LF for Enter would otherwise submit an extra empty line.
    private var lastWasCarriageReturn = false

    /// Escape sequences longer than this are garbage; dropping them keeps a stray ESC from swallowing input forever.
    private static let maximumSequenceLength = 16

    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var start = 0
        while start < pending.count {
            switch decode(at: start) {
            case .incomplete:
                pending.removeFirst(start)
                return keys
            case .skip(let length):
                start += length
            case .key(let key, let length):
                start += length
                if key == .enter && lastWasCarriageReturn && pending[start - 1] == 0x0A {
                    lastWasCarriageReturn = false
                    continue
                }
                lastWasCarriageReturn = key == .enter && pending[start - 1] == 0x0D
                keys.append(key)
            }
        }
        pending.removeAll(keepingCapacity: true)
        return keys
    }

    private enum Step {
        case key(Key, length: Int)
        case skip(Int)
        case incomplete
    }

    private func decode(at index: Int) -> Step {
        let byte = pending[index]
        switch byte {
        case 0x1B: return decodeEscape(at: index)
        case 0x00..<0x20, 0x7F:
            if let key = Self.controlKey(byte) { return .key(key, length: 1) }
            return .skip(1)
        default: return decodeUTF8(at: index)
        }
    }

    private static func controlKey(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x01: .home
        case 0x02: .left
        case 0x03: .interrupt
        case 0x04: .deleteOrEndOfInput
        case 0x05: .end
        case 0x06: .right
        case 0x08, 0x7F: .backspace
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x0B: .killToEnd
        case 0x0C: .clearScreen
        case 0x0E: .down
        case 0x10: .up
        case 0x15: .killToStart
        case 0x17: .deleteWordBackward
        default: nil
        }
    }

    private func decodeEscape(at index: Int) -> Step {
        guard index + 1 < pending.count else { return .incomplete }
        switch pending[index + 1] {
        case UInt8(ascii: "["): return decodeCSI(at: index)
        case UInt8(ascii: "O"):
            guard index + 2 < pending.count else { return .incomplete }
            guard let key = Self.finalKey(pending[index + 2]) else { return .skip(3) }
            return .key(key, length: 3)
        case 0x1B:
            return .skip(1)
        default:
            // Alt-modified keys: dropping the pair is safer than inserting the bare letter.
            return .skip(2)
        }
    }

    private func decodeCSI(at index: Int) -> Step {
        var cursor = index + 2
        var parameters: [UInt8] = []
        while cursor < pending.count {
            let byte = pending[cursor]
            switch byte {
            case 0x30...0x3F:
                parameters.append(byte)
            case 0x20...0x2F:
                break
            case 0x40...0x7E:
                let length = cursor - index + 1
                guard let key = Self.csiKey(final: byte, parameters: parameters) else { return .skip(length) }
                return .key(key, length: length)
            default:
                return .skip(cursor - index)
            }
            cursor += 1
            if cursor - index > Self.maximumSequenceLength { return .skip(cursor - index) }
        }
        return .incomplete
    }

    private static func finalKey(_ byte: UInt8) -> Key? {
        switch byte {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        default: nil
        }
    }

    private static func csiKey(final: UInt8, parameters: [UInt8]) -> Key? {
        guard final == UInt8(ascii: "~") else { return finalKey(final) }
        // Modifiers follow a ';' (e.g. ESC[3;5~); only the key number matters here.
        let number = String(decoding: parameters.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self)
        switch number {
        case "1", "7": return .home
        case "4", "8": return .end
        case "3": return .delete
        default: return nil
        }
    }

    private func decodeUTF8(at index: Int) -> Step {
        let lead = pending[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        case 0x20..<0x80: length = 1
        default: return .skip(1)
        }
        let available = pending.count - index
        for offset in 1..<min(length, available) where !(0x80...0xBF).contains(pending[index + offset]) {
            return .skip(offset)
        }
        guard available >= length else { return .incomplete }
        let text = String(decoding: pending[index..<index + length], as: UTF8.self)
        guard let character = text.first, text.count == 1 else { return .skip(length) }
        return .key(.character(character), length: length)
    }
}
