// CAST to STRING writes timestamps at their precision and numbers as Java does; the json format keeps its own forms.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import Foundation
import Testing

@Suite struct CastTextTests {
    @Test func timestampsCastToStringArePaddedToTheirPrecision() throws {
        #expect(try selectRow("CAST(TIMESTAMP '2024-05-01 13:44:05.120' AS STRING), CAST(TO_TIMESTAMP_LTZ(1714570200000, 3) AS STRING), CAST(CAST('2024-05-01 13:44:05' AS TIMESTAMP(6)) AS STRING), CAST(TIMESTAMP '2024-05-01 13:44:05' AS STRING), CONCAT('at ', CAST(TIMESTAMP '2024-05-01 13:44:05.5' AS STRING))") == [
            .string("2024-05-01 13:44:05.120"), .string("2024-05-01 13:30:00.000"), .string("2024-05-01 13:44:05.000000"), .string("2024-05-01 13:44:05"), .string("at 2024-05-01 13:44:05.5"),
        ])
    }

    @Test func doublesAndFloatsCastToStringAsJavaWritesThem() throws {
        #expect(try selectRow("CAST(1e20 AS STRING), CAST(1.0E-7 AS STRING), CAST(CAST(12345678.9 AS DOUBLE) AS STRING), CAST(CAST(0.1 AS DOUBLE) AS STRING), CAST(CAST(100 AS DOUBLE) AS STRING), CAST(CAST(0.001 AS DOUBLE) AS STRING), CAST(CAST(-0.0001 AS DOUBLE) AS STRING), CAST(CAST(1e7 AS FLOAT) AS STRING), CAST(CAST(194.72 AS FLOAT) AS STRING)") == [
            .string("1.0E20"), .string("1.0E-7"), .string("1.23456789E7"), .string("0.1"), .string("100.0"), .string("0.001"), .string("-1.0E-4"), .string("1.0E7"), .string("194.72"),
        ])
    }

    @Test func jsonFormatWritesDoublesAsJavaAndTimestampsUnpadded() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", lines: ["{\"a\":1}"])
        let out = directory.file("out.jsonl")
        let session = try runtimeSession("""
            CREATE TABLE t (a INT) WITH ('connector' = 'filesystem', 'path' = '\(input)', 'format' = 'json');
            CREATE TABLE o (big DOUBLE, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '\(out)', 'format' = 'json');
            """)
        guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO o SELECT 1e20, TIMESTAMP '2024-05-01 13:44:05.120' FROM t")) else { return }
        _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings).run()
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "{\"big\":1.0E20,\"ts\":\"2024-05-01 13:44:05.12\"}\n")
    }
}
