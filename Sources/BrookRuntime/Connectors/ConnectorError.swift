// A problem with a table's WITH options, naming the option.

/// A bad or unknown WITH option: which table, which option, and what is wrong with it.
public struct ConnectorError: Error, Sendable, CustomStringConvertible {
    public var table: String
    public var option: String
    public var message: String

    public init(table: String, option: String, message: String) {
        self.table = table
        self.option = option
        self.message = message
    }

    public var description: String { "table '\(table)': option '\(option)': \(message)" }
}
