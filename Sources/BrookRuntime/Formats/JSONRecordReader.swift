// Reads JSON lines straight into columns, parsing only the fields the table needs.
// Written by hand because Foundation's JSON decoding allocates per value and is 10-50x too slow
// for the data path; this parser works on the bytes of each line against the table's schema.
import BrookCore
#if canImport(Glibc)
import Glibc
#endif

/// Parses one JSON object per line into column builders, as Flink's json format reads: fields
/// are matched by name, missing fields are NULL (or an error with `failOnMissingField`), unknown
/// fields are skipped, and a malformed line reports its line and column.
final class JSONRecordReader {
    /// A column's type as the parser needs it; plain values, so passing one costs no reference counting.
    struct Field {
        var type: DataType
        var kind: PhysicalType.Kind
        var scale: Int
    }

    let fields: [Field]
    /// The columns' names as UTF-8, matched against record keys.
    let names: [[UInt8]]
    let failOnMissingField: Bool
    private var lookup: [Int: [Int]] = [:]
    /// The keys seen at each position of the previous records and the field each maps to
    /// (-1: not needed). Records of one stream share their shape, so a key usually costs one
    /// byte comparison instead of a hash lookup.
    private var slotKeys: [[UInt8]] = []
    private var slotPatterns: [JSONKeyPattern] = []
    private var slotFields: [Int] = []
    /// The current record's cells, reused from line to line.
    private var cells: [Cell]

    init(names: [String], types: [DataType], failOnMissingField: Bool) {
        fields = types.map { type in Field(type: type, kind: PhysicalType.kind(of: type), scale: type.decimalShape?.scale ?? 0) }
        self.names = names.map { Array($0.utf8) }
        self.failOnMissingField = failOnMissingField
        cells = Array(repeating: .missing, count: names.count)
        for (index, name) in self.names.enumerated() {
            lookup[JSONRecordReader.hashKey(name), default: []].append(index)
        }
    }

    static func hashKey(_ bytes: some Collection<UInt8>) -> Int {
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
        for index in cells.indices { cells[index] = .missing }
        var decodedKey: [UInt8] = []
        var parser = ByteParser(bytes: line)
        parser.skipWhitespace()
        try parser.expect(UInt8(ascii: "{"))
        parser.skipWhitespace()
        if parser.peek() == UInt8(ascii: "}") {
            parser.index += 1
        } else {
            var position = 0
            while true {
                parser.skipWhitespace()
                let slot: Int?
                if position < slotPatterns.count, parser.skipKey(matching: slotPatterns[position]) {
                    slot = slotFields[position] < 0 ? nil : slotFields[position]
                } else {
                    slot = slotField(try parser.parseKey(decoded: &decodedKey), position: position)
                }
                parser.skipWhitespace()
                try parser.expect(UInt8(ascii: ":"))
                parser.skipWhitespace()
                position += 1
                if let index = slot {
                    cells[index] = try parser.parseValue(for: fields[index], name: names[index])
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
                    throw LineError(offset: 0, message: "field '\(String(decoding: names[index], as: UTF8.self))' is missing (json.fail-on-missing-field is true)")
                }
                builders[index].appendNull()
            case .null: builders[index].appendNull()
            case .int64(let v): builders[index].appendInt64(v)
            case .double(let v): builders[index].appendDouble(v)
            case .decimal(let v): builders[index].appendDecimal(v)
            case .string(let v): builders[index].appendString(v)
            case .boolean(let v): builders[index].appendBoolean(v)
            case .value(let v): builders[index].appendValue(v)
            }
        }
    }

    private func slotField(_ key: UnsafeRawBufferPointer, position: Int) -> Int? {
        if position < slotKeys.count, JSONRecordReader.sameBytes(slotKeys[position], key) {
            let field = slotFields[position]
            return field < 0 ? nil : field
        }
        let field = fieldIndex(key)
        if position < slotKeys.count {
            slotKeys[position] = Array(key)
            slotPatterns[position] = JSONKeyPattern(key)
            slotFields[position] = field ?? -1
        } else if position == slotKeys.count {
            slotKeys.append(Array(key))
            slotPatterns.append(JSONKeyPattern(key))
            slotFields.append(field ?? -1)
        }
        return field
    }

    @inline(__always) static func sameBytes(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in memcmp(x.baseAddress!, b.baseAddress!, a.count) == 0 }
    }

    private func fieldIndex(_ key: UnsafeRawBufferPointer) -> Int? {
        guard let candidates = lookup[JSONRecordReader.hashKey(key)] else { return nil }
        for index in candidates where JSONRecordReader.sameBytes(names[index], key) { return index }
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
    /// A BYTES or MAP cell.
    indirect case value(Value)

    /// The cell as a value of `type` (for the entries of a MAP).
    func value(of type: DataType, scale: Int) -> Value {
        switch self {
        case .missing, .null: return .null
        case .int64(let v): return PhysicalType.value(fromInt64: v, type: type)
        case .double(let v): return .double(v)
        case .decimal(let v): return .decimal(DecimalValue(unscaled: v, scale: scale))
        case .string(let v): return .string(v)
        case .boolean(let v): return .boolean(v)
        case .value(let v): return v
        }
    }
}
