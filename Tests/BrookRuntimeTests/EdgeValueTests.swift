// Values at the edges of their types give a value, NULL or an error with its place, never a trap.
import BrookCore
import BrookPlanner
import BrookRuntime
import Testing

/// Each case here used to end the process with a Swift runtime trap (found by a crash hunt).
@Suite struct EdgeValueTests {
    /// Aggregates give their one final row.
    let batch = "SET 'execution.runtime-mode' = 'batch';"

    @Test func intervalsScaleByAnyNumber() throws {
        let day: Int64 = 86_400_000
        #expect(try selectRow("INTERVAL '1' DAY * 1.5, 2 * INTERVAL '1' DAY, INTERVAL '1' DAY / 2.5, 2.5 * INTERVAL '1' MONTH, INTERVAL '3' HOUR * CAST(2 AS DOUBLE)") == [
            .intervalMilliseconds(day * 3 / 2), .intervalMilliseconds(2 * day), .intervalMilliseconds(day * 2 / 5), .intervalMonths(3),
            .intervalMilliseconds(6 * 3_600_000),
        ])
        #expect(throws: RuntimeError.self) { try selectRow("INTERVAL '1' DAY / 0.0") }
        #expect(throws: RuntimeError.self) { try selectRow("INTERVAL '1' DAY * 1e300") }
    }

    @Test func decimalsBeyondTheirRangeAreNullAndTinyOnesRound() throws {
        let huge = "99999999999999999999999999999999999999"
        #expect(try selectRow("SUM(x), AVG(x) FROM (VALUES (\(huge)), (\(huge))) AS t(x)", batch) == [.null, .null])
        let tiny = "0.00000000000000000000000000000000000000000000001"
        #expect(try selectRow("CAST(\(tiny) AS INT), CAST('\(tiny)' AS INT), FLOOR(\(tiny)), CAST(\(tiny) AS DOUBLE)") == [
            .integer(0), .integer(0), .decimal(DecimalValue(unscaled: 0, scale: 0)), .double(0),
        ])
    }

    @Test func integerVarianceSaturatesAsJavasCast() throws {
        #expect(try selectRow("VAR_POP(x) FROM (VALUES (9223372036854775807), (0)) t(x)", batch) == [.integer(Int64.max)])
    }

    @Test func jsonNumbersBeyondDecimalAndTimestampColumns() throws {
        let directory = try ScratchDirectory()
        let decimals = try directory.write("d.jsonl", lines: [#"{"x": 99999e38}"#, #"{"x": 1e-50}"#, #"{"x": 12.345}"#])
        let times = try directory.write("t.jsonl", lines: [#"{"x": 1e300}"#])
        let session = try runtimeSession("""
            CREATE TABLE d (x DECIMAL(10, 2)) WITH ('connector' = 'filesystem', 'path' = '\(decimals)', 'format' = 'json');
            CREATE TABLE t (x TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '\(times)', 'format' = 'json');
            """)
        #expect(try runJob("SELECT x FROM d", in: session).rows == [[.null], [.decimal(DecimalValue(unscaled: 0, scale: 2))], [.decimal(DecimalValue(unscaled: 1235, scale: 2))]])
        #expect {
            try runJob("SELECT x FROM t", in: session)
        } throws: { error in
            ((error as? RuntimeError)?.message ?? "").hasSuffix("t.jsonl:1:7: field 'x' is TIMESTAMP(3) but 1e300 is out of its range")
        }
    }

    @Test func argumentsOfTheWrongKindAreRefusedWhenPlanned() throws {
        #expect(throws: SessionError.self) { try selectRow("TO_TIMESTAMP_LTZ('2020-01-01 00:00:00', 3)") }
        #expect(throws: SessionError.self) {
            try selectRow("LAG(x, 9223372036854775807) OVER (ORDER BY ts) FROM t",
                          "CREATE TABLE t (x INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '2');")
        }
    }

    @Test func extremeArgumentsToDecimalAndCalendarFunctions() throws {
        #expect(try selectRow("AVG(x) FROM (VALUES (CAST(9999999999999999999999999999999999 AS DECIMAL(38, 0)))) t(x)", batch) == [.null])
        #expect(try selectRow("1 / CAST(1 AS DECIMAL(38, 37)), ROUND(1.5, -9223372036854775807)") == [.null, .decimal(DecimalValue(unscaled: 0, scale: 0))])
        #expect(throws: RuntimeError.self) { try selectRow("TIMESTAMPADD(MONTH, CAST(-9223372036854775808 AS BIGINT), DATE '2020-01-01')") }
    }

    @Test func rowNumberBoundsAtTheEndOfBigintAndInvertedJoinBoundsPlanOrMatchNothing() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("t.jsonl", lines: [#"{"k":"a","ts":"2020-01-01 00:00:00","i":1}"#])
        let session = try runtimeSession("""
            CREATE TABLE a (k STRING, i INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            CREATE TABLE b (k STRING, i INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            """)
        #expect(throws: SessionError.self) {
            try runJob("SELECT * FROM (SELECT k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY i) AS rn FROM a) WHERE rn > 9223372036854775807", in: session)
        }
        let joined = try runJob("SELECT a.k, b.k FROM a LEFT JOIN b ON a.k = b.k AND a.ts BETWEEN b.ts + INTERVAL '1' DAY AND b.ts - INTERVAL '1' DAY", in: session)
        #expect(joined.rows == [[.string("a"), .null]])
    }
}
