// The compact blob format headers are kept in: big-endian lengths, -1 marking a null value.

/// Packs headers into one column so a record stays one row; empty header lists store nothing.
enum StoredHeaders {
    static func encode(_ headers: [RecordHeader]) -> [UInt8] {
        guard !headers.isEmpty else { return [] }
        var bytes: [UInt8] = []
        appendInt32(Int32(headers.count), to: &bytes)
        for header in headers {
            let key = Array(header.key.utf8)
            appendInt32(Int32(key.count), to: &bytes)
            bytes += key
            if let value = header.value {
                appendInt32(Int32(value.count), to: &bytes)
                bytes += value
            } else {
                appendInt32(-1, to: &bytes)
            }
        }
        return bytes
    }

    /// The headers in `bytes`, or nil when the blob is not in this format.
    static func decode(_ bytes: [UInt8]) -> [RecordHeader]? {
        guard !bytes.isEmpty else { return [] }
        var index = 0
        func int32() -> Int32? {
            guard index + 4 <= bytes.count else { return nil }
            let value = bytes[index..<index + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            index += 4
            return Int32(bitPattern: value)
        }
        func take(_ count: Int32) -> [UInt8]? {
            guard count >= 0, index + Int(count) <= bytes.count else { return nil }
            defer { index += Int(count) }
            return Array(bytes[index..<index + Int(count)])
        }
        guard let count = int32(), count >= 0 else { return nil }
        var headers: [RecordHeader] = []
        for _ in 0..<count {
            guard let keyLength = int32(), let key = take(keyLength), let valueLength = int32() else { return nil }
            if valueLength == -1 {
                headers.append(RecordHeader(key: String(decoding: key, as: UTF8.self), value: nil))
            } else {
                guard let value = take(valueLength) else { return nil }
                headers.append(RecordHeader(key: String(decoding: key, as: UTF8.self), value: value))
            }
        }
        return index == bytes.count ? headers : nil
    }

    private static func appendInt32(_ value: Int32, to bytes: inout [UInt8]) {
        let bits = UInt32(bitPattern: value)
        bytes += [UInt8(bits >> 24), UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)]
    }
}
