// Syntax errors name the line and column where parsing stopped and render with a caret.
import BrookCore
import BrookSQL
import Testing

@Suite struct ParserErrorTests {
    func error(_ sql: String) -> SQLError? {
        do {
            _ = try Parser.parseScript(sql)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingCommaPointsAtTheToken() throws {
        let failure = try #require(error("SELECT a b c FROM t"))
        #expect(failure.range.start.line == 1)
        #expect(failure.range.start.column == 12)
        #expect(failure.message.contains("found 'c'"))
    }

    @Test func pathologicalNestingIsAnErrorNotAStackOverflow() throws {
        let deep = [
            "SELECT " + String(repeating: "(", count: 20_000) + "1" + String(repeating: ")", count: 20_000),
            "SELECT 1" + String(repeating: " + 1", count: 20_000),
            "SELECT " + String(repeating: "NOT ", count: 20_000) + "TRUE",
            "SELECT " + String(repeating: "- ", count: 20_000) + "1",
            "SELECT * FROM " + String(repeating: "(SELECT * FROM ", count: 10_000) + "t" + String(repeating: ")", count: 10_000),
        ]
        for sql in deep {
            let failure = try #require(error(sql))
            #expect(failure.message.contains("nests more than \(Parser.maximumDepth) levels deep"))
        }
        #expect(error("SELECT " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)) == nil)
        #expect(error("SELECT 1" + String(repeating: " + 1", count: 150) + " FROM t WHERE a = 1" + String(repeating: " OR a = 2", count: 150)) == nil)
    }

    @Test func subqueriesInsideExpressionsAreNamedAsSuch() throws {
        for sql in ["SELECT a FROM t WHERE a IN (SELECT b FROM u)", "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u)", "SELECT (SELECT MAX(b) FROM u) FROM t"] {
            let failure = try #require(error(sql))
            #expect(failure.message == "a subquery cannot appear inside an expression", "\(sql)")
            #expect(failure.hint?.contains("join") == true)
        }
        #expect(error("SELECT a FROM (SELECT a FROM t) WHERE a IN (1, 2)") == nil)
    }

    @Test func errorOnALaterLineHasThatLine() throws {
        let sql = "CREATE TABLE t (\n  a INT,\n  b STRNG\n)"
        let failure = try #require(error(sql))
        #expect(failure.message == "unknown data type 'STRNG'")
        let rendered = SourceText(name: "ddl.sql", text: sql).render(failure)
        #expect(rendered.hasPrefix("ddl.sql:3:5: unknown data type 'STRNG'\n    b STRNG\n      ^~~~~"))
    }

    @Test func unterminatedStringAndComment() throws {
        let string = try #require(error("SELECT 'abc"))
        #expect(string.message == "unterminated string literal")
        #expect(string.range.start.column == 8)
        let comment = try #require(error("SELECT 1 /* never closed"))
        #expect(comment.message == "unterminated comment")
    }

    @Test func windowFunctionArgumentCountIsChecked() throws {
        let failure = try #require(error("SELECT * FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"))
        #expect(failure.message == "HOP takes 2 or 3 interval arguments, got 1")
        #expect(failure.hint?.contains("slide") == true)
    }

    @Test func badIntervalValueIsNamed() throws {
        let failure = try #require(error("SELECT INTERVAL 'five' SECOND"))
        #expect(failure.message == "invalid interval value 'five'")
        #expect(failure.range.start.column == 17)
    }

    @Test func decimalBoundsAreChecked() throws {
        let failure = try #require(error("CREATE TABLE t (d DECIMAL(40, 2))"))
        #expect(failure.message.contains("precision must be between 1 and 38"))
    }

    @Test func statementsMustBeSeparated() throws {
        let failure = try #require(error("SELECT 1 SELECT 2"))
        #expect(failure.message.hasPrefix("expected ';' between statements"))
    }

    @Test func columnsCountUnicodeScalars() throws {
        let failure = try #require(error("SELECT 'héllo' 'x' FROM t"))
        #expect(failure.range.start.column == 16)
        let rendered = SourceText(name: "q", text: "SELECT 'héllo' 'x' FROM t").render(failure)
        #expect(rendered.hasSuffix("\n                 ^~~"))
    }
}
