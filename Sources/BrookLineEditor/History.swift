// Previous entries, kept in a file one per line with newlines and backslashes escaped.
import Foundation

/// Gives the shell persistent, capped history without a readline dependency.
struct History {
    private(set) var entries: [String] = []
    let limit: Int
    let path: String?

    /// Loads `path` if it exists and creates it (empty) if not; an unreadable file simply starts empty history.
    init(path: String?, limit: Int) {
        self.path = path
        self.limit = max(0, limit)
        guard let path else { return }
        if let data = FileManager.default.contents(atPath: path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            entries = lines.map { Self.unescape(String($0)) }
            trimToLimit()
        } else {
            try? save()
        }
    }

    /// Skips blank entries and immediate repeats, which only clutter Up-arrow navigation.
    mutating func add(_ entry: String) throws {
        guard !entry.allSatisfy(\.isWhitespace), entry != entries.last else { return }
        entries.append(entry)
        trimToLimit()
        try save()
    }

    /// Writes to a temporary file and renames it over the old one, so a crash never leaves half a history.
    func save() throws {
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let body = entries.map { Self.escape($0) + "\n" }.joined()
        try Data(body.utf8).write(to: url, options: .atomic)
        // History can hold credentials typed into SQL, so keep it private to the user.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// How a possibly multi-line entry appears when recalled: the editor works on a single row,
    /// so line breaks and tabs become spaces (SQL treats them alike).
    static func displayForm(_ entry: String) -> String {
        String(entry.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }

    static func escape(_ entry: String) -> String {
        var escaped = ""
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Unknown escapes are kept verbatim so a hand-edited file loses nothing.
    static func unescape(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var iterator = line.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            switch iterator.next() {
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case let other?:
                result.append("\\")
                result.append(other)
            case nil:
                result.append("\\")
            }
        }
        return String(result)
    }

    private mutating func trimToLimit() {
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }
}
