// The one error type of Brook's SQLite layer: what failed, with SQLite's code and message.
import CSQLite

/// An SQLite failure carrying the result code, SQLite's message and the SQL that failed,
/// so a caller can report it without a second look at the database.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}
