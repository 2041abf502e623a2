// A record that cannot be read, with the file, line and column where reading stopped.

/// A malformed input record: `file:line:column: message`.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
