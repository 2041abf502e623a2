// Tests for the editing state machine, one key at a time.
import Testing
@testable import BrookLineEditor

@Suite struct EditStateTests {
    private static let noCompletions: @Sendable (String, Int) -> [String] = { _, _ in [] }

    /// Types `text` then applies `keys`, returning the effect of the last key.
    @discardableResult
    private func apply(
        _ state: inout EditState,
        typing text: String = "",
        _ keys: [Key] = [],
        completions: (String, Int) -> [String] = noCompletions
    ) -> EditEffect? {
        var last: EditEffect?
        for key in text.map(Key.character) + keys {
            last = state.apply(key, completions: completions)
        }
        return last
    }

    @Test func typingInsertsAtCursor() {
        var state = EditState()
        apply(&state, typing: "SELCT", [.left, .left])
        apply(&state, typing: "E", [.right, .right])
        #expect(state.line == "SELECT")
        #expect(state.cursor == 6)
    }

    @Test func multiByteCharactersMoveTheCursorOneStep() {
        var state = EditState()
        apply(&state, typing: "café", [.left, .backspace])
        #expect(state.line == "caé")
        #expect(state.cursor == 2)
    }

    @Test func combiningMarkJoinsThePreviousCharacter() {
        var state = EditState()
        apply(&state, typing: "e\u{301}x")
        #expect(state.text.count == 2)
        #expect(state.cursor == 2)
    }

    @Test func enterFinishesWithTheWholeLineWhereverTheCursorIs() {
        var state = EditState()
        #expect(apply(&state, typing: "abc", [.home, .enter]) == .finish(.line("abc")))
    }

    @Test func interruptFinishesAsInterrupted() {
        var state = EditState()
        #expect(apply(&state, typing: "abc", [.interrupt]) == .finish(.interrupted))
    }

    @Test func controlDOnEmptyLineEndsInput() {
        var state = EditState()
        #expect(state.apply(.deleteOrEndOfInput, completions: Self.noCompletions) == .finish(.endOfInput))
    }

    @Test func controlDOnNonEmptyLineDeletesUnderCursor() {
        var state = EditState()
        #expect(apply(&state, typing: "abc", [.home, .deleteOrEndOfInput]) == .refresh)
        #expect(state.line == "bc")
        #expect(apply(&state, [.end, .deleteOrEndOfInput]) == .bell)
        #expect(state.line == "bc")
    }

    @Test func homeEndAndArrowsMoveTheCursor() {
        var state = EditState()
        apply(&state, typing: "abcd", [.home])
        #expect(state.cursor == 0)
        #expect(apply(&state, [.left]) == .bell)
        apply(&state, [.right, .right])
        #expect(state.cursor == 2)
        apply(&state, [.end])
        #expect(state.cursor == 4)
        #expect(apply(&state, [.right]) == .bell)
    }

    @Test func backspaceDeletesBeforeCursorAndDeleteUnderIt() {
        var state = EditState()
        apply(&state, typing: "abcd", [.left, .left, .backspace])
        #expect(state.line == "acd")
        #expect(state.cursor == 1)
        apply(&state, [.delete])
        #expect(state.line == "ad")
        #expect(state.cursor == 1)
        #expect(apply(&state, [.home, .backspace]) == .bell)
    }

    @Test func killToEndAndKillToStart() {
        var state = EditState()
        apply(&state, typing: "hello world", [.home, .right, .right, .right, .right, .right, .killToEnd])
        #expect(state.line == "hello")
        apply(&state, [.left, .left, .killToStart])
        #expect(state.line == "lo")
        #expect(state.cursor == 0)
    }

    @Test func controlWDeletesThePreviousWhitespaceDelimitedWord() {
        var state = EditState()
        apply(&state, typing: "SELECT a.b FROM t  ", [.deleteWordBackward])
        #expect(state.line == "SELECT a.b FROM ")
        apply(&state, [.deleteWordBackward, .deleteWordBackward])
        #expect(state.line == "SELECT ")
    }

