// Reads the tab-separated fixtures that sit beside the tests.
import Foundation

/// Loads `text<TAB>value` fixtures whose text is backslash-escaped (see make_vader_corpus.py).
/// Works on bytes because a combining mark after a newline or backslash would merge with it into
/// one Swift `Character`.
enum FixtureFile {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    static func rows(_ name: String, skipHeader: Bool = false) throws -> [(text: String, value: String)] {
        try rows(at: url(name), skipHeader: skipHeader)
    }

    static func rows(at url: URL, skipHeader: Bool = false) throws -> [(text: String, value: String)] {
        let data = try Data(contentsOf: url)
        var lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        if skipHeader, !lines.isEmpty { lines.removeFirst() }
        return lines.compactMap { line in
            guard let tab = line.lastIndex(of: UInt8(ascii: "\t")) else { return nil }
            return (unescape(line[line.startIndex..<tab]), String(decoding: line[(tab + 1)...], as: UTF8.self))
        }
    }

    /// Undoes `\\`, `\t`, `\n`, `\r` and `\uXXXX` (four hex digits) escapes.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < bytes.endIndex else {
                result.append(byte)
                continue
            }
            let code = bytes[index]
            index += 1
            switch code {
            case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): result.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "u") where index + 4 <= bytes.endIndex:
                let hex = String(decoding: bytes[index..<(index + 4)], as: UTF8.self)
                index += 4
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    result.append(contentsOf: Array(String(scalar).utf8))
                }
            default: result.append(code)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
