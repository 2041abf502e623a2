// A query's materialized result, kept in SQLite so results larger than memory can be paged.
import BrookStorage
import Foundation

/// The rows a result shows after its changes are applied: +I and +U add a row, -U and -D remove
/// one equal row. Kept in a SQLite file in the Brook home rather than in memory, so ten million
/// rows can be paged through with a bounded footprint. Written by the query's thread and read by
/// the view's, so every access takes the lock.
public final class ResultStore: @unchecked Sendable {
    static let separator = "\u{1F}"
    private let database: Database
    private let path: String
    private let lock = NSLock()
    private var rowCount = 0
    /// Whether the index that finds a retracted row exists; appends never need it, so it is
    /// built at the first retraction.
    private var indexed = false
    public private(set) var updatedAt = Date()

    /// A store in `directory` (created if needed), removed again by `close`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("result-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).db")
        database = try Database(path: path)
        try database.execute("""
            PRAGMA synchronous = OFF;
            CREATE TABLE rows (id INTEGER PRIMARY KEY, cells TEXT NOT NULL);
            """)
    }

    public func close() {
        lock.withLock {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// Applies one batch of changes: `accumulate` true adds the row, false removes an equal one.
    public func apply(_ changes: [(accumulate: Bool, cells: [String])]) throws {
        try lock.withLock {
            try database.transaction {
                for change in changes {
                    let text = change.cells.joined(separator: ResultStore.separator)
                    if change.accumulate {
                        try database.run("INSERT INTO rows (cells) VALUES (?)", [.text(text)])
                        rowCount += 1
                    } else {
                        if !indexed {
                            try database.execute("CREATE INDEX rows_by_cells ON rows(cells)")
                            indexed = true
                        }
                        try database.run("DELETE FROM rows WHERE id = (SELECT id FROM rows WHERE cells = ? ORDER BY id LIMIT 1)", [.text(text)])
                        rowCount -= database.changes
                    }
                }
            }
            updatedAt = Date()
        }
    }

    public var count: Int { lock.withLock { rowCount } }

    /// Rows `offset ..< offset + limit` in arrival order.
    public func rows(offset: Int, limit: Int) throws -> [[String]] {
        try lock.withLock {
            try database.query("SELECT cells FROM rows ORDER BY id LIMIT ? OFFSET ?", [.integer(Int64(limit)), .integer(Int64(offset))]).map { row in
                (row[0].stringValue ?? "").components(separatedBy: ResultStore.separator)
            }
        }
    }

    /// The position of the first row at or after `start` containing `text`, if any.
    public func firstMatch(_ text: String, from start: Int) throws -> Int? {
        try lock.withLock {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            guard let id = try database.query("""
                SELECT id FROM rows WHERE id > (SELECT COALESCE(MAX(id), 0) FROM (SELECT id FROM rows ORDER BY id LIMIT ?))
                AND cells LIKE ? ESCAPE '\\' ORDER BY id LIMIT 1
                """, [.integer(Int64(start)), .text(pattern)]).first?.first?.int64Value else { return nil }
            return Int(try database.query("SELECT COUNT(*) FROM rows WHERE id < ?", [.integer(id)]).first?.first?.int64Value ?? 0)
        }
    }
}
