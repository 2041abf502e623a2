// String functions beyond the basics follow Flink's documented results, edge cases included.
import BrookCore
import BrookRuntime
import Testing

@Suite struct StringFunctionTests {
    @Test func positionTakesTheStandardInForm() throws {
        #expect(try selectRow("POSITION('l' IN 'hello'), POSITION('z' IN 'hello'), POSITION('l', 'hello'), POSITION('' IN 'abc'), POSITION('b' || 'c' IN 'abc')") == [
            .integer(3), .integer(0), .integer(3), .integer(1), .integer(2),
        ])
    }

    @Test func substringFollowsFlinkAtZeroBeforeTheStartAndForNegativeLengths() throws {
        #expect(try selectRow("SUBSTRING('hello', 0, 2), SUBSTRING('hello', 2, -1), SUBSTRING('hello', -10, 3), SUBSTRING('hello', 0), SUBSTRING('hello', -3), SUBSTRING('hello' FROM 2 FOR 2)") == [
            .string("he"), .null, .string(""), .string("hello"), .string("llo"), .string("el"),
        ])
    }

    @Test func locateSplitIndexRepeatReverseAndOverlay() throws {
        #expect(try selectRow("LOCATE('l', 'hello'), LOCATE('l', 'hello', 4), LOCATE('l', 'hello', 0), SPLIT_INDEX('a,b,c', ',', 1), SPLIT_INDEX('a,b,c', ',', 3), SPLIT_INDEX('a,b,c', ',', -1)") == [
            .integer(3), .integer(4), .integer(0), .string("b"), .null, .null,
        ])
        #expect(try selectRow("REPEAT('ab', 2), REPEAT('ab', 0), REVERSE('abc'), OVERLAY('hello' PLACING 'XX' FROM 2 FOR 3), OVERLAY('hello' PLACING 'XX' FROM 2), OVERLAY('abc' PLACING 'Z' FROM 9)") == [
            .string("abab"), .string(""), .string("cba"), .string("hXXo"), .string("hXXlo"), .string("abcZ"),
        ])
        #expect(throws: RuntimeError.self) { try selectRow("REPEAT('ab', 2000000000)") }
    }

    @Test func asciiChrAndIfnull() throws {
        #expect(try selectRow("ASCII('abc'), ASCII(''), CHR(65), CHR(353), IFNULL(CAST(NULL AS INT), 1), IFNULL(2, 1.5), IFNULL('x', 'y')") == [
            .integer(97), .integer(0), .string("A"), .string("a"), .integer(1), .decimal(DecimalValue(parsing: "2.0")!), .string("x"),
        ])
    }

    @Test func digestsAreLowercaseHexOfTheUTF8Bytes() throws {
        #expect(try selectRow("MD5(''), MD5('a'), SHA1('abc'), SHA256('abc')") == [
            .string("d41d8cd98f00b204e9800998ecf8427e"), .string("0cc175b9c0f1b6a831c399e269772661"),
            .string("a9993e364706816aba3e25717850c26c9cd0d89d"), .string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ])
        let long = String(repeating: "x", count: 200)
        #expect(try selectRow("MD5('\(long)'), SHA1('\(long)')").allSatisfy { if case .string(let s) = $0 { s.count == 32 || s.count == 40 } else { false } })
    }
}
