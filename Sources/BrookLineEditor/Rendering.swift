// Builds the escape sequences that redraw the prompt and the edited line.

/// Pure rendering, so the bytes sent to the terminal can be checked in tests.
enum Rendering {
    static let clearToEndOfLine = "\u{1B}[K"
    static let clearScreen = "\u{1B}[H\u{1B}[2J"

    /// Redraws on one terminal row. Lines too long for the row scroll horizontally around the cursor
    /// rather than wrap, because a `\r` redraw can only reach the start of the current row.
    static func refresh(prompt: String, text: [Character], cursor: Int, width: Int) -> String {
        let promptWidth = visibleWidth(of: prompt)
        // One cell is always reserved for the cursor past the last character.
        let available = max(1, width - promptWidth)
        let start = max(0, cursor - (available - 1))
        let end = min(text.count, start + available)
        let column = promptWidth + cursor - start
        var output = "\r" + prompt + String(text[start..<end]) + clearToEndOfLine + "\r"
        if column > 0 { output += "\u{1B}[\(column)C" }
        return output
    }

    /// Counts Characters, skipping ANSI escape sequences so a coloured prompt measures right.
    static func visibleWidth(of text: String) -> Int {
        var visible = String.UnicodeScalarView()
        var inEscape = false
        var sawBracket = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if !sawBracket && scalar == "[" {
                    sawBracket = true
                } else if !sawBracket || (0x40...0x7E).contains(scalar.value) {
                    inEscape = false
                }
            } else if scalar == "\u{1B}" {
                inEscape = true
                sawBracket = false
            } else {
                visible.append(scalar)
            }
        }
        return String(visible).count
    }
}
