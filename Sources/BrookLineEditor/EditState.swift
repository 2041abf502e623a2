// The line being edited, its cursor and history position, changed one key at a time.

/// Pure editing logic, so every key's behaviour can be tested without a terminal.
struct EditState {
    private(set) var text: [Character] = []
    /// Index into `text`, in Characters.
    private(set) var cursor = 0
    /// History entries followed by the line being typed; edits to recalled entries are kept here
    /// until the line is submitted, so moving up and down never loses what was typed.
    private var entries: [String]
    private var entryIndex: Int
    /// Set when a Tab left several candidates; a second Tab in a row lists them.
    private var awaitingSecondTab = false

    /// `history` is oldest first, already in single-line display form.
    init(history: [String] = []) {
        entries = history + [""]
        entryIndex = history.count
    }

    var line: String { String(text) }

    mutating func apply(_ key: Key, completions: (_ line: String, _ cursor: Int) -> [String]) -> EditEffect {
        let isSecondTab = awaitingSecondTab
        awaitingSecondTab = false
        switch key {
        case .tab:
            return complete(using: completions, isSecondTab: isSecondTab)
        case .character(let character):
            insert(character)
            return .refresh
        case .enter:
            return .finish(.line(line))
        case .interrupt:
            return .finish(.interrupted)
        case .deleteOrEndOfInput:
            if text.isEmpty { return .finish(.endOfInput) }
            return deleteUnderCursor()
        case .backspace:
            guard cursor > 0 else { return .bell }
            cursor -= 1
            text.remove(at: cursor)
            return .refresh
        case .delete:
            return deleteUnderCursor()
        case .left:
            guard cursor > 0 else { return .bell }
            cursor -= 1
            return .refresh
        case .right:
            guard cursor < text.count else { return .bell }
            cursor += 1
            return .refresh
        case .home:
            cursor = 0
            return .refresh
        case .end:
            cursor = text.count
            return .refresh
        case .killToEnd:
            text.removeSubrange(cursor...)
            return .refresh
        case .killToStart:
            text.removeSubrange(..<cursor)
            cursor = 0
            return .refresh
        case .deleteWordBackward:
            deleteWordBackward()
            return .refresh
        case .up:
            return moveInHistory(by: -1)
        case .down:
            return moveInHistory(by: 1)
        case .clearScreen:
            return .clearScreen
        }
    }

    private mutating func insert(_ character: Character) {
        text.insert(character, at: cursor)
        cursor += 1
        // A combining mark merges with the character before it; re-segmenting keeps one cursor step per Character.
        let merged = Array(String(text))
        if merged.count != text.count {
            cursor -= text.count - merged.count
            text = merged
        }
    }

    private mutating func deleteUnderCursor() -> EditEffect {
        guard cursor < text.count else { return .bell }
        text.remove(at: cursor)
        return .refresh
    }

    /// Deletes back to the previous whitespace, like Ctrl-W in readline and most shells.
    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && text[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !text[start - 1].isWhitespace { start -= 1 }
        text.removeSubrange(start..<cursor)
        cursor = start
    }

    private mutating func moveInHistory(by step: Int) -> EditEffect {
        let target = entryIndex + step
        guard entries.indices.contains(target) else { return .bell }
        entries[entryIndex] = line
        entryIndex = target
        text = Array(entries[target])
        cursor = text.count
        return .refresh
    }

    private mutating func complete(
        using completions: (_ line: String, _ cursor: Int) -> [String],
        isSecondTab: Bool
    ) -> EditEffect {
        let start = Completion.wordStart(in: text, before: cursor)
        let word = String(text[start..<cursor])
        var seen = Set<String>()
        let candidates = completions(line, cursor).filter { seen.insert($0).inserted }
        guard !candidates.isEmpty else { return .bell }
        if candidates.count == 1 {
            replace(start..<cursor, with: candidates[0])
            return .refresh
        }
        let prefix = Completion.commonPrefix(of: candidates)
        if prefix.count > word.count {
            replace(start..<cursor, with: prefix)
            awaitingSecondTab = true
            return .refresh
        }
        if isSecondTab { return .listCandidates(candidates) }
        awaitingSecondTab = true
        return .bell
    }

    private mutating func replace(_ range: Range<Int>, with replacement: String) {
        text.replaceSubrange(range, with: Array(replacement))
        cursor = range.lowerBound + replacement.count
    }
}
