// Every statement form of the dialect parses, prints and parses back to the same tree.
import BrookCore
import BrookSQL
import Foundation
import Testing

@Suite struct ParserRoundTripTests {
    static let statements: [String] = [
        // CREATE TABLE forms
        "CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'print')",
        "CREATE TABLE t (b BYTES, f BINARY(4), v VARBINARY(10), h MAP<STRING, BYTES> METADATA FROM 'headers' VIRTUAL, m MAP<INT, MAP<STRING, DOUBLE>>)",
        "CREATE OR REPLACE TEMPORARY TABLE IF NOT EXISTS db.t (a INT NOT NULL, b VARCHAR(10) COMMENT 'bee', PRIMARY KEY (a) NOT ENFORCED) COMMENT 'tbl' WITH ('connector' = 'blackhole')",
        "CREATE TABLE t (ts BIGINT, event_time AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND)",
        "CREATE TABLE t (k STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', p INT METADATA VIRTUAL, o BIGINT METADATA FROM 'offset' VIRTUAL)",
        "CREATE TABLE t (a BOOLEAN, b TINYINT, c SMALLINT, d INTEGER, e BIGINT, f FLOAT, g DOUBLE, h DECIMAL, i DECIMAL(12, 4), j CHAR(3), k VARCHAR, l DATE, m TIME, n TIMESTAMP(3), o TIMESTAMP_LTZ, p TIMESTAMP(3) WITH LOCAL TIME ZONE)",
        "CREATE TABLE t (id BIGINT PRIMARY KEY NOT ENFORCED, v DOUBLE)",
        "CREATE TABLE `select` (`from` INT, `we``ird` STRING)",
        // views, drops
        "CREATE VIEW v AS SELECT a FROM t",
        "CREATE OR REPLACE TEMPORARY VIEW IF NOT EXISTS v (x, y) AS SELECT a, b FROM t",
        "DROP TABLE t", "DROP TABLE IF EXISTS db.t", "DROP TEMPORARY VIEW IF EXISTS v", "DROP VIEW v",
        // DML
        "INSERT INTO sink SELECT * FROM src",
        "INSERT INTO sink (a, b) SELECT x, y FROM src WHERE x > 1",
        "INSERT OVERWRITE sink VALUES (1, 'a'), (2, 'b')",
        "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM t; INSERT INTO b SELECT * FROM t; END",
        // session statements
        "SHOW TABLES", "SHOW VIEWS", "SHOW FUNCTIONS", "SHOW JOBS", "DESCRIBE t", "DESC db.t",
        "EXPLAIN SELECT * FROM t", "EXPLAIN INSERT INTO s SELECT a FROM t",
        "SET", "STOP JOB '3'", "SET 'table.local-time-zone' = 'UTC'", "SET 'parallelism.default' = '2'", "RESET", "RESET 'execution.runtime-mode'",
        // queries
        "SELECT 1", "SELECT DISTINCT a, b AS c, t.* FROM t",
        "SELECT h['source'], m[1]['x'] + 1, MAP['a', X'00ff', 'b', CAST(NULL AS BYTES)], X'', -h['n'] FROM t", "SELECT * FROM t AS x WHERE x.a = 1",
        "WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT y FROM b",
        "SELECT a, COUNT(*), COUNT(DISTINCT b), SUM(c) FROM t GROUP BY a HAVING COUNT(*) > 1",
        "SELECT a FROM t ORDER BY a DESC NULLS LAST, b LIMIT 10",
        "SELECT a FROM t UNION ALL SELECT a FROM u UNION ALL SELECT a FROM v",
        "SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v EXCEPT SELECT a FROM w",
        "(SELECT a FROM t UNION SELECT b FROM u) INTERSECT SELECT c FROM v",
        "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)",
        "SELECT * FROM VALUES (1), (2) AS v (n)",
        "VALUES (1, 2), (3, 4)",
        "SELECT * FROM (SELECT a FROM t) AS s",
        "SELECT * FROM a JOIN b ON a.k = b.k LEFT JOIN c ON b.k = c.k RIGHT OUTER JOIN d ON c.k = d.k FULL JOIN e ON d.k = e.k",
        "SELECT * FROM a CROSS JOIN b, c",
        "SELECT * FROM a JOIN (b JOIN c ON b.k = c.k) ON a.k = b.k",
        "SELECT window_start, window_end, SUM(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end",
        "SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))",
        "SELECT * FROM TABLE(CUMULATE(DATA => TABLE bids, TIMECOL => DESCRIPTOR(bidtime), STEP => INTERVAL '2' MINUTE, SIZE => INTERVAL '10' MINUTE)) AS w",
        "SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '1' HOUR, INTERVAL '5' MINUTE))",
        "SELECT AVG(c) OVER (PARTITION BY s ORDER BY t ROWS BETWEEN 19 PRECEDING AND CURRENT ROW) FROM p",
        "SELECT SUM(c) OVER (ORDER BY t RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM p",
        "SELECT SUM(c) OVER (ORDER BY t ROWS UNBOUNDED PRECEDING) FROM p",
        "SELECT ROW_NUMBER() OVER w, LAG(c, 1) OVER w, LEAD(c) OVER (w ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM p WINDOW w AS (PARTITION BY s ORDER BY t)",
        "SELECT s, COUNT(*) FILTER (WHERE c > 0), SUM(c) FILTER (WHERE s LIKE 'A%' AND c < 10) AS small FROM p GROUP BY s",
        // expressions
        "SELECT a + b * c - d / e % f, -a, - -a, +a, a || b FROM t",
        "SELECT (a + b) * c, a - (b - c), a - b - c, NOT (a AND b), NOT a OR b, (a OR b) AND c FROM t",
        "SELECT a = b, a <> b, a != b, a < b, a <= b, a > b, a >= b, (a = b) = c FROM t",
        "SELECT a IS NULL, a IS NOT NULL, a IS TRUE, a IS NOT FALSE FROM t",
        "SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b + 1, (a = b) IS UNKNOWN, c IS NOT UNKNOWN, (a IS DISTINCT FROM b) = c FROM t",
        "SELECT a BETWEEN SYMMETRIC 4 AND 2, a NOT BETWEEN SYMMETRIC b AND c, a BETWEEN ASYMMETRIC 1 AND 2 FROM t",
        "SELECT FLOOR(ts TO HOUR), CEIL(ts TO MINUTE), CEILING(d TO QUARTER), FLOOR(x), CEIL(1.5), FLOOR((ts + INTERVAL '1' DAY) TO WEEK), CEIL((INTERVAL '1' DAY) TO DAY) FROM t",
        "SELECT TIMESTAMPADD(MINUTE, 90, ts), TIMESTAMPDIFF(MONTH, a, b), EXTRACT(DOW FROM d), EXTRACT(DOY FROM d), EXTRACT(MICROSECOND FROM ts) FROM t",
        "SELECT POSITION('l' IN s), POSITION(a || b IN s || 'x'), POSITION((a IN (1, 2)) IN s), LOCATE('l', s, 2) FROM t",
        "SELECT OVERLAY(s PLACING 'XX' FROM 2 FOR 3), OVERLAY(s PLACING r FROM n) FROM t",
        "SELECT a BETWEEN 1 AND 2, a NOT BETWEEN b - 1 AND b + 1, a IN (1, 2, 3), a NOT IN ('x'), s LIKE 'a%', s NOT LIKE 'a!%' ESCAPE '!' FROM t",
        "SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE NULL END, CASE a WHEN 1 THEN 'one' END FROM t",
        "SELECT CAST(a AS DECIMAL(10, 2)), TRY_CAST(s AS INT NOT NULL), CAST(x AS TIMESTAMP_LTZ(3)) FROM t",
        "SELECT COALESCE(a, b, 0), NULLIF(a, 0), IF(a > 0, 'y', 'n') FROM t",
        "SELECT TO_TIMESTAMP_LTZ(ts, 3), TO_TIMESTAMP('2024-01-01 00:00:00'), DATE_FORMAT(t, 'yyyy-MM-dd'), UNIX_TIMESTAMP(), FROM_UNIXTIME(1), CURRENT_TIMESTAMP, CURRENT_WATERMARK(t) FROM x",
        "SELECT ABS(a), ROUND(a, 2), FLOOR(a), CEIL(a), POWER(a, 2), SQRT(a), LN(a), LOG10(a), EXP(a), MOD(a, 3) FROM t",
        "SELECT UPPER(s), LOWER(s), CONCAT(s, 'x'), CONCAT_WS('-', a, b), SUBSTRING(s, 1, 3), SUBSTRING(s FROM 2 FOR 3), CHAR_LENGTH(s), TRIM(s), TRIM(LEADING 'x' FROM s), TRIM(BOTH FROM s), REPLACE(s, 'a', 'b'), REGEXP(s, '^a') FROM t",
        "SELECT JSON_VALUE(j, '$.a'), JSON_OBJECT('headline' VALUE headline, 'sentiment' VALUE sentiment), JSON_OBJECT(KEY 'k' VALUE v ABSENT ON NULL), JSON_OBJECT() FROM t",
        "SELECT COUNT(*), SUM(a), AVG(a), MIN(a), MAX(a), STDDEV_POP(a), FIRST_VALUE(a), LAST_VALUE(a) FROM t",
        "SELECT INTERVAL '1' MINUTE, INTERVAL '-2' DAY, INTERVAL '1:30' HOUR TO MINUTE, DATE '2024-05-31', TIME '10:00:00', TIMESTAMP '2024-05-31 10:00:00.123', TRUE, FALSE, NULL, 1.5, 2e3, 'it''s' FROM t",
        "SELECT EXTRACT(HOUR FROM ts), `timestamp`, `close`, `open` FROM t",
        "SELECT t.a.b FROM t",
    ]

