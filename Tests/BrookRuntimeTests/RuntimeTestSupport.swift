// Helpers for runtime tests: temporary data files, running SQL jobs, and SQLite as the oracle.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import BrookStorage
import Foundation
import Testing

/// A scratch directory removed when the test's value goes away.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("brook-runtime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, lines: [String]) throws -> String {
        let target = file(name)
        try (lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }
}

/// A session with the connectors' option checks, as `brook run` sets it up.
func runtimeSession(_ script: String) throws -> Session {
    let session = try EngineSession.make(home: nil)
    _ = try session.executeScript(script)
    return session
}

/// The one row of `SELECT expressions`, in a session prepared by `setup`.
func selectRow(_ expressions: String, _ setup: String = "") throws -> [Value] {
    try runJob("SELECT \(expressions)", in: try runtimeSession(setup)).rows[0]
}

/// The rows a SELECT or INSERT produces (an INSERT's rows are collected from its sink instead of written).
func runJob(_ sql: String, in session: Session, options: RunOptions = RunOptions()) throws -> (rows: [[Value]], kinds: [ChangeKind], summary: JobSummary) {
    let collector = CollectingRowWriter()
    var options = options
    let job: PlannedJob
    switch try session.execute(try Parser.parseStatement(sql)) {
    case .job(let planned):
        job = planned
        for node in job.physical.nodes {
            if case .sink(let table, _, _) = node.operation { options.sinkWriters[table] = collector }
        }
    case .query(let planned):
        job = planned
        options.queryWriter = collector
    default:
        throw RuntimeError("not a SELECT or INSERT: \(sql)")
    }
    let summary = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
    return (collector.rows.map(\.values), collector.rows.map(\.kind), summary)
}

/// Applies a changelog (+I/-U/+U/-D) to get the rows it ends with.
func materialize(_ rows: [[Value]], _ kinds: [ChangeKind]) -> [[Value]] {
    var table: [[Value]] = []
    for (row, kind) in zip(rows, kinds) {
        if kind.isAccumulate {
            table.append(row)
        } else if let index = table.firstIndex(of: row) {
            table.remove(at: index)
        } else {
            Issue.record("retraction of a row never inserted: \(row)")
        }
    }
    return table
}

/// Rows as comparable text, so results can be compared as sorted multisets.
func canonical(_ rows: [[Value]]) -> [String] {
    rows.map { row in row.map(cellText).joined(separator: " | ") }.sorted()
}

func cellText(_ value: Value) -> String {
    switch value {
    case .null: return "NULL"
    case .double(let d): return String(format: "%.9g", d)
    case .decimal(let d): return String(format: "%.9g", d.doubleValue)
    case .integer(let n): return String(n)
    case .timestamp(let micros): return String(micros / 1000)
    case .string(let s): return s
    case .boolean(let b): return b ? "1" : "0"
    default: return "\(value)"
    }
}

/// SQLite as a batch oracle: load rows, run the equivalent query, read the result.
struct SQLiteOracle {
    let database: Database

    init() throws { database = try Database(path: ":memory:") }

    func load(_ table: String, columns: [String], rows: [[SQLiteValue]]) throws {
        try database.execute("CREATE TABLE \(table) (\(columns.joined(separator: ", ")))")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try database.transaction {
            for row in rows { try database.run("INSERT INTO \(table) VALUES (\(placeholders))", row) }
        }
    }

    func query(_ sql: String) throws -> [String] {
        try database.query(sql).map { row in
            row.map { cell -> String in
                switch cell {
                case .null: return "NULL"
                case .integer(let n): return String(n)
                case .real(let d): return String(format: "%.9g", d)
                case .text(let s): return s
                case .blob: return "blob"
                }
            }.joined(separator: " | ")
        }.sorted()
    }
}

/// A session with table `t (k, ts, event_time)` over `lines` (watermark 5 s behind) and late rows
/// going to table `late`; returns it and the late table's file.
func lateRowSession(_ directory: ScratchDirectory, lines: [String], extra: String = "") throws -> (Session, String) {
    let path = try directory.write("in.jsonl", lines: lines)
    let latePath = directory.path + "/late"
    let session = try runtimeSession("""
        CREATE TABLE t (k STRING, ts BIGINT, event_time AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND)
        WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
        CREATE TABLE late (operator STRING, row_time TIMESTAMP_LTZ(3), `row` STRING)
        WITH ('connector' = 'filesystem', 'path' = '\(latePath)', 'format' = 'json');
        SET 'table.exec.late-rows.sink' = 'late';
        \(extra)
        """)
    return (session, latePath)
}