    @Test func controlWInsideAWordDeletesOnlyUpToTheCursor() {
        var state = EditState()
        apply(&state, typing: "one twothree", [.left, .left, .left, .left, .left, .deleteWordBackward])
        #expect(state.line == "one three")
        #expect(state.cursor == 4)
    }

    @Test func clearScreenAsksForAClearAndKeepsTheLine() {
        var state = EditState()
        #expect(apply(&state, typing: "abc", [.clearScreen]) == .clearScreen)
        #expect(state.line == "abc")
    }

    @Test func upAndDownWalkHistoryAndKeepTheUnfinishedLine() {
        var state = EditState(history: ["first", "second"])
        apply(&state, typing: "draft", [.up])
        #expect(state.line == "second")
        #expect(state.cursor == 6)
        apply(&state, [.up])
        #expect(state.line == "first")
        #expect(apply(&state, [.up]) == .bell)
        apply(&state, [.down, .down])
        #expect(state.line == "draft")
        #expect(apply(&state, [.down]) == .bell)
    }

    @Test func editsToRecalledEntriesSurviveMovingAway() {
        var state = EditState(history: ["first", "second"])
        apply(&state, [.up])
        apply(&state, typing: "!", [.up, .down])
        #expect(state.line == "second!")
    }

    @Test func upWithNoHistoryRingsTheBell() {
        var state = EditState()
        #expect(apply(&state, [.up]) == .bell)
    }

    @Test func tabPassesLineAndCursorToCompletions() {
        var state = EditState()
        var seen: (String, Int)?
        apply(&state, typing: "SELECT x FROM", [.left, .left, .left, .left, .left, .left, .tab]) { line, cursor in
            seen = (line, cursor)
            return []
        }
        #expect(seen?.0 == "SELECT x FROM")
        #expect(seen?.1 == 7)
    }

    @Test func singleCandidateReplacesTheWordBeforeTheCursor() {
        var state = EditState()
        let effect = apply(&state, typing: "select * fr", [.tab]) { _, _ in ["FROM"] }
        #expect(effect == .refresh)
        #expect(state.line == "select * FROM")
        #expect(state.cursor == 13)
    }

    @Test func completionInTheMiddleKeepsTheRestOfTheLine() {
        var state = EditState()
        apply(&state, typing: "SELECT us.na FROM users", [.home] + Array(repeating: .right, count: 12) + [.tab]) { _, _ in
            ["us.name"]
        }
        #expect(state.line == "SELECT us.name FROM users")
        #expect(state.cursor == 14)
    }

    @Test func severalCandidatesCompleteTheirCommonPrefix() {
        var state = EditState()
        let effect = apply(&state, typing: "SELECT * FROM ord", [.tab]) { _, _ in ["orders", "order_items"] }
        #expect(effect == .refresh)
        #expect(state.line == "SELECT * FROM order")
    }

    @Test func secondConsecutiveTabListsCandidates() {
        var state = EditState()
        let candidates = ["orders", "order_items", "orders"]
        #expect(apply(&state, typing: "order", [.tab]) { _, _ in candidates } == .bell)
        #expect(apply(&state, [.tab]) { _, _ in candidates } == .listCandidates(["orders", "order_items"]))
        #expect(state.line == "order")
    }

    @Test func tabAfterCompletingThePrefixListsOnTheNextTab() {
        var state = EditState()
        let candidates = ["orders", "order_items"]
        #expect(apply(&state, typing: "or", [.tab]) { _, _ in candidates } == .refresh)
        #expect(apply(&state, [.tab]) { _, _ in candidates } == .listCandidates(candidates))
    }

    @Test func anotherKeyBetweenTabsResetsTheListing() {
        var state = EditState()
        let candidates = ["orders", "order_items"]
        apply(&state, typing: "order", [.tab]) { _, _ in candidates }
        apply(&state, [.left, .right])
        #expect(apply(&state, [.tab]) { _, _ in candidates } == .bell)
    }

    @Test func noCandidatesRingsTheBell() {
        var state = EditState()
        #expect(apply(&state, typing: "zz", [.tab]) == .bell)
        #expect(state.line == "zz")
    }
}
