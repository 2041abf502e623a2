// End-to-end tests running the editor against a real pseudo-terminal.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import BrookLineEditor

/// Carries the editor and its result across the reader thread; each is touched by one thread at a time.
private final class Handoff<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// A pty pair driving one editor, the way a user at a terminal would.
private final class PseudoTerminal {
    private var master: Int32 = -1
    private var slave: Int32 = -1
    let editor: LineEditor

    init(historyPath: String? = nil, completions: @escaping (String, Int) -> [String] = { _, _ in [] }) throws {
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENODEV) }
        editor = LineEditor(
            inputDescriptor: slave,
            outputDescriptor: slave,
            historyPath: historyPath,
            completions: completions
        )
    }

    deinit {
        close(master)
        close(slave)
    }

    var slaveIsCanonical: Bool {
        var settings = termios()
        tcgetattr(slave, &settings)
        return settings.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Starts `readLine` on another thread and types `keys` once raw mode is on. If the editor has not
    /// answered within `timeout`, hangs up the terminal (which fails its blocked read) and returns what it
    /// answers then; nil only if it still does not finish.
    func readLine(typing keys: String, timeout: TimeInterval = 5) -> LineInput? {
        let editor = Handoff(editor)
        let result = Handoff<LineInput?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            result.value = editor.value.readLine(prompt: "brook> ")
            done.signal()
        }.start()
        let deadline = Date().addingTimeInterval(timeout)
        while slaveIsCanonical && Date() < deadline { usleep(1_000) }
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        if done.wait(timeout: .now() + max(0, deadline.timeIntervalSinceNow)) == .timedOut {
            close(master)
            master = -1
            guard done.wait(timeout: .now() + 5) == .success else { return nil }
        }
        return result.value
    }

    /// Everything the editor has drawn so far.
    func drainOutput() -> String {
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 50) > 0 {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            collected += buffer[..<count]
        }
        return String(decoding: collected, as: UTF8.self)
    }
}

@Suite(.serialized) struct PseudoTerminalTests {
    @Test func editsWithArrowKeysAndReturnsTheLine() throws {
        let terminal = try PseudoTerminal()
        #expect(terminal.editor.isInteractive)
        #expect(terminal.readLine(typing: "SELCT\u{1B}[D\u{1B}[DE\u{1B}[C\u{1B}[C\r") == .line("SELECT"))
        #expect(terminal.drainOutput().hasPrefix("brook> "))
    }

    @Test func terminalIsRestoredAfterReading() throws {
        let terminal = try PseudoTerminal()
        #expect(terminal.readLine(typing: "x\r") == .line("x"))
        #expect(terminal.slaveIsCanonical)
    }

    @Test func controlCInterruptsAndEchoesCaret() throws {
        let terminal = try PseudoTerminal()
        #expect(terminal.readLine(typing: "SELECT\u{03}") == .interrupted)
        #expect(terminal.drainOutput().hasSuffix("^C\r\n"))
        #expect(terminal.slaveIsCanonical)
    }

    @Test func controlDOnEmptyLineEndsInput() throws {
        let terminal = try PseudoTerminal()
        #expect(terminal.readLine(typing: "\u{04}") == .endOfInput)
    }

    @Test func hangingUpMidLineEndsInputInsteadOfSubmitting() throws {
        let terminal = try PseudoTerminal()
        #expect(terminal.readLine(typing: "DROP TA", timeout: 0.3) == .endOfInput)
    }

    @Test func tabCompletesThroughTheTerminal() throws {
        let terminal = try PseudoTerminal { _, _ in ["SELECT"] }
        #expect(terminal.readLine(typing: "sel\t 1\r") == .line("SELECT 1"))
    }

    @Test func doubleTabListsCandidatesAndRedrawsThePrompt() throws {
        let terminal = try PseudoTerminal { _, _ in ["orders", "order_items"] }
        #expect(terminal.readLine(typing: "ord\t\t\r") == .line("order"))
        let output = terminal.drainOutput()
        #expect(output.contains("\norders       order_items\r\n\rbrook> order"))
        #expect(output.hasSuffix("\rbrook> order\u{1B}[K\r\u{1B}[12C\r\n"))
    }

    @Test func historyPersistsAndUpArrowRecallsMultiLineEntriesAsOneLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brook-pty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history").path
        do {
            let terminal = try PseudoTerminal(historyPath: path)
            terminal.editor.addHistory("SELECT *\nFROM t")
        }
        let terminal = try PseudoTerminal(historyPath: path)
        #expect(terminal.readLine(typing: "draft\u{1B}[A;\r") == .line("SELECT * FROM t;"))
        #expect(terminal.readLine(typing: "draft\u{1B}[A\u{1B}[B\r") == .line("draft"))
    }
}

@Suite struct NonInteractiveTests {
    @Test func pipedInputIsReadPlainlyWithoutAnyOutput() throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        #expect(pipe(&output) == 0)
        defer { for descriptor in input + output { close(descriptor) } }
        let text = Array("SELECT 1;\r\nSELECT \u{1B}[D2;\nlast".utf8)
        _ = text.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        close(input[1])
        input[1] = -1

        let editor = LineEditor(inputDescriptor: input[0], outputDescriptor: output[1], historyPath: nil) { _, _ in [] }
        #expect(!editor.isInteractive)
        #expect(editor.readLine(prompt: "brook> ") == .line("SELECT 1;"))
        #expect(editor.readLine(prompt: "brook> ") == .line("SELECT \u{1B}[D2;"))
        #expect(editor.readLine(prompt: "brook> ") == .line("last"))
        #expect(editor.readLine(prompt: "brook> ") == .endOfInput)

        var descriptor = pollfd(fd: output[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&descriptor, 1, 0) == 0)
    }
}
