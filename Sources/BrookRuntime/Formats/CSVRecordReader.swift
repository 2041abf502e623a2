// Reads one CSV record per line into columns, as Flink's csv format does.
import BrookCore

/// Parses a CSV line: fields by position, `"` quoting with doubled quotes, an optional null
/// literal. A line holds every physical column of the table (`fieldTypes`), as Flink's csv format
/// reads it; only the fields a query uses (`projection`, one per output column) are converted.
struct CSVRecordReader {
    let fieldTypes: [DataType]
    let projection: [Int]
    let delimiter: UInt8
    let quote: UInt8?
    let nullLiteral: String?
    let allowComments: Bool

    init(fieldTypes: [DataType], projection: [Int], options: [String: String]) {
        self.fieldTypes = fieldTypes
        self.projection = projection
        delimiter = options["csv.field-delimiter"].flatMap { $0.utf8.first } ?? UInt8(ascii: ",")
        quote = options["csv.disable-quote-character"] == "true" ? nil : (options["csv.quote-character"].flatMap { $0.utf8.first } ?? UInt8(ascii: "\""))
        nullLiteral = options["csv.null-literal"]
        allowComments = options["csv.allow-comments"] == "true"
    }

    func read(_ line: UnsafeBufferPointer<UInt8>, into builders: inout [ColumnBuilder]) throws(JSONRecordReader.LineError) {
        if allowComments, line.first == UInt8(ascii: "#") {
            throw JSONRecordReader.LineError(offset: 0, message: "comment")
        }
        var fields: [(text: String, offset: Int, quoted: Bool)] = []
        var index = 0
        while index <= line.count {
            let start = index
            if let quote, index < line.count, line[index] == quote {
                var bytes: [UInt8] = []
                index += 1
                var closed = false
                while index < line.count {
                    if line[index] == quote {
                        if index + 1 < line.count, line[index + 1] == quote {
                            bytes.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    bytes.append(line[index])
                    index += 1
                }
                guard closed else { throw JSONRecordReader.LineError(offset: start, message: "unterminated quoted field") }
                fields.append((String(decoding: bytes, as: UTF8.self), start, true))
            } else {
                while index < line.count, line[index] != delimiter { index += 1 }
                fields.append((String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self), start, false))
            }
            if index < line.count, line[index] != delimiter {
                throw JSONRecordReader.LineError(offset: index, message: "expected a field delimiter")
            }
            index += 1
        }
        guard fields.count == fieldTypes.count else {
            throw JSONRecordReader.LineError(offset: 0, message: "expected \(fieldTypes.count) fields, found \(fields.count)")
        }
        var cells: [Value] = []
        for position in projection {
            let field = fields[position]
            let type = fieldTypes[position]
            if (!field.quoted && field.text.isEmpty && !type.isCharacter) || field.text == nullLiteral {
                cells.append(.null)
                continue
            }
            do {
                if type.isBinary {
                    // Flink's csv format keeps BYTES as base64.
                    guard let bytes = BinaryText.bytes(fromBase64: field.text) else { throw RuntimeError("not base64") }
                    cells.append(try Cast.value(.bytes(bytes), from: .bytes, to: type, isTry: false, context: EvaluationContext()))
                } else {
                    cells.append(try Cast.value(.string(field.text), from: .string, to: type, isTry: false, context: EvaluationContext()))
                }
            } catch {
                throw JSONRecordReader.LineError(offset: field.offset, message: "field \(position + 1) is \(type) but got '\(field.text)'")
            }
        }
        for (position, cell) in cells.enumerated() { builders[position].append(cell) }
    }
}
