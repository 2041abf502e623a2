// Tests for turning terminal bytes into keys.
import Testing
@testable import BrookLineEditor

@Suite struct KeyDecoderTests {
    private func decode(_ text: String) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(Array(text.utf8))
    }

    @Test func printableASCIIBecomesCharacters() {
        #expect(decode("ab ") == [.character("a"), .character("b"), .character(" ")])
    }

    @Test func arrowKeysInBothCursorModes() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(decode("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
    }

    @Test func everyHomeAndEndVariant() {
        #expect(decode("\u{1B}[H\u{1B}[1~\u{1B}[7~\u{1B}OH") == [.home, .home, .home, .home])
        #expect(decode("\u{1B}[F\u{1B}[4~\u{1B}[8~\u{1B}OF") == [.end, .end, .end, .end])
    }

    @Test func deleteKeyIncludingModifiedForm() {
        #expect(decode("\u{1B}[3~\u{1B}[3;5~") == [.delete, .delete])
    }

    @Test func controlBytesMapToEditingKeys() {
        let bytes: [UInt8] = [0x01, 0x05, 0x03, 0x04, 0x08, 0x7F, 0x09, 0x0B, 0x0C, 0x15, 0x17, 0x10, 0x0E, 0x02, 0x06]
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes) == [
            .home, .end, .interrupt, .deleteOrEndOfInput, .backspace, .backspace, .tab,
            .killToEnd, .clearScreen, .killToStart, .deleteWordBackward, .up, .down, .left, .right,
        ])
    }

    @Test func carriageReturnAndLineFeedAreEnterButCRLFIsOne() {
        #expect(decode("a\rb\nc\r\n") == [.character("a"), .enter, .character("b"), .enter, .character("c"), .enter])
        #expect(decode("\n\n") == [.enter, .enter])
    }

    @Test func crlfSplitAcrossReadsIsStillOneEnter() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x0D]) == [.enter])
        #expect(decoder.feed([0x0A, 0x61]) == [.character("a")])
    }

    @Test func escapeSequenceSplitAcrossReadsIsHeldBack() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.feed(Array("[".utf8)) == [])
        #expect(decoder.feed(Array("3".utf8)) == [])
        #expect(decoder.feed(Array("~x".utf8)) == [.delete, .character("x")])
    }

    @Test func multiByteUTF8IsOneCharacter() {
        #expect(decode("é€😀") == [.character("é"), .character("€"), .character("😀")])
    }

    @Test func utf8SplitAcrossReadsIsReassembled() {
        var decoder = KeyDecoder()
        let bytes = Array("😀".utf8)
        #expect(decoder.feed(bytes[..<1]) == [])
        #expect(decoder.feed(bytes[1..<3]) == [])
        #expect(decoder.feed(bytes[3...]) == [.character("😀")])
    }

    @Test func invalidUTF8IsDroppedWithoutLosingFollowingInput() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0xFF, 0x61, 0xC3, 0x62]) == [.character("a"), .character("b")])
    }

    @Test func unknownSequencesAndAltKeysAreIgnored() {
        #expect(decode("\u{1B}[15~a\u{1B}bc\u{1B}[Zd") == [.character("a"), .character("c"), .character("d")])
    }

    @Test func unhandledControlBytesAreIgnored() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1A, 0x00, 0x61]) == [.character("a")])
    }
}
