// A problem with a table's WITH options or connector columns, naming the option or column.

/// A bad or unknown WITH option, or a column the connector cannot provide: which table, which
/// option (or column), and what is wrong with it.
public struct ConnectorError: Error, Sendable, CustomStringConvertible {
    public var table: String
    public var option: String
    /// Set when the problem is a column (a metadata column the connector does not know).
    public var column: String?
    public var message: String

    public init(table: String, option: String, message: String) {
        self.table = table
        self.option = option
        self.message = message
    }

    public init(table: String, column: String, message: String) {
        self.table = table
        self.option = "connector"
        self.column = column
        self.message = message
    }

    public var description: String { "table '\(table)': " + (column.map { "column '\($0)'" } ?? "option '\(option)'") + ": \(message)" }
}
