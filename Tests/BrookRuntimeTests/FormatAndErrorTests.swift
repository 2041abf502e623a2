// The json and csv formats read and write as Flink's do, and bad input says where it is.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import Foundation
import Testing

@Suite struct FormatAndErrorTests {
    func table(_ directory: ScratchDirectory, _ lines: [String], options: String = "", columns: String = "symbol STRING, sentiment DECIMAL, n INT, ts BIGINT") throws -> Session {
        let path = try directory.write("in.jsonl", lines: lines)
        return try runtimeSession("CREATE TABLE t (\(columns)) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json'\(options));")
    }

    @Test func missingFieldsAreNullAndDecimalsRoundHalfUp() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, [
            "{\"symbol\":\"AAPL\",\"sentiment\":0.296,\"n\":1}",
            "{\"symbol\":\"MSFT\",\"sentiment\":0.5}",
            "{\"sentiment\":-0.5481,\"n\":3,\"extra\":{\"nested\":[1,2]}}",
        ])
        let result = try runJob("SELECT symbol, sentiment, n FROM t", in: session)
        #expect(result.rows == [
            [.string("AAPL"), .decimal(DecimalValue(unscaled: 0, scale: 0)), .integer(1)],
            [.string("MSFT"), .decimal(DecimalValue(unscaled: 1, scale: 0)), .null],
            [.null, .decimal(DecimalValue(unscaled: -1, scale: 0)), .integer(3)],
        ])
    }

    @Test func keysAreMatchedByNameWhateverTheirOrderLengthOrEscapes() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, [
            #"{"symbol":"AAPL","n":1,"a_key_longer_than_sixteen_bytes":5,"ts":10}"#,
            #"{"n":2,"symbol":"MSFT","ts":20}"#,
            #"{"sym\u0062ol":"NVDA","n":3}"#,
            #"{"symbolX":"no","n":4,"symbol":"TSLA"}"#,
            #"{"s\"ymbol":"no","n":5}"#,
            #"{"symbo":"no","n":6}"#,
            #"{"symbol":"AMZN","skipped":"a \"quoted\" \\ value \u00e9","n":7,"ts":70}"#,
            #"{"n":8,"symbol":"X"}"#,
        ])
        let result = try runJob("SELECT symbol, n, ts FROM t", in: session)
        #expect(result.rows == [
            [.string("AAPL"), .integer(1), .integer(10)],
            [.string("MSFT"), .integer(2), .integer(20)],
            [.string("NVDA"), .integer(3), .null],
            [.string("TSLA"), .integer(4), .null],
            [.null, .integer(5), .null],
            [.null, .integer(6), .null],
            [.string("AMZN"), .integer(7), .integer(70)],
            [.string("X"), .integer(8), .null],
        ])
    }

    @Test func aBadEscapeInASkippedFieldIsStillAnError() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, [#"{"n":1,"other":"\uZZ12"}"#])
        #expect {
            try runJob("SELECT n FROM t", in: session)
        } throws: { error in
            ((error as? RuntimeError)?.message ?? "").contains("in.jsonl:1:")
        }
    }

    @Test func mapsAreObjectsAndBytesAreBase64BothWays() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, [
            "{\"id\":1,\"tags\":{\"venue\":2,\"lot\":100},\"raw\":\"AP8=\"}",
            "{\"id\":2,\"tags\":{},\"raw\":null}",
            "{\"id\":3,\"tags\":{\"x\":null,\"x\":7},\"raw\":\"aGk\"}",
        ], columns: "id INT, tags MAP<STRING, INT>, raw BYTES")
        let read = try runJob("SELECT id, tags, raw, tags['lot'] FROM t", in: session)
        #expect(read.rows == [
            [.integer(1), .map([MapEntry(key: .string("venue"), value: .integer(2)), MapEntry(key: .string("lot"), value: .integer(100))]), .bytes([0, 255]), .integer(100)],
            [.integer(2), .map([]), .null, .null],
            [.integer(3), .map([MapEntry(key: .string("x"), value: .integer(7))]), .bytes([0x68, 0x69]), .null],
        ])
        let out = directory.file("out.jsonl")
        _ = try session.executeScript("CREATE TABLE o (id INT, tags MAP<STRING, INT>, raw BYTES) WITH ('connector' = 'filesystem', 'path' = '\(out)', 'format' = 'json')")
        guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO o SELECT * FROM t")) else { throw RuntimeError("no job") }
        _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings).run()
        #expect(try String(contentsOfFile: out, encoding: .utf8) == """
            {"id":1,"tags":{"venue":2,"lot":100},"raw":"AP8="}
            {"id":2,"tags":{},"raw":null}
            {"id":3,"tags":{"x":7},"raw":"aGk="}

            """)
        let other = try ScratchDirectory()
        let bad = try table(other, ["{\"id\":1,\"tags\":[1],\"raw\":\"!!\"}"], columns: "id INT, tags MAP<STRING, INT>, raw BYTES")
        #expect {
            try runJob("SELECT * FROM t", in: bad)
        } throws: { error in
            (error as? RuntimeError)?.message.hasSuffix("in.jsonl:1:16: field 'tags' is MAP<STRING, INT> and needs an object") == true
        }
    }

    @Test func failOnMissingFieldNamesTheFieldAndLine() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, ["{\"symbol\":\"A\",\"sentiment\":1,\"n\":1,\"ts\":1}", "{\"symbol\":\"B\"}"], options: ", 'json.fail-on-missing-field' = 'true'")
        #expect {
            try runJob("SELECT symbol, sentiment FROM t", in: session)
        } throws: { error in
            let message = (error as? RuntimeError)?.message ?? ""
            return message.hasSuffix("in.jsonl:2:1: field 'sentiment' is missing (json.fail-on-missing-field is true)")
        }
    }

    @Test func malformedLineNamesFileLineAndColumnAndEarlierRowsSurvive() throws {
        let directory = try ScratchDirectory()
        let lines = ["{\"symbol\":\"A\",\"n\":1}", "{\"symbol\":\"B\",\"n\":2}", "{\"symbol\":\"C\",\"n\":3"]
        let path = try directory.write("in.jsonl", lines: lines)
        let out = directory.file("out.jsonl")
        let session = try runtimeSession("""
            CREATE TABLE t (symbol STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            CREATE TABLE o (symbol STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '\(out)', 'format' = 'json');
            """)
        guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO o SELECT symbol, n FROM t")) else {
            Issue.record("no job")
            return
        }
        var options = RunOptions()
        options.batchSize = 1
        #expect {
            try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
        } throws: { error in
            ((error as? RuntimeError)?.message ?? "").hasSuffix("in.jsonl:3:20: unexpected end of line; expected ',' or '}'")
        }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "{\"symbol\":\"A\",\"n\":1}\n{\"symbol\":\"B\",\"n\":2}\n")
    }

    @Test func wrongTypeIsReportedWithItsPlace() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, ["{\"n\":\"seven\"}"])
        #expect {
            try runJob("SELECT n FROM t", in: session)
        } throws: { error in
            ((error as? RuntimeError)?.message ?? "").hasSuffix("in.jsonl:1:13: field 'n' is INT but got \"seven\"")
        }
    }

    @Test func integersBeyondTheColumnTypeAreErrorsNotWrapped() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, ["{\"n\":2147483647}", "{\"n\":99999999999}"])
        #expect {
            try runJob("SELECT n FROM t", in: session)
        } throws: { error in
            ((error as? RuntimeError)?.message ?? "").hasSuffix("in.jsonl:2:6: field 'n' is INT but 99999999999 is out of its range")
        }
        let other = try ScratchDirectory()
        let skipping = try table(other, ["{\"n\":2147483647}", "{\"n\":-2147483649}", "{\"n\":\"300\"}"],
                                 options: ", 'json.ignore-parse-errors' = 'true'", columns: "n INT")
        let result = try runJob("SELECT n FROM t", in: skipping)
        #expect(result.rows == [[.integer(2_147_483_647)], [.integer(300)]])
        #expect(result.summary.skippedRecords == 1)
        let csvPath = try directory.write("in.csv", lines: ["1,70000", "2,7"])
        let csv = try runtimeSession("CREATE TABLE c (a INT, s SMALLINT) WITH ('connector' = 'filesystem', 'path' = '\(csvPath)', 'format' = 'csv');")
        #expect {
            try runJob("SELECT a, s FROM c", in: csv)
        } throws: { error in
            ((error as? RuntimeError)?.message ?? "").hasSuffix("in.csv:1:3: field 2 is SMALLINT but got '70000'")
        }
        let casts = try runJob("SELECT TRY_CAST('99999999999' AS INT), TRY_CAST('300' AS TINYINT), CAST('-128' AS TINYINT), CAST('12.7' AS INT)", in: csv)
        #expect(casts.rows == [[.null, .null, .integer(-128), .integer(12)]])
    }

    @Test func aByteOrderMarkAtTheStartOfAFileIsSkipped() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("bom.jsonl")
        try Data([0xEF, 0xBB, 0xBF] + Array("{\"n\":4}\n{\"n\":5}\n".utf8)).write(to: URL(fileURLWithPath: path))
        let session = try runtimeSession("CREATE TABLE b (n INT) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');")
        #expect(try runJob("SELECT n FROM b", in: session).rows == [[.integer(4)], [.integer(5)]])
    }

    @Test func ignoreParseErrorsSkipsAndCounts() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, ["{\"n\":1}", "not json", "{\"n\":2}"], options: ", 'json.ignore-parse-errors' = 'true'")
        let result = try runJob("SELECT n FROM t", in: session)
        #expect(result.rows == [[.integer(1)], [.integer(2)]])
        #expect(result.summary.skippedRecords == 1)
    }

    @Test func timestampsAreWrittenWithOnlyTheFractionDigitsNeeded() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", lines: ["{\"ms\":1717426793044}", "{\"ms\":1717426793330}", "{\"ms\":1717426793700}", "{\"ms\":1717426793000}"])
        let out = directory.file("out.jsonl")
        let session = try runtimeSession("""
            CREATE TABLE t (ms BIGINT) WITH ('connector' = 'filesystem', 'path' = '\(input)', 'format' = 'json');
            CREATE TABLE o (ltz TIMESTAMP_LTZ(3), plain TIMESTAMP(3), d DECIMAL(5, 2), f FLOAT, b BOOLEAN) WITH ('connector' = 'filesystem', 'path' = '\(out)', 'format' = 'json');
            """)
        guard case .job(let job) = try session.execute(try Parser.parseStatement("""
            INSERT INTO o SELECT TO_TIMESTAMP_LTZ(ms, 3), CAST(TO_TIMESTAMP_LTZ(ms, 3) AS TIMESTAMP(3)), CAST(1.005 AS DECIMAL(5, 2)), CAST(194.72 AS FLOAT), ms > 0 FROM t
            """)) else { return }
        _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings).run()
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n") == [
            "{\"ltz\":\"2024-06-03 14:59:53.044Z\",\"plain\":\"2024-06-03 14:59:53.044\",\"d\":1.01,\"f\":194.72,\"b\":true}",
            "{\"ltz\":\"2024-06-03 14:59:53.33Z\",\"plain\":\"2024-06-03 14:59:53.33\",\"d\":1.01,\"f\":194.72,\"b\":true}",
            "{\"ltz\":\"2024-06-03 14:59:53.7Z\",\"plain\":\"2024-06-03 14:59:53.7\",\"d\":1.01,\"f\":194.72,\"b\":true}",
            "{\"ltz\":\"2024-06-03 14:59:53Z\",\"plain\":\"2024-06-03 14:59:53\",\"d\":1.01,\"f\":194.72,\"b\":true}",
        ])
    }

    @Test func jsonWritesLocalZoneTimestampsInUTCWhateverTheSessionZone() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", lines: ["{\"ms\":1714570200000}"])
        let out = directory.file("out.jsonl")
        let session = try runtimeSession("""
            SET 'table.local-time-zone' = 'America/New_York';
            CREATE TABLE t (ms BIGINT) WITH ('connector' = 'filesystem', 'path' = '\(input)', 'format' = 'json');
            CREATE TABLE o (ltz TIMESTAMP_LTZ(3), wall TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '\(out)', 'format' = 'json');
            """)
        guard case .job(let job) = try session.execute(try Parser.parseStatement("""
            INSERT INTO o SELECT TO_TIMESTAMP_LTZ(ms, 3), CAST(TO_TIMESTAMP_LTZ(ms, 3) AS TIMESTAMP(3)) FROM t
            """)) else { return }
        _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings).run()
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "{\"ltz\":\"2024-05-01 13:30:00Z\",\"wall\":\"2024-05-01 09:30:00\"}\n")
        let readBack = try runJob("SELECT CAST(ltz AS BIGINT) FROM o", in: session)
        #expect(readBack.rows == [[.integer(1_714_570_200)]])
    }

    @Test func sessionTimeZoneShiftsLocalTimestampRendering() throws {
        let directory = try ScratchDirectory()
        let session = try table(directory, ["{\"ts\":1717426793000}"], options: "", columns: "ts BIGINT")
        _ = try session.executeScript("SET 'table.local-time-zone' = 'America/New_York';")
        let result = try runJob("SELECT CAST(TO_TIMESTAMP_LTZ(ts, 3) AS STRING), DATE_FORMAT(TO_TIMESTAMP_LTZ(ts, 3), 'yyyy-MM-dd HH:mm') FROM t", in: session)
        #expect(result.rows == [[.string("2024-06-03 10:59:53.000"), .string("2024-06-03 10:59")]])
    }

    @Test func csvFilesAreReadByPosition() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("in.csv", lines: ["AAPL,194.5,\"Apple, Inc.\"", "MSFT,,\"say \"\"hi\"\"\""])
        let session = try runtimeSession("CREATE TABLE t (symbol STRING, price DOUBLE, name STRING) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'csv');")
        let result = try runJob("SELECT symbol, price, name FROM t", in: session)
        #expect(result.rows == [[.string("AAPL"), .double(194.5), .string("Apple, Inc.")], [.string("MSFT"), .null, .string("say \"hi\"")]])
    }

    @Test func csvQueriesReadingSomeColumnsSkipTheOthersByPosition() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("in.csv", lines: ["AAPL,194.5,\"Apple, Inc.\",1000", "MSFT,410.25,Microsoft,oops"])
        let session = try runtimeSession("""
            CREATE TABLE t (symbol STRING, price DOUBLE, name STRING, ts BIGINT, doubled AS price * 2)
            WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
            """)
        let some = try runJob("SELECT name, symbol FROM t WHERE price > 200", in: session)
        #expect(some.rows == [[.string("Microsoft"), .string("MSFT")]])
        let computed = try runJob("SELECT doubled FROM t", in: session)
        #expect(computed.rows == [[.double(389)], [.double(820.5)]])
        let counted = try runJob("SELECT COUNT(*) FROM t", in: session)
        #expect(counted.rows.last == [.integer(2)])
        let withTs = try runJob("SELECT symbol, ts FROM t", in: session)
        #expect(withTs.rows == [[.string("AAPL"), .integer(1000)]])
        #expect(withTs.summary.skippedRecords == 1)
    }

    @Test func unknownWithOptionIsRefusedAtCreateNamingIt() throws {
        let session = try runtimeSession("")
        let sql = "CREATE TABLE t (a INT) WITH (\n  'connector' = 'filesystem',\n  'path' = '/tmp/x',\n  'fromat' = 'json')"
        do {
            _ = try session.executeScript(sql)
            Issue.record("expected an error")
        } catch {
            let text = error.render(SourceText(name: "ddl.sql", text: sql))
            #expect(text.hasPrefix("ddl.sql:4:3: option 'fromat' of table 't': is not an option of the filesystem connector (did you mean 'format'?)"))
        }
        let misspelt = "CREATE TABLE u (a INT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'json', 'json.ignore-parse-error' = 'true')"
        do {
            _ = try session.executeScript(misspelt)
            Issue.record("expected an error")
        } catch {
            let text = error.render(SourceText(name: "ddl.sql", text: misspelt))
            #expect(text.contains("option 'json.ignore-parse-error' of table 'u': is not an option of the filesystem connector (did you mean 'json.ignore-parse-errors'?)"))
            #expect(text.contains("^~~~"))
        }
        // Flink's csv format has no such option, and a header line would otherwise fail as data later.
        let header = "CREATE TABLE h (a INT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv', 'csv.ignore-first-line' = 'true')"
        #expect(throws: (any Error).self) { try session.executeScript(header) }
    }

    @Test func datagenFieldOptionsAreCheckedAndSequencesEndTheSource() throws {
        let bad: [(String, String)] = [
            ("'fields.a.min' = '5', 'fields.a.max' = '1'", "option 'fields.a.min' of table 'g': min 5 is above max 1"),
            ("'fields.b.length' = '-1'", "option 'fields.b.length' of table 'g': '-1' is not a length from 0 to 1048576"),
            ("'fields.zz.min' = '1'", "option 'fields.zz.min' of table 'g': names no column of the table"),
            ("'fields.a.mn' = '1'", "option 'fields.a.mn' of table 'g': is not a datagen field option"),
            ("'fields.a.kind' = 'sequence', 'fields.a.start' = '9', 'fields.a.end' = '2'", "option 'fields.a.start' of table 'g': start 9 is above end 2"),
        ]
        for (options, message) in bad {
            #expect {
                try runtimeSession("CREATE TABLE g (a INT, b STRING) WITH ('connector' = 'datagen', \(options));")
            } throws: { error in "\(error)".contains(message) }
        }
        let session = try runtimeSession("""
            CREATE TABLE g (a INT, b STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5',
              'fields.a.kind' = 'sequence', 'fields.a.start' = '1', 'fields.a.end' = '3', 'fields.b.length' = '4');
            """)
        let rows = try runJob("SELECT a, CHAR_LENGTH(b) FROM g", in: session).rows
        #expect(rows == [1, 2, 3].map { [.integer($0), .integer(4)] }, "the sequence runs out before number-of-rows")
    }

    @Test func lateRowsAreDroppedAndCounted() throws {
        let directory = try ScratchDirectory()
        let base: Int64 = 1_700_000_000_000
        let lines = [0, 10_000, 20_000, 3_000, 4_000, 30_000].map { "{\"k\":\"x\",\"ts\":\(base + Int64($0))}" }
        let path = try directory.write("in.jsonl", lines: lines)
        let session = try runtimeSession("""
            CREATE TABLE t (k STRING, ts BIGINT, event_time AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND)
            WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            """)
        var options = RunOptions()
        options.batchSize = 1
        let logged = CollectedLines()
        options.log = logged.append
        let result = try runJob("SELECT ts, ROW_NUMBER() OVER (PARTITION BY k ORDER BY event_time) FROM t", in: session, options: options)
        #expect(result.summary.lateRowsDropped == 2)
        #expect(logged.lines.count == 1, "one line per operator, however many late rows it drops")
        #expect(logged.lines.first?.hasPrefix("OverAggregate #") == true && logged.lines.first?.contains("late rows are dropped (set 'table.exec.late-rows.sink'") == true, "\(logged.lines)")
        #expect(result.rows.map { $0[0] } == [0, 10_000, 20_000, 30_000].map { .integer(base + Int64($0)) })
    }

    @Test func lateRowsGoToTheSideTableNamedBySetting() throws {
        let directory = try ScratchDirectory()
        let base: Int64 = 1_700_000_000_000
        let lines = [0, 10_000, 20_000, 3_000, 30_000].map { "{\"k\":\"x\",\"ts\":\(base + Int64($0))}" }
        let (session, latePath) = try lateRowSession(directory, lines: lines)
        var options = RunOptions()
        options.batchSize = 1
        let result = try runJob("SELECT ts, ROW_NUMBER() OVER (PARTITION BY k ORDER BY event_time) FROM t", in: session, options: options)
        #expect(result.summary.lateRowsDropped == 1)
        let written = try String(contentsOfFile: latePath, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(written.count == 1)
        #expect(written.first?.contains("\"row\":\"{\\\"k\\\":\\\"x\\\",\\\"ts\\\":\(base + 3_000)") == true, "\(written)")
        #expect(written.first?.hasPrefix("{\"operator\":\"OverAggregate") == true, "\(written)")
    }

    @Test func lateRowSideTableMustHaveItsThreeColumns() throws {
        let directory = try ScratchDirectory()
        let session = try runtimeSession("""
            CREATE TABLE t (k STRING, event_time TIMESTAMP_LTZ(3), WATERMARK FOR event_time AS event_time)
            WITH ('connector' = 'filesystem', 'path' = '\(try directory.write("in.jsonl", lines: []))', 'format' = 'json');
            CREATE TABLE late (operator STRING) WITH ('connector' = 'filesystem', 'path' = '\(directory.path)/late', 'format' = 'json');
            SET 'table.exec.late-rows.sink' = 'late';
            """)
        #expect(throws: RuntimeError.self) { try runJob("SELECT k FROM t", in: session) }
    }

    @Test func tiesOnTheOrderTimeFollowOtherRowtimesThenArrival() throws {
        let directory = try ScratchDirectory()
        let base: Int64 = 1_700_000_000_000
        let news = try directory.write("news.jsonl", lines: ["{\"s\":\"A\",\"ts\":\(base + 30_000),\"id\":1}"])
        let prices = try directory.write("prices.jsonl", lines: [
            "{\"s\":\"A\",\"ts\":\(base + 60_000),\"p\":3}", "{\"s\":\"A\",\"ts\":\(base),\"p\":1}", "{\"s\":\"A\",\"ts\":\(base + 30_000),\"p\":2}",
        ])
        let session = try runtimeSession("""
            CREATE TABLE news (s STRING, ts BIGINT, id INT, t AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR t AS t - INTERVAL '2' MINUTE)
            WITH ('connector' = 'filesystem', 'path' = '\(news)', 'format' = 'json');
            CREATE TABLE prices (s STRING, ts BIGINT, p INT, t AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR t AS t - INTERVAL '2' MINUTE)
            WITH ('connector' = 'filesystem', 'path' = '\(prices)', 'format' = 'json');
            CREATE VIEW joined AS SELECT n.s, n.t AS news_time, p.t AS price_time, p.p FROM news n JOIN prices p
              ON n.s = p.s AND n.t BETWEEN p.t - INTERVAL '1' MINUTE AND p.t + INTERVAL '1' MINUTE;
            """)
        let result = try runJob("SELECT p, LAG(p) OVER (PARTITION BY s ORDER BY news_time) FROM joined", in: session)
        #expect(result.rows == [[.integer(1), .null], [.integer(2), .integer(1)], [.integer(3), .integer(2)]],
                "rows tying on news_time come in price_time order, whatever order the prices arrived in")
    }

    @Test func printSinkWritesFlinksChangeFormat() throws {
        let rows = try runJob("SELECT 'AAPL', CAST(1.5 AS DOUBLE), TIMESTAMP '2024-05-31 10:00:00', CAST(NULL AS INT)", in: try runtimeSession(""))
        #expect(rows.rows == [[.string("AAPL"), .double(1.5), .timestamp(1_717_149_600_000_000), .null]])
    }
}

/// Log lines a job wrote, for tests that check what it reported.
final class CollectedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    func append(_ line: String) { lock.withLock { collected.append(line) } }
}
