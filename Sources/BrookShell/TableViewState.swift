// The table view's state and screen, independent of the terminal: what a key does, what is drawn.
import Foundation

/// Flink's result table view: pages of a live result with keys to move between pages, change the
/// refresh interval, open a row and search. `screen` draws it for a terminal of a given size.
public struct TableViewState {
    public enum Prompt: Equatable { case none, page(String), row(String), search(String) }

    public static let refreshIntervals: [Double] = [0.1, 0.5, 1, 5, 10, 60]
    public static let legend = [
        " Q Quit   N Next Page   P Prev Page   G Goto Page   L Last Page",
        " + Faster Refresh   - Slower Refresh   R Refresh   O Open Row   / Search",
    ]

    public var page = 1
    public var followLast = false
    public var refreshIndex = 2
    public var prompt = Prompt.none
    public var openRow: Int?
    public var message: String?
    public var quit = false

    public init() {}

    public var refreshInterval: Double { TableViewState.refreshIntervals[refreshIndex] }

    public static func rowsPerPage(height: Int) -> Int { max(1, height - 6) }

    public static func pageCount(rows: Int, height: Int) -> Int { max(1, (rows + rowsPerPage(height: height) - 1) / rowsPerPage(height: height)) }

    /// What the view should do after a key: nothing more, refresh now, or search for text.
    public enum Action: Equatable { case none, refresh, search(String) }

    /// Applies one key press (a single character, or "\n" / "\u{7f}" / "\u{1b}" in prompts).
    public mutating func handle(_ key: Character, rows: Int, height: Int) -> Action {
        message = nil
        let pages = TableViewState.pageCount(rows: rows, height: height)
        if openRow != nil {
            openRow = nil
            return .none
        }
        switch prompt {
        case .page(let typed), .row(let typed), .search(let typed):
            switch key {
            case "\n", "\r":
                let wasPrompt = prompt
                prompt = .none
                switch wasPrompt {
                case .page:
                    guard let number = Int(typed), (1...pages).contains(number) else {
                        message = "no page \(typed); pages are 1 to \(pages)"
                        return .none
                    }
                    page = number
                    followLast = false
                case .row:
                    guard let number = Int(typed), (1...max(rows, 1)).contains(number), rows > 0 else {
                        message = "no row \(typed); rows are 1 to \(rows)"
                        return .none
                    }
                    openRow = number - 1
                case .search:
                    return typed.isEmpty ? .none : .search(typed)
                case .none:
                    break
                }
            case "\u{1b}":
                prompt = .none
            case "\u{7f}", "\u{08}":
                let shorter = String(typed.dropLast())
                prompt = retype(shorter)
            default:
                prompt = retype(typed + String(key))
            }
            return .none
        case .none:
            break
        }
        switch key.lowercased() {
        case "q": quit = true
        case "n":
            page = min(page + 1, pages)
            followLast = false
        case "p":
            page = max(page - 1, 1)
            followLast = false
        case "l":
            page = pages
            followLast = true
        case "g": prompt = .page("")
        case "o": prompt = .row("")
        case "/": prompt = .search("")
        case "+": refreshIndex = max(0, refreshIndex - 1)
        case "-": refreshIndex = min(TableViewState.refreshIntervals.count - 1, refreshIndex + 1)
        case "r": return .refresh
        default: break
        }
        return .none
    }

    private func retype(_ text: String) -> Prompt {
        switch prompt {
        case .page: return .page(text)
        case .row: return .row(text)
        case .search: return .search(text)
        case .none: return .none
        }
    }

    /// Keeps the page in range as rows arrive; "last page" keeps following the end.
    public mutating func settle(rows: Int, height: Int) {
        let pages = TableViewState.pageCount(rows: rows, height: height)
        if followLast { page = pages }
        page = min(max(page, 1), pages)
    }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss.SSS"
        return formatter.string(from: date)
    }

    static func interval(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int(seconds * 1000)) ms" : seconds < 60 ? "\(Int(seconds)) s" : "\(Int(seconds / 60)) min"
    }

    /// The screen as lines: title, status, header, the page's rows (or one opened row), legend.
    public func screen(headers: [String], pageRows: [[String]], openedRow: [String]?, rows: Int, updated: Date, running: Bool,
                       width: Int, height: Int) -> [String] {
        let pages = TableViewState.pageCount(rows: rows, height: height)
        var lines = [TableLayout.fit(" SQL Query Result (Table)", width)]
        let status = " Refresh: \(TableViewState.interval(refreshInterval))   Page: \(page) of \(pages)   Rows: \(rows)   Updated: \(TableViewState.clock(updated))   \(running ? "running" : "finished")"
        lines.append(TableLayout.fit(status, width))
        if let openedRow, let index = openRow {
            lines.append(TableLayout.fit(" Row \(index + 1) of \(rows) (any key returns to the table)", width))
            let nameWidth = headers.map(\.count).max() ?? 0
            for (name, value) in zip(headers, openedRow) {
                var remaining = value
                var first = true
                repeat {
                    let room = max(1, width - nameWidth - 3)
                    let piece = String(remaining.prefix(room))
                    remaining = String(remaining.dropFirst(room))
                    lines.append((first ? TableLayout.fit(name, nameWidth) : String(repeating: " ", count: nameWidth)) + " : " + piece)
                    first = false
                } while !remaining.isEmpty
            }
        } else {
            let layout = TableLayout(headers: headers, rows: pageRows, width: width)
            lines.append(layout.line(headers))
            lines += pageRows.map(layout.line)
        }
        while lines.count < height - 3 { lines.append("") }
        switch prompt {
        case .page(let typed): lines.append(" Go to page (1-\(pages)): " + typed)
        case .row(let typed): lines.append(" Open row (1-\(rows)): " + typed)
        case .search(let typed): lines.append(" Search: " + typed)
        case .none: lines.append(message.map { " " + $0 } ?? "")
        }
        lines += TableViewState.legend.map { TableLayout.fit($0, width) }
        return Array(lines.prefix(height))
    }
}
