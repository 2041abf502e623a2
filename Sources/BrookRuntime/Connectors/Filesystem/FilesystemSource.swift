// Reads JSON-lines or CSV files (a file or every file of a directory) into batches.
import BrookCore
import BrookPlanner
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The filesystem connector's source. Bounded by default: end of the last file ends it. With
/// `source.monitor-interval` it follows the files for appended lines and never ends. Parallel
/// tasks of one scan each have their own FilesystemSource over one shared `LineChunks`.
public final class FilesystemSource: SourceReader {
    let lines: LineChunks
    let parser: LineParser
    let types: [DataType]
    let ignoreParseErrors: Bool
    let monitorInterval: Double?
    public private(set) var skippedRecords = 0

    public var isBounded: Bool { monitorInterval == nil }

    /// A line parser for one format, filling one cell per column for each record.
    enum LineParser {
        case json(JSONRecordReader)
        case csv(CSVRecordReader)
    }

    /// The files a `path` option names: the file, or every visible file of the directory in name
    /// order; and the directory, when it is one (a following source watches it for new files).
    static func files(table: String, path: String) throws(RuntimeError) -> (files: [String], directory: String?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuntimeError("table '\(table)': 'path' \(path) does not exist")
        }
        guard isDirectory.boolValue else { return ([path], nil) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return (names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }, path)
    }

    static func monitorInterval(_ options: [String: String]) -> Double? {
        options["source.monitor-interval"].flatMap(DurationText.milliseconds).map { Double($0) / 1000 }
    }

    /// `columns` and `types` are the columns the scan reads; `fieldTypes` are the table's physical
    /// columns (a csv line holds them all) and `projection` each read column's place among them.
    init(lines: LineChunks, format: String, columns: [String], types: [DataType], fieldTypes: [DataType], projection: [Int], options: [String: String]) {
        self.lines = lines
        self.types = types
        if format == "csv" {
            parser = .csv(CSVRecordReader(fieldTypes: fieldTypes, projection: projection, options: options))
            ignoreParseErrors = options["csv.ignore-parse-errors"] == "true"
        } else {
            parser = .json(JSONRecordReader(names: columns, types: types, failOnMissingField: options["json.fail-on-missing-field"] == "true"))
            ignoreParseErrors = options["json.ignore-parse-errors"] == "true"
        }
        monitorInterval = FilesystemSource.monitorInterval(options)
    }

    public func next(maxRows: Int) throws(RuntimeError) -> Batch? {
        let chunk: LineChunk
        switch try lines.take(maxLines: maxRows) {
        case .end:
            return nil
        case .nothingYet:
            Thread.sleep(forTimeInterval: min(monitorInterval ?? 0.2, 0.2))
            return Batch(columns: types.map { ColumnBuilder(type: $0, capacity: 0).build() }, count: 0)
        case .lines(let taken):
            chunk = taken
        }
        var builders = types.map { ColumnBuilder(type: $0, capacity: maxRows) }
        var rows = 0
        try chunk.bytes.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(RuntimeError) in
            var start = 0
            var lineNumber = chunk.firstLine
            while start <= bytes.count {
                var newline = bytes.count
                if start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                defer {
                    start = newline + 1
                    lineNumber += 1
                }
                var end = newline
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                if end == start { continue }
                do throws(JSONRecordReader.LineError) {
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    switch parser {
                    case .json(let reader): try reader.read(line, into: &builders)
                    case .csv(let reader): try reader.read(line, into: &builders)
                    }
                    rows += 1
                } catch {
                    if ignoreParseErrors {
                        skippedRecords += 1
                        continue
                    }
                    let column = String(decoding: bytes[start..<min(start + error.offset, end)], as: UTF8.self).unicodeScalars.count + 1
                    throw RuntimeError(FormatError(file: chunk.file, line: lineNumber, column: column, message: error.message).description)
                }
            }
        }
        return Batch(columns: builders.map { $0.build() }, count: rows)
    }
}
