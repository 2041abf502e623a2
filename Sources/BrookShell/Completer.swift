// Tab completion for the shell: keywords, tables, views, their columns, and functions.
import BrookPlanner

/// Candidates for the word before the cursor, from the dialect's keywords and the session's
/// catalog and function registry, matched case-insensitively by prefix.
public struct Completer {
    static let keywords = [
        "SELECT", "FROM", "WHERE", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "JOIN", "LEFT JOIN", "ON", "AND", "OR", "NOT",
        "INSERT INTO", "CREATE TABLE", "CREATE VIEW", "CREATE OR REPLACE", "DROP TABLE", "DROP VIEW", "WITH", "AS", "VALUES",
        "SHOW TABLES", "SHOW VIEWS", "SHOW FUNCTIONS", "SHOW JOBS", "STOP JOB", "DESCRIBE", "EXPLAIN", "SET", "RESET",
        "OVER", "PARTITION BY", "ROWS BETWEEN", "RANGE BETWEEN", "PRECEDING", "CURRENT ROW", "INTERVAL", "WATERMARK FOR",
        "TABLE", "TUMBLE", "HOP", "CUMULATE", "DESCRIPTOR", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "DISTINCT", "UNION ALL",
    ]

    let session: Session

    public init(session: Session) { self.session = session }

    public func candidates(_ line: String, _ cursor: Int) -> [String] {
        let before = String(line.prefix(cursor))
        let word = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "`" }.reversed())
        guard !word.isEmpty else { return [] }
        var names = Completer.keywords + session.functions.all.map(\.name) + session.catalog.names
        for table in session.catalog.tables { names += table.columns.map(\.name) }
        for view in session.catalog.views { names += view.schema.fields.map(\.name) }
        let lowered = word.lowercased()
        return Array(Set(names.filter { $0.lowercased().hasPrefix(lowered) && $0.lowercased() != lowered })).sorted()
    }
}
