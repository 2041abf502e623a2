// Rows that arrive after the watermark: counted always, and written to a side table when asked.
import BrookCore
import BrookPlanner
import Foundation

/// Writes late rows to the table named by `table.exec.late-rows.sink` instead of only dropping
/// them. That table has three columns: the operator that dropped the row (STRING), the row's
/// event time (TIMESTAMP_LTZ(3)), and the row itself as a JSON object of the operator's input (STRING).
/// The operators of every task of a job share one, so writes take a lock.
public final class LateRowSink: @unchecked Sendable {
    let writer: RowWriter
    let context: EvaluationContext
    private let lock = NSLock()

    public static let setting = "table.exec.late-rows.sink"

    init(table: CatalogTable, writer: RowWriter, context: EvaluationContext) throws(RuntimeError) {
        let columns = table.columns.filter(\.isPersisted).map(\.type.type)
        guard columns.count == 3, columns[0].isCharacter, columns[1].isTimestamp, columns[2].isCharacter else {
            throw RuntimeError("table '\(table.name)' named by '\(LateRowSink.setting)' must have the columns (operator STRING, row_time TIMESTAMP_LTZ(3), row STRING)")
        }
        self.writer = writer
        self.context = context
    }

    /// A channel for one operator, which knows the operator's name and input columns.
    func channel(operator name: String, schema: Schema) -> LateRowChannel {
        LateRowChannel(sink: self, operatorName: name, names: schema.fields.map(\.name), types: schema.fields.map(\.type.type))
    }

    func write(operatorName: String, time: Int64, json: String) throws(RuntimeError) {
        var builder = BatchBuilder(types: [.string, .timestampLTZ(precision: 3), .string], capacity: 1)
        builder.appendRow([.string(operatorName), .timestamp(time), .string(json)])
        let batch = builder.flush()
        lock.lock()
        defer { lock.unlock() }
        try writer.write(batch)
    }
}

/// One operator's way to its job's late-row table.
public struct LateRowChannel {
    let sink: LateRowSink
    let operatorName: String
    let names: [String]
    let types: [DataType]

    func send(_ batch: Batch, row: Int, time: Int64) throws(RuntimeError) {
        var json = "{"
        for column in 0..<min(names.count, batch.columns.count) {
            if column > 0 { json += "," }
            JSONText.appendQuoted(names[column], to: &json)
            json += ":"
            JSONText.append(batch.columns[column].value(row), type: types[column], context: sink.context, to: &json)
        }
        try sink.write(operatorName: operatorName, time: time, json: json + "}")
    }
}
