// Tests for completion helpers.
import Testing
@testable import BrookLineEditor

@Suite struct CompletionTests {
    @Test func wordIncludesDotsUnderscoresAndBackticks() {
        let text = Array("SELECT `my_t`.col_1")
        #expect(Completion.wordStart(in: text, before: text.count) == 7)
        #expect(Completion.wordStart(in: text, before: 6) == 0)
        #expect(Completion.wordStart(in: Array("a, "), before: 3) == 3)
    }

    @Test func commonPrefixOfCandidates() {
        #expect(Completion.commonPrefix(of: ["orders", "order_items", "ordinal"]) == "ord")
        #expect(Completion.commonPrefix(of: ["abc"]) == "abc")
        #expect(Completion.commonPrefix(of: ["abc", "xyz"]) == "")
        #expect(Completion.commonPrefix(of: []) == "")
    }

    @Test func columnsFillDownThenAcross() {
        let output = Completion.columns(["a", "bb", "c", "d", "e"], width: 12)
        #expect(output == "a   c   e\nbb  d\n")
    }

    @Test func tooNarrowTerminalGivesOneColumn() {
        #expect(Completion.columns(["alpha", "beta"], width: 3) == "alpha\nbeta\n")
    }
}
