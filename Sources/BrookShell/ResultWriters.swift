// Row writers that feed the shell's views: into the result store, or straight to the terminal.
import BrookCore
import BrookRuntime
import Foundation

/// Turns a result cell into the text the shell shows: SQL-standard forms, NULL for nulls.
struct CellFormatter {
    let types: [DataType]
    let context: EvaluationContext

    func cells(_ batch: Batch, _ row: Int) -> [String] {
        (0..<batch.columns.count).map { ValueText.plain(batch.columns[$0].value(row), type: types[$0], context: context) }
    }
}

/// Applies a query's changes to a `ResultStore` as they arrive.
final class StoreWriter: RowWriter {
    let store: ResultStore
    let formatter: CellFormatter

    init(store: ResultStore, formatter: CellFormatter) {
        self.store = store
        self.formatter = formatter
    }

    func write(_ batch: Batch) throws(RuntimeError) {
        let changes = (0..<batch.count).map { (accumulate: batch.kind($0).isAccumulate, cells: formatter.cells(batch, $0)) }
        do {
            try store.apply(changes)
        } catch {
            throw RuntimeError("cannot keep the result: \(error)")
        }
    }

    func close() throws(RuntimeError) {}
}

/// Prints each change as it arrives, with its kind: the changelog result mode.
final class ChangelogPrinter: RowWriter {
    let formatter: CellFormatter
    let headers: [String]
    let output: @Sendable (String) -> Void
    private var printedHeader = false

    init(headers: [String], formatter: CellFormatter, output: @escaping @Sendable (String) -> Void) {
        self.headers = headers
        self.formatter = formatter
        self.output = output
    }

    func write(_ batch: Batch) throws(RuntimeError) {
        var lines: [String] = []
        if !printedHeader {
            lines.append((["op"] + headers).joined(separator: " | "))
            printedHeader = true
        }
        for row in 0..<batch.count {
            lines.append(([batch.kind(row).description] + formatter.cells(batch, row)).joined(separator: " | "))
        }
        if !lines.isEmpty { output(lines.joined(separator: "\n")) }
    }

    func close() throws(RuntimeError) {}
}
