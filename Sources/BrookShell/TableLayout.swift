// Lays out result rows as text: the full-screen table view's page and tableau output.
import Foundation

/// Column widths and cell truncation for a terminal of a given width. Long values are cut and
/// end with `~`, as Flink's table view shows them.
public struct TableLayout {
    public let headers: [String]
    public let widths: [Int]

    /// Widths that fit `width` characters: each column wants its longest cell (and header); if
    /// they do not fit, the widest columns give way until they do, never below 4 characters.
    public init(headers: [String], rows: [[String]], width: Int, separatorWidth: Int = 1) {
        self.headers = headers
        var wanted = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < wanted.count { wanted[index] = max(wanted[index], cell.count) }
        }
        let available = max(headers.count * 4, width - separatorWidth * max(0, headers.count - 1))
        while wanted.reduce(0, +) > available, let widest = wanted.indices.max(by: { wanted[$0] < wanted[$1] }), wanted[widest] > 4 {
            wanted[widest] -= 1
        }
        widths = wanted
    }

    /// `text` fitted to `width`: padded, or cut with a trailing `~`.
    public static func fit(_ text: String, _ width: Int, alignRight: Bool = false) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if flat.count > width { return String(flat.prefix(max(0, width - 1))) + "~" }
        let padding = String(repeating: " ", count: width - flat.count)
        return alignRight ? padding + flat : flat + padding
    }

    public func line(_ cells: [String]) -> String {
        zip(cells, widths).map { TableLayout.fit($0, $1) }.joined(separator: " ")
    }

    /// Flink's tableau form: a bordered table, then "N rows in set".
    public static func tableau(headers: [String], rows: [[String]]) -> String {
        var widths = headers.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        func render(_ cells: [String]) -> String {
            "|" + zip(cells, widths).map { " " + fit($0, $1, alignRight: true) + " " }.joined(separator: "|") + "|"
        }
        var out = [border, render(headers), border]
        out += rows.map(render)
        out.append(border)
        out.append(rows.count == 1 ? "1 row in set" : "\(rows.count) rows in set")
        return out.joined(separator: "\n")
    }
}
