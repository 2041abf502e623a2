// Reads lines for the interactive SQL shell, with editing, history and completion on a terminal.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brook's own line editor, so the shell needs neither GPL readline nor a system libedit.
///
/// Used from one thread; it is deliberately not Sendable because it owns the terminal and buffered input.
public final class LineEditor {
    private let input: Int32
    private let output: Int32
    private let completions: (_ line: String, _ cursor: Int) -> [String]
    private var history: History
    private var decoder = KeyDecoder()
    /// Keys decoded but not yet used, e.g. the rest of a multi-line paste after the first Enter.
    private var pendingKeys: [Key] = []
    /// Bytes read but not yet returned by the non-interactive reader on a non-stdin descriptor.
    private var plainBuffer: [UInt8] = []

    /// `historyPath` names a file (created if missing) holding previous entries, one per line with
    /// newlines escaped; at most `historyLimit` entries are kept. `completions` receives the whole line
    /// and the cursor position in Characters and returns full replacements for the word before the cursor.
    public convenience init(
        historyPath: String?,
        historyLimit: Int = 1000,
        completions: @escaping (_ line: String, _ cursor: Int) -> [String]
    ) {
        self.init(
            inputDescriptor: STDIN_FILENO,
            outputDescriptor: STDOUT_FILENO,
            historyPath: historyPath,
            historyLimit: historyLimit,
            completions: completions
        )
    }

    /// Reads from and draws on the given descriptors instead of stdin/stdout, e.g. a pseudo-terminal.
    public init(
        inputDescriptor: Int32,
        outputDescriptor: Int32,
        historyPath: String?,
        historyLimit: Int = 1000,
        completions: @escaping (_ line: String, _ cursor: Int) -> [String]
    ) {
        input = inputDescriptor
        output = outputDescriptor
        self.completions = completions
        history = History(path: historyPath, limit: historyLimit)
    }

    /// True when both input and output are terminals, i.e. when editing and prompts make sense.
    public var isInteractive: Bool {
        isatty(input) == 1 && isatty(output) == 1
    }

    /// Reads one line with editing when input and output are terminals; otherwise reads a plain line
    /// and prints nothing, so piped scripts produce clean output.
    public func readLine(prompt: String) -> LineInput {
        guard isInteractive, let mode = TerminalMode(rawOn: input) else { return readPlainLine() }
        defer { mode.restore() }
        return edit(prompt: prompt)
    }

    /// Adds a finished entry (e.g. a whole multi-line statement joined with "\n") and saves the file.
    /// A failed save is ignored: losing history must not interrupt the session.
    public func addHistory(_ entry: String) {
        try? history.add(entry)
    }

    private func edit(prompt: String) -> LineInput {
        var state = EditState(history: history.entries.map(History.displayForm))
        emit(prompt)
        while true {
            guard let key = nextKey() else {
                // The terminal went away: quitting is safer than running a half-typed statement.
                emit("\n")
                return .endOfInput
            }
            switch state.apply(key, completions: completions) {
            case .refresh:
                redraw(prompt: prompt, state: state)
            case .bell:
                emit("\u{07}")
            case .clearScreen:
                emit(Rendering.clearScreen)
                redraw(prompt: prompt, state: state)
            case .listCandidates(let candidates):
                emit("\n" + Completion.columns(candidates, width: TerminalMode.width(of: output)))
                redraw(prompt: prompt, state: state)
            case .finish(let result):
                // Park the cursor after the text so "^C" and the newline don't overwrite any of it.
                redraw(prompt: prompt, text: state.text, cursor: state.text.count)
                if result == .interrupted { emit("^C") }
                emit("\n")
                return result
            }
        }
    }

    private func redraw(prompt: String, state: EditState) {
        redraw(prompt: prompt, text: state.text, cursor: state.cursor)
    }

    private func redraw(prompt: String, text: [Character], cursor: Int) {
        let width = TerminalMode.width(of: output)
        emit(Rendering.refresh(prompt: prompt, text: text, cursor: cursor, width: width))
    }

    /// Nil at end of input or on a read error (e.g. the terminal went away).
    private func nextKey() -> Key? {
        var buffer = [UInt8](repeating: 0, count: 256)
        while pendingKeys.isEmpty {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            pendingKeys += decoder.feed(buffer[..<count])
        }
        return pendingKeys.removeFirst()
    }

    private func readPlainLine() -> LineInput {
        if input == STDIN_FILENO {
            return Swift.readLine().map(LineInput.line) ?? .endOfInput
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = plainBuffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = plainBuffer[..<newline]
                plainBuffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            plainBuffer += buffer[..<count]
        }
        guard !plainBuffer.isEmpty else { return .endOfInput }
        defer { plainBuffer.removeAll() }
        return .line(String(decoding: plainBuffer, as: UTF8.self))
    }

    private func emit(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
