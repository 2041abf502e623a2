// Reads JSON lines straight into columns, parsing only the fields the table needs.
// Written by hand because Foundation's JSON decoding allocates per value and is 10-50x too slow
// for the data path; this parser works on the bytes of each line against the table's schema.
import BrookCore

/// Parses one JSON object per line into column builders, as Flink's json format reads: fields
/// are matched by name, missing fields are NULL (or an error with `failOnMissingField`), unknown
/// fields are skipped, and a malformed line reports its line and column.
struct JSONRecordReader {
    struct Field {
        var name: [UInt8]
        var type: DataType
        var kind: PhysicalType.Kind
        var scale: Int
    }

    let fields: [Field]
    let failOnMissingField: Bool
    private var lookup: [Int: [Int]] = [:]

    init(names: [String], types: [DataType], failOnMissingField: Bool) {
        fields = zip(names, types).map { name, type in
            Field(name: Array(name.utf8), type: type, kind: PhysicalType.kind(of: type), scale: type.decimalShape?.scale ?? 0)
        }
        self.failOnMissingField = failOnMissingField
        for (index, field) in fields.enumerated() {
            lookup[JSONRecordReader.hashKey(field.name[...]), default: []].append(index)
        }
    }

    static func hashKey(_ bytes: ArraySlice<UInt8>) -> Int {
        var hash = bytes.count
        for byte in bytes { hash = hash &* 31 &+ Int(byte) }
        return hash
    }

    /// A parse failure within the current line: the byte offset and what went wrong.
    struct LineError: Error {
        var offset: Int
        var message: String
    }

    /// Parses `line` (one record, no newline) and appends one cell to every builder. On error no
    /// builder has been changed.
    func read(_ line: UnsafeBufferPointer<UInt8>, into builders: inout [ColumnBuilder]) throws(LineError) {
        var cells = [Cell](repeating: .missing, count: fields.count)
        var parser = ByteParser(bytes: line)
        parser.skipWhitespace()
        try parser.expect(UInt8(ascii: "{"))
        parser.skipWhitespace()
        if parser.peek() == UInt8(ascii: "}") {
            parser.index += 1
        } else {
            while true {
                parser.skipWhitespace()
                let keyStart = parser.index
                let key = try parser.parseKey()
                parser.skipWhitespace()
                try parser.expect(UInt8(ascii: ":"))
                parser.skipWhitespace()
                if let index = fieldIndex(key) {
                    cells[index] = try parser.parseValue(for: fields[index], keyOffset: keyStart)
                } else {
                    try parser.skipValue()
                }
                parser.skipWhitespace()
                guard let next = parser.peek() else { throw LineError(offset: parser.index, message: "unexpected end of line; expected ',' or '}'") }
                parser.index += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw LineError(offset: parser.index - 1, message: "expected ',' or '}'") }
            }
        }
        parser.skipWhitespace()
        if parser.index < line.count { throw LineError(offset: parser.index, message: "unexpected text after the JSON object") }
        for (index, cell) in cells.enumerated() {
            switch cell {
            case .missing:
                if failOnMissingField {
                    throw LineError(offset: 0, message: "field '\(String(decoding: fields[index].name, as: UTF8.self))' is missing (json.fail-on-missing-field is true)")
                }
                builders[index].appendNull()
            case .null: builders[index].appendNull()
            case .int64(let v): builders[index].appendInt64(v)
            case .double(let v): builders[index].appendDouble(v)
            case .decimal(let v): builders[index].appendDecimal(v)
            case .string(let v): builders[index].appendString(v)
            case .boolean(let v): builders[index].appendBoolean(v)
            }
        }
    }

    private func fieldIndex(_ key: ArraySlice<UInt8>) -> Int? {
        guard let candidates = lookup[JSONRecordReader.hashKey(key)] else { return nil }
        for index in candidates where fields[index].name.elementsEqual(key) { return index }
        return nil
    }
}

/// One parsed cell before it is appended (so a bad line changes no column).
enum Cell {
    case missing, null
    case int64(Int64)
    case double(Double)
    case decimal(Int128)
    case string(String)
    case boolean(Bool)
}
