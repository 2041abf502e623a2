// Mistakes in SQL are reported with what is wrong, where, and how to fix it.
import BrookCore
import BrookPlanner
import Testing

@Suite struct BinderErrorTests {
    let session: Session

    init() throws { session = try marketSession() }

    @Test func misspeltColumnSuggestsTheRealOneWithACaret() throws {
        let sql = "CREATE VIEW v AS\nSELECT symbol, clsoe\nFROM (SELECT symbol, price AS `close` FROM prices)"
        let text = try #require(renderedError(sql, in: session))
        #expect(text == """
            q.sql:2:16: unknown column 'clsoe' (did you mean 'close'?)
              SELECT symbol, clsoe
                             ^~~~~
            """)
    }

    @Test func impossibleCalendarDateLiteralIsAnErrorAtItsPlace() throws {
        let date = try #require(renderedError("SELECT 1,\n  DATE '2024-02-30' FROM prices", in: session))
        #expect(date.hasPrefix("q.sql:2:3: invalid DATE literal '2024-02-30'"))
        let timestamp = try #require(renderedError("SELECT TIMESTAMP '2023-02-29 10:00:00' FROM prices", in: session))
        #expect(timestamp.hasPrefix("q.sql:1:8: invalid timestamp literal '2023-02-29 10:00:00'"))
        #expect(renderedError("SELECT DATE '2024-02-29' FROM prices", in: session) == nil)
    }

    @Test func unsupportedDatePatternLetterIsRefusedAtBindTime() throws {
        let text = try #require(renderedError("SELECT DATE_FORMAT(event_time, 'yyyy QQ') FROM prices", in: session))
        #expect(text.hasPrefix("q.sql:1:32: DATE_FORMAT does not support the pattern letter 'Q'"))
        #expect(renderedError("SELECT DATE_FORMAT(event_time, 'yyyy ''Q''') FROM prices", in: session) == nil)
    }

    @Test func timeUnitFunctionsNameTheUnitsTheyTake() throws {
        let text = try #require(renderedError("SELECT TIMESTAMPDIFF(MILLISECOND, event_time, event_time) FROM prices", in: session))
        #expect(text.contains("TIMESTAMPDIFF takes the units YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND"))
        let floor = try #require(renderedError("SELECT FLOOR(symbol TO HOUR) FROM prices", in: session))
        #expect(floor.contains("FLOOR(... TO unit) expects a date, time or timestamp"))
    }

    @Test func columnNamesAreCaseSensitiveAndTheHintSaysSo() throws {
        let text = try #require(renderedError("SELECT Symbol FROM prices", in: session))
        #expect(text.contains("unknown column 'Symbol' (did you mean 'symbol'?)"))
        #expect(text.contains("names are case-sensitive"))
    }

    @Test func legacyGroupWindowFunctionsMustMatchTheirWindow() throws {
        let mismatch = try #require(renderedError("SELECT TUMBLE_END(event_time, INTERVAL '2' HOUR) FROM prices GROUP BY TUMBLE(event_time, INTERVAL '1' HOUR)", in: session))
        #expect(mismatch.hasPrefix("q.sql:1:8: TUMBLE_END must repeat the GROUP BY window, TUMBLE(event_time, INTERVAL '1' HOUR)"))
        let missing = try #require(renderedError("SELECT TUMBLE_START(event_time, INTERVAL '1' HOUR) FROM prices", in: session))
        #expect(missing.hasPrefix("q.sql:1:8: TUMBLE_START reads a group window, but GROUP BY has none"))
        let session = try #require(renderedError("SELECT COUNT(*) FROM prices GROUP BY SESSION(event_time, INTERVAL '5' MINUTE)", in: self.session))
        #expect(session.hasPrefix("q.sql:1:38: SESSION windows are not supported yet"))
        let plain = try #require(renderedError("SELECT COUNT(*) FROM plain GROUP BY TUMBLE(t, INTERVAL '1' HOUR)", in: self.session))
        #expect(plain.hasPrefix("q.sql:1:44: TUMBLE needs a time attribute, but 't' is a plain TIMESTAMP_LTZ(3)"))
    }

    @Test func mapAccessAndConstructionSayWhatIsWrongWhere() throws {
        let notMap = try #require(renderedError("SELECT symbol['x'] FROM prices", in: session))
        #expect(notMap.hasPrefix("q.sql:1:8: [] reads a MAP value, but this is STRING"))
        let keyType = try #require(renderedError("SELECT MAP['a', 1]['a'], MAP['a', 1][DATE '2024-01-01'] FROM prices", in: session))
        #expect(keyType.hasPrefix("q.sql:1:38: the map's keys are STRING, so the key in [] cannot be DATE"))
        let odd = try #require(renderedError("SELECT MAP['a', 1, 'b'] FROM prices", in: session))
        #expect(odd.hasPrefix("q.sql:1:8: MAP[...] needs keys and values in pairs, got 3 expressions"))
        let mixed = try #require(renderedError("SELECT MAP['a', 1, 'b', DATE '2024-01-01'] FROM prices", in: session))
        #expect(mixed.hasPrefix("q.sql:1:25: MAP[...] values must share a type: INT and DATE do not"))
        let hex = try #require(renderedError("SELECT X'abc' FROM prices", in: session))
        #expect(hex.hasPrefix("q.sql:1:9: a binary literal needs an even number of hexadecimal digits"))
        let cast = try #require(renderedError("SELECT CAST(X'00' AS INT) FROM prices", in: session))
        #expect(cast.hasPrefix("q.sql:1:8: cannot cast BINARY(1) to INT"))
    }

    @Test func typeMismatchNamesBothTypes() throws {
        let text = try #require(renderedError("SELECT symbol FROM prices WHERE symbol > 5", in: session))
        #expect(text.hasPrefix("q.sql:1:33: cannot compare STRING with INT"))
        let arithmetic = try #require(renderedError("SELECT symbol + 1 FROM prices", in: session))
        #expect(arithmetic.contains("cannot apply '+' to STRING and INT"))
    }

    @Test func batchOverOrderedByANonTimeOrDescendingColumnIsRefusedNotMiscomputed() throws {
        let batch = try marketSession()
        _ = try batch.executeScript("SET 'execution.runtime-mode' = 'batch';")
        let text = try #require(renderedError("SELECT SUM(f) OVER (PARTITION BY symbol ORDER BY f DESC) FROM plain", in: batch))
        #expect(text.contains("OVER windows must be ordered ascending by a TIMESTAMP or TIMESTAMP_LTZ column, but this one is ordered by 'f'"))
        #expect(text.contains("descending"))
        let unfiltered = try #require(renderedError("SELECT ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY f DESC) FROM plain", in: batch))
        #expect(unfiltered.contains("needs a filter on the row number, as Flink's Top-N does"), "ROW_NUMBER by other keys is a Top-N once filtered")
        #expect(renderedError("SELECT ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY t) FROM plain", in: batch) == nil,
                "a plain timestamp orders a batch over-aggregate")
    }

    @Test func overOnAPlainTimestampSaysWhyAndHowToFix() throws {
        let text = try #require(renderedError("SELECT AVG(f) OVER (PARTITION BY symbol ORDER BY t) FROM plain", in: session))
        #expect(text.contains("q.sql:1:50: OVER windows must be ordered by a time attribute, but 't' is a plain TIMESTAMP_LTZ(3)"))
        #expect(text.contains("hint:"))
        #expect(text.contains("WATERMARK"))
    }

    @Test func regularJoinLosesTheTimeAttributeSoLaterOverFails() throws {
        let sql = """
            SELECT LAG(p.price) OVER (PARTITION BY p.symbol ORDER BY p.event_time)
            FROM prices p JOIN news n ON p.symbol = n.symbol
            """
        let text = try #require(renderedError(sql, in: session))
        #expect(text.contains("'event_time' is a plain TIMESTAMP_LTZ(3)"))
        #expect(text.contains("interval join"))
    }

    @Test func unknownTableAndFunctionSuggestNames() throws {
        #expect(renderedError("SELECT * FROM pricse", in: session)?.contains("unknown table or view 'pricse' (did you mean 'prices'?)") == true)
        #expect(renderedError("SELECT UPPR(symbol) FROM prices", in: session)?.contains("unknown function 'UPPR' (did you mean 'UPPER'?)") == true)
    }

    @Test func ambiguousColumnAsksForAQualifier() throws {
        let text = try #require(renderedError("SELECT symbol FROM prices p JOIN news n ON p.symbol = n.symbol", in: session))
        #expect(text.contains("column 'symbol' is ambiguous"))
        #expect(text.contains("'p.symbol' or 'n.symbol'"))
    }

    @Test func aRelationNamedTwiceInFromAsksForAnAlias() throws {
        let text = try #require(renderedError("SELECT * FROM prices, prices", in: session))
        #expect(text.contains("q.sql:1:23: 'prices' names two relations in FROM"))
        #expect(text.contains("prices AS prices2"))
        #expect(renderedError("SELECT * FROM prices, prices AS p2", in: session) == nil)
    }

    @Test func twoColumnsOfOneNameUnderOneQualifierAskForARename() throws {
        let text = try #require(renderedError("""
            WITH w1 AS (SELECT window_start, window_end, window_time AS wt, symbol, SUM(qty) AS s
                        FROM TABLE(TUMBLE(TABLE prices, DESCRIPTOR(event_time), INTERVAL '2' SECOND)) GROUP BY window_start, window_end, window_time, symbol)
            SELECT window_start FROM TABLE(TUMBLE(TABLE w1, DESCRIPTOR(wt), INTERVAL '4' SECOND))
            """, in: session))
        #expect(text.contains("column 'window_start' is ambiguous: its input has 2 columns of that name"))
        #expect(!text.contains(" or "))
    }

    /// Each of these used to pass planning and trap the process when an operator turned the interval into microseconds.
    @Test(arguments: [
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE prices, DESCRIPTOR(event_time), INTERVAL '106751992' DAY)) GROUP BY window_start, window_end",
        "SELECT window_start FROM TABLE(TUMBLE(TABLE prices, DESCRIPTOR(event_time), INTERVAL '10' SECOND, INTERVAL '4000000' DAY))",
        "SELECT SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time RANGE BETWEEN INTERVAL '999999999' DAY PRECEDING AND CURRENT ROW) FROM prices",
        "SELECT event_time + INTERVAL '106751992' DAY FROM prices",
        "SELECT INTERVAL '99999999' YEAR FROM prices",
        "SELECT COUNT(*) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 9223372036854775807 PRECEDING AND CURRENT ROW) FROM prices",
    ])
    func intervalsAndFramesTooLongToComputeWithAreRefused(query: String) throws {
        let text = try #require(renderedError(query, in: session))
        #expect(text.hasPrefix("q.sql:1:"))
        #expect(text.contains("10,000 years") || text.contains("ROWS frame offsets") || text.contains("INTERVAL literal") || text.contains("constant"))
    }

    @Test func viewsNestedTooDeepAndHopsWithTooManyWindowsAreRefused() throws {
        let chain = (1...99).map { "CREATE VIEW v\($0) AS SELECT * FROM v\($0 - 1);" }.joined(separator: "\n")
        let deep = try marketSession("CREATE VIEW v0 AS SELECT symbol FROM prices;\n" + chain)
        #expect(renderedError("SELECT * FROM v99", in: deep) == nil)
        let tooDeep = try #require(renderedError("CREATE VIEW v100 AS SELECT * FROM v99", in: deep))
        #expect(tooDeep.contains("views nest more than 100 deep here (v100 -> v99 -> v98 -> ...)"))
        #expect(!tooDeep.contains("no longer binds"))
        let hop = try #require(renderedError("""
            SELECT window_start FROM TABLE(HOP(TABLE prices, DESCRIPTOR(event_time), INTERVAL '1' SECOND, INTERVAL '99999' DAY))
            """, in: session))
        #expect(hop.contains("HOP would put each row in 8639913600 windows; at most 10000"))
    }

    @Test func insertColumnCountAndTypesAreChecked() throws {
        #expect(renderedError("INSERT INTO out_append SELECT symbol FROM prices", in: session)?
            .contains("INSERT INTO 'out_append' writes 2 columns but the query gives 1") == true)
        #expect(renderedError("INSERT INTO out_append SELECT symbol, event_time FROM prices", in: session)?
            .contains("column 'b' of 'out_append' is BIGINT but the query gives TIMESTAMP_LTZ(3)") == true)
    }

    @Test func insertWidensNumbersButNeverNarrowsThemSilently() throws {
        #expect(renderedError("INSERT INTO out_append SELECT symbol, qty FROM prices", in: session) == nil)
        #expect(renderedError("INSERT INTO out_append SELECT symbol, CAST(qty AS TINYINT) FROM prices", in: session) == nil)
        let narrowing = try #require(renderedError("INSERT INTO out_append SELECT symbol, price FROM prices", in: session))
        #expect(narrowing.contains("column 'b' of 'out_append' is BIGINT but the query gives DOUBLE"))
        #expect(narrowing.contains("CAST(... AS BIGINT)"))
        #expect(renderedError("INSERT INTO out_append SELECT symbol, amount FROM prices", in: session)?
            .contains("is BIGINT but the query gives DECIMAL(12, 2)") == true)
    }

    @Test func groupingRulesAreEnforced() throws {
        #expect(renderedError("SELECT symbol, qty FROM prices GROUP BY symbol", in: session)?
            .contains("column 'qty' must appear in GROUP BY or be used in an aggregate function") == true)
        #expect(renderedError("SELECT symbol FROM prices WHERE COUNT(*) > 1", in: session)?
            .contains("aggregate function COUNT is not allowed in WHERE") == true)
        #expect(renderedError("SELECT SUM(COUNT(*)) FROM prices", in: session)?.contains("cannot be nested") == true)
    }

    @Test func windowFunctionsNeedATimeAttribute() throws {
        let text = try #require(renderedError("SELECT * FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(t), INTERVAL '1' MINUTE))", in: session))
        #expect(text.contains("TUMBLE needs a time attribute, but 't' is a plain TIMESTAMP_LTZ(3)"))
        #expect(renderedError("SELECT ROW_NUMBER() FROM prices", in: session)?.contains("ROW_NUMBER needs an OVER clause") == true)
    }

    @Test func tableDefinitionsAreValidated() throws {
        #expect(renderedError("CREATE TABLE t (a INT, a STRING) WITH ('connector' = 'print')", in: session)?.contains("column 'a' is defined twice") == true)
        #expect(renderedError("CREATE TABLE t (a BIGINT, WATERMARK FOR a AS a) WITH ('connector' = 'print')", in: session)?
            .contains("the WATERMARK column 'a' must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), not BIGINT") == true)
        #expect(renderedError("CREATE TABLE t (a INT)", in: session)?.contains("table 't' needs a 'connector' option") == true)
        #expect(renderedError("CREATE TABLE t (a INT) WITH ('connector' = 'print', 'connector' = 'blackhole')", in: session)?
            .contains("option 'connector' is given twice") == true)
        #expect(renderedError("CREATE TABLE t (a INT, b AS a + c) WITH ('connector' = 'print')", in: session)?.contains("unknown column 'c'") == true)
        #expect(renderedError("CREATE TABLE prices (a INT) WITH ('connector' = 'print')", in: session)?.contains("table 'prices' already exists") == true)
    }

    @Test func framesThatLookAheadAreRefused() throws {
        let text = try #require(renderedError("SELECT SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM prices", in: session))
        #expect(text.contains("window frames must end at CURRENT ROW"))
    }

    @Test func earlierStatementsSurviveALaterError() throws {
        let fresh = try marketSession()
        let text = renderedError("CREATE VIEW ok AS SELECT symbol FROM prices;\nCREATE VIEW bad AS SELECT nope FROM prices;", in: fresh)
        #expect(text?.hasPrefix("q.sql:2:27: unknown column 'nope'") == true)
        #expect(fresh.catalog.entry("ok") != nil)
        #expect(fresh.catalog.entry("bad") == nil)
    }
}
