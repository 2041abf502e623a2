// Reads JSON-lines or CSV files (a file or every file of a directory) into batches.
import BrookCore
import BrookPlanner
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The filesystem connector's source. Bounded by default: end of the last file ends it. With
/// `source.monitor-interval` it follows the files for appended lines and never ends.
public final class FilesystemSource: SourceReader {
    let files: [String]
    let parser: LineParser
    let types: [DataType]
    let ignoreParseErrors: Bool
    let monitorInterval: Double?
    private var fileIndex = 0
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var lineNumber = 0
    private var endOfFile = false
    public private(set) var skippedRecords = 0

    public var isBounded: Bool { monitorInterval == nil }

    /// A line parser for one format, filling one cell per column for each record.
    enum LineParser {
        case json(JSONRecordReader)
        case csv(CSVRecordReader)
    }

    public init(table: String, path: String, format: String, columns: [String], types: [DataType], options: [String: String]) throws(RuntimeError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuntimeError("table '\(table)': 'path' \(path) does not exist")
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        self.types = types
        if format == "csv" {
            parser = .csv(CSVRecordReader(types: types, options: options))
            ignoreParseErrors = options["csv.ignore-parse-errors"] == "true"
        } else {
            parser = .json(JSONRecordReader(names: columns, types: types, failOnMissingField: options["json.fail-on-missing-field"] == "true"))
            ignoreParseErrors = options["json.ignore-parse-errors"] == "true"
        }
        monitorInterval = options["source.monitor-interval"].flatMap(DurationText.milliseconds).map { Double($0) / 1000 }
    }

    private func openNextFile() throws(RuntimeError) -> Bool {
        guard fileIndex < files.count else { return false }
        guard let next = FileHandle(forReadingAtPath: files[fileIndex]) else {
            throw RuntimeError("cannot open \(files[fileIndex])")
        }
        handle = next
        lineNumber = 0
        endOfFile = false
        return true
    }

    /// Reads more bytes into the buffer; false when the current file has none now.
    private func fill() -> Bool {
        guard let handle else { return false }
        let chunk = handle.readData(ofLength: 1 << 20)
        if chunk.isEmpty { return false }
        if bufferStart > 0 {
            buffer.removeSubrange(0..<bufferStart)
            bufferStart = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The position of the next line feed at or after `bufferStart`, found with memchr.
    private func nextNewline() -> Int? {
        buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard bufferStart < pointer.count, let base = pointer.baseAddress,
                  let found = memchr(base + bufferStart, 0x0A, pointer.count - bufferStart) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    public func next(maxRows: Int) throws(RuntimeError) -> Batch? {
        var builders = types.map { ColumnBuilder(type: $0, capacity: maxRows) }
        var rows = 0
        while rows < maxRows {
            if handle == nil {
                if !(try openNextFile()) {
                    if monitorInterval != nil, !files.isEmpty {
                        fileIndex = files.count - 1
                        _ = try openNextFile()
                    }
                    break
                }
            }
            guard let newline = nextNewline() else {
                if fill() { continue }
                if let interval = monitorInterval, fileIndex == files.count - 1 {
                    if rows > 0 { break }
                    Thread.sleep(forTimeInterval: min(interval, 0.2))
                    return Batch(columns: builders.map { $0.build() }, count: 0)
                }
                if bufferStart < buffer.count {
                    buffer.append(0x0A)
                    continue
                }
                handle = nil
                fileIndex += 1
                buffer.removeAll(keepingCapacity: true)
                bufferStart = 0
                continue
            }
            lineNumber += 1
            let start = bufferStart
            bufferStart = newline + 1
            var end = newline
            if end > start, buffer[end - 1] == 0x0D { end -= 1 }
            if end == start { continue }
            do {
                try buffer.withUnsafeBufferPointer { pointer throws(JSONRecordReader.LineError) in
                    let line = UnsafeBufferPointer(rebasing: pointer[start..<end])
                    switch parser {
                    case .json(let reader):
                        try reader.read(line, into: &builders)
                    case .csv(let reader):
                        try reader.read(line, into: &builders)
                    }
                }
                rows += 1
            } catch {
                if ignoreParseErrors {
                    skippedRecords += 1
                    continue
                }
                let column = String(decoding: buffer[start..<min(start + error.offset, end)], as: UTF8.self).unicodeScalars.count + 1
                throw RuntimeError(FormatError(file: files[fileIndex], line: lineNumber, column: column, message: error.message).description)
            }
        }
        if rows == 0 && handle == nil && fileIndex >= files.count && monitorInterval == nil { return nil }
        return Batch(columns: builders.map { $0.build() }, count: rows)
    }
}
