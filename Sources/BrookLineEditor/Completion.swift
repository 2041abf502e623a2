// Helpers for Tab completion: finding the word to complete, shared prefixes, and listing candidates.

/// Completion rules shared by the edit state and the terminal, kept apart so they can be tested directly.
enum Completion {
    /// Identifier-ish characters, including '.' and '`' so qualified and quoted names complete as one word.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "." || character == "`"
    }

    static func wordStart(in text: [Character], before cursor: Int) -> Int {
        var start = cursor
        while start > 0 && isWordCharacter(text[start - 1]) { start -= 1 }
        return start
    }

    static func commonPrefix(of candidates: [String]) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let shared = zip(prefix, candidate).prefix { $0 == $1 }.count
            prefix.removeSubrange(shared...)
        }
        return String(prefix)
    }

    /// Lays candidates out column by column (like `ls`), each line ending in "\n".
    static func columns(_ candidates: [String], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let cellWidth = (candidates.map(\.count).max() ?? 0) + 2
        let columnCount = max(1, width / cellWidth)
        let rowCount = (candidates.count + columnCount - 1) / columnCount
        var output = ""
        for row in 0..<rowCount {
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < candidates.count else { break }
                let candidate = candidates[index]
                let isLast = (column + 1) * rowCount + row >= candidates.count
                line += isLast ? candidate : candidate + String(repeating: " ", count: cellWidth - candidate.count)
            }
            output += line + "\n"
        }
        return output
    }
}
