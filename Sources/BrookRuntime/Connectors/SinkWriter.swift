// Sinks: where a job's rows end up (files, standard output, nowhere, or memory for tests).
import BrookCore
import Foundation

/// Receives a job's output rows. Sinks are operators at the end of the graph; they flush what
/// they were given before returning, so an error later in the job loses no earlier output.
public final class SinkOperator: StreamOperator {
    let writer: RowWriter
    let progress: JobProgress?
    public private(set) var metrics = OperatorMetrics()
    /// When the first row arrived, for start-up latency figures.
    public private(set) var firstRowAt: Date?

    public init(writer: RowWriter, progress: JobProgress? = nil) {
        self.writer = writer
        self.progress = progress
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        if firstRowAt == nil, batch.count > 0 { firstRowAt = Date() }
        metrics.rowsIn += batch.count
        metrics.rowsOut += batch.count
        progress?.wrote(batch.count)
        try writer.write(batch)
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        try writer.close()
    }
}

/// Writes batches somewhere.
public protocol RowWriter: AnyObject {
    func write(_ batch: Batch) throws(RuntimeError)
    func close() throws(RuntimeError)
}

/// Formats one row as a line (JSON object or CSV record).
struct RowFormatter {
    let names: [String]
    let types: [DataType]
    let format: String
    let delimiter: String
    let context: EvaluationContext

    func append(_ batch: Batch, row: Int, to out: inout String) {
        if format == "csv" {
            for column in 0..<types.count {
                if column > 0 { out.append(delimiter) }
                let value = batch.columns[column].value(row)
                if value.isNull { continue }
                let text = if case .bytes(let bytes) = value { BinaryText.base64(bytes) } else { ValueText.plain(value, type: types[column], context: context) }
                if text.contains(delimiter) || text.contains("\"") || text.contains("\n") {
                    out.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                } else {
                    out.append(text)
                }
            }
        } else {
            out.append("{")
            for column in 0..<types.count {
                if column > 0 { out.append(",") }
                JSONText.appendQuoted(names[column], to: &out)
                out.append(":")
                JSONText.append(batch.columns[column].value(row), type: types[column], context: context, to: &out)
            }
            out.append("}")
        }
        out.append("\n")
    }
}

/// The filesystem sink: appends JSON lines or CSV records to a file (or a part file in a directory).
public final class FileRowWriter: RowWriter {
    let handle: FileHandle
    let formatter: RowFormatter
    public let path: String

    public init(path: String, format: String, names: [String], types: [DataType], options: [String: String], context: EvaluationContext) throws(RuntimeError) {
        var target = path
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            target = (path as NSString).appendingPathComponent("part-0.\(format == "csv" ? "csv" : "json")")
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        }
        if !FileManager.default.fileExists(atPath: target) {
            guard FileManager.default.createFile(atPath: target, contents: nil) else { throw RuntimeError("cannot create \(target)") }
        }
        guard let handle = FileHandle(forWritingAtPath: target) else { throw RuntimeError("cannot write \(target)") }
        handle.seekToEndOfFile()
        self.handle = handle
        self.path = target
        formatter = RowFormatter(names: names, types: types, format: format, delimiter: options["csv.field-delimiter"] ?? ",", context: context)
    }

    public func write(_ batch: Batch) throws(RuntimeError) {
        var text = ""
        text.reserveCapacity(batch.count * 64)
        for row in 0..<batch.count where batch.kind(row).isAccumulate {
            formatter.append(batch, row: row, to: &text)
        }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw RuntimeError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    public func close() throws(RuntimeError) {
        try? handle.synchronize()
        try? handle.close()
    }
}

/// The print sink: each change as Flink prints it, `+I[AAPL, 2024-05-31 10:00:00, BUY]`.
public final class PrintRowWriter: RowWriter {
    let types: [DataType]
    let prefix: String
    let context: EvaluationContext
    let standardError: Bool

    public init(types: [DataType], options: [String: String], context: EvaluationContext) {
        self.types = types
        prefix = options["print-identifier"].map { $0 + "> " } ?? ""
        standardError = options["standard-error"] == "true"
        self.context = context
    }

    public func write(_ batch: Batch) throws(RuntimeError) {
        var text = ""
        for row in 0..<batch.count {
            let cells = (0..<types.count).map { ValueText.plain(batch.columns[$0].value(row), type: types[$0], context: context) }
            text += prefix + batch.kind(row).description + "[" + cells.joined(separator: ", ") + "]\n"
        }
        (standardError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
    }

    public func close() throws(RuntimeError) {}
}

/// The blackhole sink: accepts everything, keeps nothing (for benchmarks).
public final class BlackholeRowWriter: RowWriter {
    public init() {}
    public func write(_ batch: Batch) throws(RuntimeError) {}
    public func close() throws(RuntimeError) {}
}

/// Collects rows in memory with their change kinds: SELECT results and tests.
public final class CollectingRowWriter: RowWriter {
    public private(set) var rows: [(kind: ChangeKind, values: [Value])] = []

    public init() {}

    public func write(_ batch: Batch) throws(RuntimeError) {
        for row in 0..<batch.count { rows.append((batch.kind(row), batch.row(row))) }
    }

    public func close() throws(RuntimeError) {}
}
