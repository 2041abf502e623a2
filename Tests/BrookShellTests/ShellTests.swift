// The shell runs every kind of statement and prints results in the format asked for.
import BrookPlanner
import BrookRuntime
import BrookShell
import Foundation
import Testing

/// Captures what a shell prints.
final class Transcript: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errorLines: [String] = []
    var out: String { lock.withLock { outLines.joined(separator: "\n") } }
    var errors: String { lock.withLock { errorLines.joined(separator: "\n") } }
    func say(_ text: String) { lock.withLock { outLines.append(text) } }
    func fail(_ text: String) { lock.withLock { errorLines.append(text) } }
}

struct ShellFixture {
    let home: String
    let shell: Shell
    let transcript = Transcript()

    init(format: OutputFormat = .table) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("brook-shell-\(UUID().uuidString)").path
        let session = try EngineSession.make(home: nil)
        shell = Shell(session: session, homePath: home, format: format, interactive: false)
        let transcript = transcript
        shell.output = { transcript.say($0) }
        shell.errors = { transcript.fail($0) }
    }

    func data(_ lines: [String]) throws -> String {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let path = (home as NSString).appendingPathComponent("t.jsonl")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

@Suite struct ShellTests {
    @Test func ddlShowDescribeAndSelectInTableau() throws {
        let fixture = try ShellFixture()
        let path = try fixture.data(["{\"s\":\"AAPL\",\"n\":2}", "{\"s\":\"MSFT\",\"n\":3}"])
        #expect(fixture.shell.run("""
            CREATE TABLE t (s STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            SHOW TABLES;
            SELECT s, n * 10 AS ten FROM t;
            """, sourceName: "script"))
        #expect(fixture.transcript.out.contains("[INFO] Table 't' has been created."))
        #expect(fixture.transcript.out.contains("""
            +------+-----+
            |    s | ten |
            +------+-----+
            | AAPL |  20 |
            | MSFT |  30 |
            +------+-----+
            2 rows in set
            """))
    }

    @Test func csvAndJsonFormatsComposeWithUnixTools() throws {
        let csv = try ShellFixture(format: .csv)
        #expect(csv.shell.run("SELECT 'a,b' AS x, 1 AS n;", sourceName: "q"))
        #expect(csv.transcript.out == "x,n\n\"a,b\",1")
        let json = try ShellFixture(format: .json)
        #expect(json.shell.run("SELECT 'AAPL' AS symbol, CAST(194.72 AS DOUBLE) AS close, TIMESTAMP '2024-05-31 10:00:00' AS t;", sourceName: "q"))
        #expect(json.transcript.out == "{\"symbol\":\"AAPL\",\"close\":194.72,\"t\":\"2024-05-31 10:00:00\"}")
    }

    @Test func changelogModePrintsEveryChange() throws {
        let fixture = try ShellFixture()
        let path = try fixture.data(["{\"s\":\"A\",\"n\":1}", "{\"s\":\"A\",\"n\":2}"])
        #expect(fixture.shell.run("""
            CREATE TABLE t (s STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            SET 'sql-client.execution.result-mode' = 'changelog';
            SELECT s, SUM(n) FROM t GROUP BY s;
            """, sourceName: "q"))
        #expect(fixture.transcript.out.hasSuffix("op | s | EXPR$1\n+I | A | 1\n-U | A | 1\n+U | A | 3"))
    }

    @Test func errorsPrintWithTheirPlaceAndTheShellGoesOn() throws {
        let fixture = try ShellFixture()
        #expect(!fixture.shell.run("SELECT nope FROM missing;", sourceName: "statement 1"))
        #expect(fixture.transcript.errors.hasPrefix("[ERROR] statement 1:1:18: unknown table or view 'missing'"))
        #expect(fixture.transcript.errors.contains("^~~~~~~"))
        #expect(fixture.shell.run("SELECT 1;", sourceName: "statement 2"))
    }

    @Test func insertsRunAsBackgroundJobsListedAndStoppable() throws {
        let fixture = try ShellFixture()
        #expect(fixture.shell.run("""
            CREATE TABLE gen (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '1000000');
            CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO sink SELECT n FROM gen;
            """, sourceName: "q"))
        #expect(fixture.transcript.out.contains("Job ID: 1"))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(fixture.shell.run("SHOW JOBS;", sourceName: "q"))
        #expect(fixture.transcript.out.contains("RUNNING"))
        #expect(fixture.shell.run("STOP JOB '1';", sourceName: "q"))
        var stopped = false
        for _ in 0..<50 where !stopped {
            Thread.sleep(forTimeInterval: 0.1)
            fixture.shell.run("SHOW JOBS;", sourceName: "q")
            stopped = fixture.transcript.out.contains("CANCELED")
        }
        #expect(stopped)
        #expect(!fixture.shell.run("STOP JOB '7';", sourceName: "q"))
    }

    @Test func statementsSplitAtSemicolonsOutsideQuotesAndComments() {
        var splitter = StatementSplitter()
        #expect(splitter.add("SELECT 'a;b' -- not; here").isEmpty)
        #expect(splitter.add("FROM t; SELECT 2;") == ["SELECT 'a;b' -- not; here\nFROM t", "SELECT 2"])
        #expect(splitter.isEmpty)
        #expect(splitter.add("/* ; */ SELECT").isEmpty)
        splitter.reset()
        #expect(splitter.isEmpty)
    }
}
