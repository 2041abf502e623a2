// What one call to LineEditor.readLine produced.

/// Lets the shell tell a finished line apart from Ctrl-C (abandon the statement) and end of input (quit).
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C.
    case interrupted
    /// Ctrl-D on an empty line, or end of file.
    case endOfInput
}
