// Tests for the history file.
import Foundation
import Testing
@testable import BrookLineEditor

@Suite struct HistoryTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("brook-history-\(UUID().uuidString)")
            .appendingPathComponent("history").path
    }

    private func removeDirectory(of path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    @Test func escapingRoundTripsNewlinesAndBackslashes() {
        let entry = "SELECT 'a\\nb'\nFROM t\r\\"
        let escaped = History.escape(entry)
        #expect(!escaped.contains("\n"))
        #expect(escaped == "SELECT 'a\\\\nb'\\nFROM t\\r\\\\")
        #expect(History.unescape(escaped) == entry)
    }

    @Test func unknownEscapesAndTrailingBackslashSurviveLoading() {
        #expect(History.unescape("a\\tb\\") == "a\\tb\\")
    }

    @Test func missingFileIsCreated() throws {
        let path = temporaryPath()
        defer { removeDirectory(of: path) }
        let history = History(path: path, limit: 10)
        #expect(history.entries.isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func multiLineEntriesRoundTripThroughTheFile() throws {
        let path = temporaryPath()
        defer { removeDirectory(of: path) }
        var history = History(path: path, limit: 10)
        try history.add("SELECT *\nFROM t\nWHERE a = '\\'")
        try history.add("SHOW TABLES")
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(contents == "SELECT *\\nFROM t\\nWHERE a = '\\\\'\nSHOW TABLES\n")
        #expect(History(path: path, limit: 10).entries == ["SELECT *\nFROM t\nWHERE a = '\\'", "SHOW TABLES"])
    }

    @Test func entriesAreCappedOldestFirst() throws {
        let path = temporaryPath()
        defer { removeDirectory(of: path) }
        var history = History(path: path, limit: 3)
        for number in 1...5 { try history.add("q\(number)") }
        #expect(history.entries == ["q3", "q4", "q5"])
        #expect(History(path: path, limit: 3).entries == ["q3", "q4", "q5"])
        #expect(History(path: path, limit: 2).entries == ["q4", "q5"])
    }

    @Test func blankEntriesAndImmediateRepeatsAreSkipped() throws {
        var history = History(path: nil, limit: 10)
        try history.add("a")
        try history.add("a")
        try history.add("  \n")
        try history.add("b")
        try history.add("a")
        #expect(history.entries == ["a", "b", "a"])
    }

    @Test func historyFileIsPrivateToTheUser() throws {
        let path = temporaryPath()
        defer { removeDirectory(of: path) }
        var history = History(path: path, limit: 10)
        try history.add("SELECT 1")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func recalledMultiLineEntryIsOneLine() {
        #expect(History.displayForm("SELECT *\nFROM t\r\n\tWHERE x") == "SELECT * FROM t  WHERE x")
    }
}
