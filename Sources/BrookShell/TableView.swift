// The full-screen result table on a terminal: draws TableViewState and feeds it keys.
import BrookLineEditor
import BrookRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shows a live result full-screen until Q: redraws at the refresh interval while rows arrive,
/// reads single keys in raw mode, and restores the terminal (and the normal screen) on exit.
public enum TableView {
    public static func show(headers: [String], store: ResultStore, progress: JobProgress) {
        guard let mode = TerminalMode(rawOn: STDIN_FILENO) else { return }
        write("\u{1b}[?1049h\u{1b}[?25l")
        defer {
            mode.restore()
            write("\u{1b}[?25h\u{1b}[?1049l")
        }
        var state = TableViewState()
        var typedAhead: [Character] = []
        while !state.quit {
            let (width, height) = TerminalMode.size(of: STDOUT_FILENO)
            let rows = store.count
            state.settle(rows: rows, height: height)
            let perPage = TableViewState.rowsPerPage(height: height)
            let pageRows = (try? store.rows(offset: (state.page - 1) * perPage, limit: perPage)) ?? []
            let opened = state.openRow.flatMap { try? store.rows(offset: $0, limit: 1).first }
            let lines = state.screen(headers: headers, pageRows: pageRows, openedRow: opened, rows: rows, updated: store.updatedAt,
                                     running: !progress.isFinished, width: width, height: height)
            write("\u{1b}[H\u{1b}[2J" + lines.joined(separator: "\r\n"))
            if typedAhead.isEmpty { typedAhead = readKeys(timeout: state.refreshInterval) }
            guard !typedAhead.isEmpty else { continue }
            let key = typedAhead.removeFirst()
            switch state.handle(key, rows: rows, height: height) {
            case .search(let text):
                let start = (state.page - 1) * perPage
                let after = (try? store.firstMatch(text, from: start + 1)) ?? nil
                if let found = after ?? (try? store.firstMatch(text, from: 0)) ?? nil {
                    state.page = found / perPage + 1
                    state.followLast = false
                    state.message = "'\(text)' found in row \(found + 1)"
                } else {
                    state.message = "'\(text)' not found"
                }
            case .refresh, .none:
                continue
            }
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The keys typed, or none when `timeout` seconds pass without any. Several keys can arrive
    /// in one read (typing ahead, pasting); arrow and page keys page like N and P, Ctrl-C quits like Q.
    private static func readKeys(timeout: Double) -> [Character] {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        guard count > 0 else { return ["q"] }
        var keys: [Character] = []
        var index = 0
        while index < count {
            if bytes[index] == 0x1b, index + 2 < count, bytes[index + 1] == UInt8(ascii: "[") {
                let final = bytes[index + 2]
                index += 3
                if final >= UInt8(ascii: "0"), final <= UInt8(ascii: "9") {
                    // ESC [ n ~ : Page Down (6) and Page Up (5) page too; other such keys are ignored.
                    while index < count, bytes[index] != UInt8(ascii: "~") { index += 1 }
                    index += 1
                    if final == UInt8(ascii: "6") { keys.append("n") }
                    if final == UInt8(ascii: "5") { keys.append("p") }
                } else if final == UInt8(ascii: "C") || final == UInt8(ascii: "B") {
                    keys.append("n")
                } else if final == UInt8(ascii: "D") || final == UInt8(ascii: "A") {
                    keys.append("p")
                }
                continue
            }
            if bytes[index] == 0x03 {
                keys.append("q")
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            keys += String(decoding: bytes[start..<index], as: UTF8.self)
        }
        return keys
    }
}
