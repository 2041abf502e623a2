// What the terminal must do after the edit state handled a key.

/// Keeps the edit state free of I/O: it says what should happen and the terminal loop does it.
enum EditEffect: Equatable, Sendable {
    /// Redraw the prompt and line.
    case refresh
    /// Nothing to do for this key; ring the bell so the user notices.
    case bell
    case clearScreen
    /// Print these completion candidates below the line, then redraw.
    case listCandidates([String])
    case finish(LineInput)
}
