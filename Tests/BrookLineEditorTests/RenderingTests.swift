// Tests for the redraw escape sequences.
import Testing
@testable import BrookLineEditor

@Suite struct RenderingTests {
    @Test func redrawWritesPromptTextClearsAndPositionsCursor() {
        let output = Rendering.refresh(prompt: "brook> ", text: Array("SELECT"), cursor: 3, width: 80)
        #expect(output == "\rbrook> SELECT\u{1B}[K\r\u{1B}[10C")
    }

    @Test func cursorAtColumnZeroNeedsNoMove() {
        #expect(Rendering.refresh(prompt: "", text: Array("ab"), cursor: 0, width: 80) == "\rab\u{1B}[K\r")
    }

    @Test func longLinesScrollToKeepTheCursorVisible() {
        let text = Array("abcdefghijklmnopqrstuvwxyz")
        let output = Rendering.refresh(prompt: "> ", text: text, cursor: text.count, width: 10)
        #expect(output == "\r> tuvwxyz\u{1B}[K\r\u{1B}[9C")
        let start = Rendering.refresh(prompt: "> ", text: text, cursor: 0, width: 10)
        #expect(start == "\r> abcdefgh\u{1B}[K\r\u{1B}[2C")
    }

    @Test func promptWidthIgnoresColourEscapes() {
        #expect(Rendering.visibleWidth(of: "\u{1B}[1;32mbrook\u{1B}[0m> ") == 7)
        #expect(Rendering.visibleWidth(of: "é> ") == 3)
    }
}
