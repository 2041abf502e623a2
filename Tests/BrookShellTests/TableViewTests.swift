// The table view pages, opens rows and searches as Flink's does, and the result store keeps up.
import BrookShell
import Foundation
import Testing

@Suite struct TableViewTests {
    @Test func keysMoveBetweenPagesAndFollowTheLast() {
        var state = TableViewState()
        let rows = 100
        let height = 16
        #expect(TableViewState.pageCount(rows: rows, height: height) == 10)
        _ = state.handle("n", rows: rows, height: height)
        _ = state.handle("N", rows: rows, height: height)
        #expect(state.page == 3)
        _ = state.handle("p", rows: rows, height: height)
        #expect(state.page == 2)
        _ = state.handle("l", rows: rows, height: height)
        #expect(state.page == 10)
        state.settle(rows: 150, height: height)
        #expect(state.page == 15, "the last page stays the last as rows arrive")
        for key in "g7\n" { _ = state.handle(key, rows: 150, height: height) }
        #expect(state.page == 7)
        for key in "g99\n" { _ = state.handle(key, rows: 150, height: height) }
        #expect(state.page == 7)
        #expect(state.message == "no page 99; pages are 1 to 15")
        _ = state.handle("+", rows: rows, height: height)
        #expect(state.refreshInterval == 0.5)
        _ = state.handle("-", rows: rows, height: height)
        _ = state.handle("-", rows: rows, height: height)
        #expect(state.refreshInterval == 5)
        #expect(state.handle("/", rows: rows, height: height) == .none)
        for key in "MSF" { _ = state.handle(key, rows: rows, height: height) }
        #expect(state.handle("T", rows: rows, height: height) == .none)
        #expect(state.handle("\n", rows: rows, height: height) == .search("MSFT"))
        _ = state.handle("q", rows: rows, height: height)
        #expect(state.quit)
    }

    @Test func screenShowsStatusPageRowsAndTruncatesLongValues() {
        var state = TableViewState()
        state.page = 2
        let headers = ["symbol", "headline"]
        let rows = [["AAPL", String(repeating: "x", count: 100)], ["MSFT", "short"]]
        let screen = state.screen(headers: headers, pageRows: rows, openedRow: nil, rows: 25, updated: Date(timeIntervalSince1970: 0),
                                  running: true, width: 80, height: 16)
        #expect(screen.count == 16)
        #expect(screen[1].contains("Page: 2 of 3"))
        #expect(screen[1].contains("Rows: 25"))
        #expect(screen[1].contains("Updated: "))
        #expect(screen[3].hasPrefix("AAPL   xxxx"))
        #expect(screen[3].hasSuffix("~"))
        #expect(screen[3].count == 80)
        #expect(screen.last!.contains("/ Search"))
        for key in "o1\n" { _ = state.handle(key, rows: 25, height: 16) }
        let opened = state.screen(headers: headers, pageRows: rows, openedRow: rows[0], rows: 25, updated: Date(), running: false, width: 40, height: 16)
        let body = opened[3..<(opened.count - 3)]
        #expect(opened[2].contains("Row 1 of 25"))
        #expect(opened[3].hasPrefix("symbol   : AAPL"))
        #expect(body.joined().filter { $0 == "x" }.count == 100, "an opened row shows the whole value")
    }

    @Test func resultStoreAppliesChangesAndPagesAndSearches() throws {
        let store = try ResultStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("brook-store-\(UUID().uuidString)").path)
        defer { store.close() }
        try store.apply((1...1000).map { (accumulate: true, cells: ["S\($0)", "\($0)"]) })
        try store.apply([(accumulate: false, cells: ["S3", "3"]), (accumulate: true, cells: ["S3", "33"])])
        #expect(store.count == 1000)
        #expect(try store.rows(offset: 0, limit: 3) == [["S1", "1"], ["S2", "2"], ["S4", "4"]])
        #expect(try store.rows(offset: 999, limit: 5) == [["S3", "33"]])
        #expect(try store.firstMatch("S50", from: 0) == 48)
        #expect(try store.firstMatch("S50", from: 49) == 498)
        #expect(try store.firstMatch("nowhere", from: 0) == nil)
    }
}