    @Test(arguments: statements)
    func statementRoundTrips(_ sql: String) throws {
        try expectRoundTrip(sql)
    }

    @Test func seedPipelinesParseAndRoundTrip() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for file in ["sql/ddl.sql", "sql/ddl.kafka.sql"] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let statements = try Parser.parseScript(text)
            #expect(statements.count == 9, "\(file) has the seed's nine statements")
            for statement in statements {
                let printed = SQLPrinter.print(statement)
                #expect(try Parser.parseStatement(printed) == statement, "\(file): \(printed)")
            }
        }
    }

    @Test func keywordsAreCaseInsensitiveAndNamesKeepCase() throws {
        let lower = try Parser.parseStatement("select Close from Prices where Close > 1")
        let upper = try Parser.parseStatement("SELECT Close FROM Prices WHERE Close > 1")
        #expect(lower == upper)
        let mixed = try Parser.parseStatement("SELECT close FROM prices")
        #expect(mixed != lower, "identifiers are case-sensitive, as in Flink")
    }

    @Test func commentsAreIgnored() throws {
        let plain = try Parser.parseStatement("SELECT a FROM t")
        let commented = try Parser.parseStatement("-- leading\nSELECT /* inline */ a -- trailing\nFROM /* multi\nline */ t")
        #expect(plain == commented)
    }

    @Test func plainDecimalIsTenZero() throws {
        let statement = try Parser.parseStatement("CREATE TABLE t (s DECIMAL, v VARCHAR, f FLOAT)")
        guard case .createTable(let table) = statement.kind else {
            Issue.record("not a CREATE TABLE")
            return
        }
        let types = table.columns.compactMap { column -> DataType? in
            if case .physical(_, let type, _) = column { return type.type }
            return nil
        }
        #expect(types == [.decimal(precision: 10, scale: 0), .string, .float])
    }

    @Test func scriptSplitsOnSemicolons() throws {
        let statements = try Parser.parseScript("SET 'a' = 'b';; SELECT 1; SHOW TABLES;")
        #expect(statements.count == 3)
    }

    @Test func statementRangesCoverTheirText() throws {
        let text = "SELECT 1;\nCREATE VIEW v AS SELECT a\n  FROM t;"
        let statements = try Parser.parseScript(text)
        let second = statements[1].range
        #expect(second.start.line == 2 && second.start.column == 1)
        #expect(second.end.line == 3 && second.end.column == 9)
    }
}
