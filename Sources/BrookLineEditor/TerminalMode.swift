// Switches a terminal into raw mode and back.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds the original settings so the terminal is always restored exactly as the shell found it.
/// Public so the shell's full-screen table view uses the same raw mode as line editing.
public struct TerminalMode {
    private let descriptor: Int32
    private let original: termios

    /// Returns nil when `descriptor` is not a terminal or refuses the change.
    public init?(rawOn descriptor: Int32) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return nil }
        self.descriptor = descriptor
        original = settings
        settings.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        settings.c_cflag |= tcflag_t(CS8)
        // ISIG off makes Ctrl-C arrive as byte 0x03 instead of killing the shell; OPOST stays on so "\n" still returns the carriage.
        settings.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &settings.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        // TCSANOW rather than TCSAFLUSH: flushing would discard keystrokes typed (or pasted) ahead of the prompt.
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else { return nil }
    }

    public func restore() {
        var settings = original
        tcsetattr(descriptor, TCSANOW, &settings)
    }

    /// Columns of the terminal on `descriptor`, or 80 when it cannot say (e.g. a pty nobody sized).
    static func width(of descriptor: Int32) -> Int { size(of: descriptor).width }

    /// Columns and rows of the terminal on `descriptor`, or 80 by 24 when it cannot say.
    public static func size(of descriptor: Int32) -> (width: Int, height: Int) {
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
        guard result == 0, size.ws_col > 0 else { return (80, 24) }
        return (Int(size.ws_col), size.ws_row > 0 ? Int(size.ws_row) : 24)
    }
}
