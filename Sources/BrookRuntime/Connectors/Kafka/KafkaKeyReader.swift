// Reads a kafka table's key.fields columns from each record's key, in the key format.
import BrookCore
import BrookPlanner

/// With 'value.fields-include' = 'EXCEPT_KEY' the key.fields columns are only in the record key,
/// so the source parses them from it in 'key.format', the way the sink writes them: a json object
/// of the fields, a csv line, or (raw) the one field's text.
struct KafkaKeyReader {
    enum Parser {
        case json(JSONRecordReader)
        case csv(CSVRecordReader)
        case raw
    }

    let parser: Parser
    let types: [DataType]

    init(format: String, names: [String], types: [DataType]) {
        self.types = types
        switch format {
        case "json": parser = .json(JSONRecordReader(names: names, types: types, failOnMissingField: false))
        case "csv": parser = .csv(CSVRecordReader(fieldTypes: types, projection: Array(types.indices), options: [:]))
        default: parser = .raw
        }
    }

    /// The key's fields as one-row columns, in key.fields order; all NULL for a record without a key.
    func read(_ key: [UInt8]?) throws(JSONRecordReader.LineError) -> [Column] {
        var builders = types.map { ColumnBuilder(type: $0, capacity: 1) }
        guard let key else {
            for index in builders.indices { builders[index].appendNull() }
            return builders.map { $0.build() }
        }
        switch parser {
        case .json(let reader):
            try key.withUnsafeBufferPointer { bytes throws(JSONRecordReader.LineError) in try reader.read(bytes, into: &builders) }
        case .csv(let reader):
            try key.withUnsafeBufferPointer { bytes throws(JSONRecordReader.LineError) in try reader.read(bytes, into: &builders) }
        case .raw:
            let text = String(decoding: key, as: UTF8.self)
            do {
                builders[0].append(try Cast.value(.string(text), from: .string, to: types[0], isTry: false, context: EvaluationContext()))
            } catch {
                throw JSONRecordReader.LineError(offset: 0, message: "raw key '\(text)' is not \(types[0]): \(error.message)")
            }
        }
        return builders.map { $0.build() }
    }
}
