// The editing actions a keystroke (or escape sequence) can mean.

/// Separates "what the user pressed" from the bytes the terminal sent, so the editing logic never sees escape sequences.
enum Key: Equatable, Sendable {
    case character(Character)
    case enter
    case tab
    case backspace
    case delete
    case left
    case right
    case home
    case end
    case up
    case down
    case killToEnd
    case killToStart
    case deleteWordBackward
    case clearScreen
    case interrupt
    /// Ctrl-D: its meaning depends on whether the line is empty, which only the edit state knows.
    case deleteOrEndOfInput
}
