// Built-in and sentiment functions evaluate as Flink documents them, including NULL handling.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSentiment
import Testing

@Suite struct SQLFunctionTests {
    func evaluate(_ expressions: String, _ setup: String = "") throws -> [Value] {
        try selectRow(expressions, setup)
    }

    @Test func arithmeticFollowsTheResultTypes() throws {
        #expect(try evaluate("7 / 2, -7 / 2, 7 % 3, 2147483647 + 1, CAST(7 AS DOUBLE) / 2, 1.10 + 2.205, CAST(10 AS DECIMAL(5, 2)) / 3") == [
            .integer(3), .integer(-3), .integer(1), .integer(-2_147_483_648), .double(3.5),
            .decimal(DecimalValue(parsing: "3.305")!), .decimal(DecimalValue(parsing: "3.3333333333333")!),
        ])
    }

    @Test func nullPropagatesAndThreeValuedLogicHolds() throws {
        #expect(try evaluate("CAST(NULL AS INT) + 1, NULL IS NULL, CAST(NULL AS BOOLEAN) AND FALSE, CAST(NULL AS BOOLEAN) OR TRUE, CAST(NULL AS BOOLEAN) AND TRUE, 1 IN (2, NULL), 1 IN (1, NULL)") == [
            .null, .boolean(true), .boolean(false), .boolean(true), .null, .null, .boolean(true),
        ])
    }

    @Test func caseEvaluatesOnlyTheBranchTaken() throws {
        #expect(try evaluate("CASE WHEN 1 = 1 THEN 'one' ELSE CAST(1 / 0 AS STRING) END, COALESCE(NULL, 2, 3), NULLIF(5, 5), IF(2 > 1, 'yes', 'no')") == [
            .string("one"), .integer(2), .null, .string("yes"),
        ])
    }

    @Test func stringFunctions() throws {
        #expect(try evaluate("UPPER('abc'), LOWER('AbC'), CONCAT('a', 'b', 'c'), CONCAT_WS('-', 'a', CAST(NULL AS STRING), 'c'), SUBSTRING('market', 2, 3), SUBSTRING('market' FROM 4), CHAR_LENGTH('héllo'), TRIM('  x  '), TRIM(LEADING 'x' FROM 'xxy'), REPLACE('a-b-c', '-', '+'), 'ab' || 'cd'") == [
            .string("ABC"), .string("abc"), .string("abc"), .string("a-c"), .string("ark"), .string("ket"), .integer(5), .string("x"), .string("y"), .string("a+b+c"), .string("abcd"),
        ])
        #expect(try evaluate("'AAPL' LIKE 'A%', 'AAPL' LIKE '_APL', 'A%B' LIKE 'A!%B' ESCAPE '!', REGEXP('Tesla shares fell', 'fell|drop'), REGEXP_EXTRACT('price 194.72 usd', '([0-9]+\\.[0-9]+)', 1)") == [
            .boolean(true), .boolean(true), .boolean(true), .boolean(true), .string("194.72"),
        ])
    }

    @Test func mapsAndBytesFollowFlink() throws {
        #expect(try evaluate("CAST(X'616263' AS STRING), CAST('abc' AS BYTES), CAST(X'01' AS BINARY(3)), CAST(X'010203' AS VARBINARY(2)), ENCODE('é', 'UTF-8'), DECODE(X'c3a9', 'UTF-8')") == [
            .string("abc"), .bytes([0x61, 0x62, 0x63]), .bytes([1, 0, 0]), .bytes([1, 2]), .bytes([0xC3, 0xA9]), .string("é"),
        ])
        #expect(try evaluate("MAP['a', 1, 'bb', 2]['bb'], MAP['a', 1, 'a', 2]['a'], MAP['a', 1]['z'], CARDINALITY(MAP['a', 1, 'b', 2]), MAP[1, 'x'][CAST(1 AS BIGINT)]") == [
            .integer(2), .integer(2), .null, .integer(2), .string("x"),
        ])
        #expect(try evaluate("CAST(MAP['k', X'6869'] AS STRING), CAST(MAP['k', 'hi'] AS MAP<STRING, BYTES>)['k'], CAST(NULL AS MAP<STRING, INT>)['a']") == [
            .string("{k=x'6869'}"), .bytes([0x68, 0x69]), .null,
        ])
        #expect(try evaluate("X'00ff' = CAST(X'00ff' AS BYTES), X'00' < X'ff', X'ff' < X'ff00', X'01' <> X'0100', MAP['s', X'61']['s'] = ENCODE('a', 'UTF-8')") == [
            .boolean(true), .boolean(true), .boolean(true), .boolean(true), .boolean(true),
        ])
        #expect(throws: (any Error).self) { try evaluate("DECODE(X'ff', 'UTF-8')") }
        #expect(throws: (any Error).self) { try evaluate("ENCODE('a', 'EBCDIC')") }
    }

    @Test func leftRightGreatestLeastSignAndDateParts() throws {
        #expect(try evaluate("LEFT('market', 3), RIGHT('market', 3), LEFT('abc', -1), RIGHT('abc', 10), LEFT(CAST(NULL AS STRING), 1)") == [
            .string("mar"), .string("ket"), .string(""), .string("abc"), .null,
        ])
        #expect(try evaluate("LPAD('hi', 4, '?!'), RPAD('hi', 5, 'xy'), LPAD('hello', 2, 'x'), LPAD('hi', -1, 'x'), RPAD('hi', 4, '')") == [
            .string("?!hi"), .string("hixyx"), .string("he"), .null, .null,
        ])
        #expect(throws: (any Error).self) { try evaluate("LPAD('hi', 99999999999, 'x')") }
        #expect(throws: (any Error).self) { try evaluate("TO_TIMESTAMP_LTZ(99999999999999999, 3)") }
        #expect(throws: (any Error).self) { try evaluate("FROM_UNIXTIME(99999999999999)") }
        #expect(throws: (any Error).self) { try evaluate("CAST(CAST(1e30 AS DOUBLE) AS TIMESTAMP(3))") }
        #expect(try evaluate("GREATEST(1, 2.5, CAST(2 AS DOUBLE)), LEAST(3, 1, 2), GREATEST('b', 'abc'), GREATEST(1, CAST(NULL AS INT)), LEAST(DATE '2024-01-02', DATE '2023-12-31')") == [
            .double(2.5), .integer(1), .string("b"), .null, .date(19_722),
        ])
        #expect(try evaluate("SIGN(-2.5), SIGN(0), SIGN(CAST(7 AS BIGINT)), SIGN(CAST(-0.5 AS DOUBLE))") == [
            .decimal(DecimalValue(parsing: "-1.0")!), .integer(0), .integer(1), .double(-1),
        ])
        let parts = "YEAR(t), QUARTER(t), MONTH(t), DAYOFMONTH(t), HOUR(t), MINUTE(t), SECOND(t)"
        #expect(try evaluate(parts.replacingOccurrences(of: "(t)", with: "(TIMESTAMP '2024-11-05 23:04:09')")) == [2024, 4, 11, 5, 23, 4, 9].map { .integer($0) })
        #expect(try evaluate("YEAR(DATE '2024-02-29'), QUARTER(DATE '2024-03-31'), HOUR(TIME '07:08:09')") == [.integer(2024), .integer(1), .integer(7)])
        #expect(try evaluate("HOUR(TO_TIMESTAMP_LTZ(0, 3))", "SET 'table.local-time-zone' = 'Asia/Tokyo';") == [.integer(9)],
                "a TIMESTAMP_LTZ is read in the session time zone")
        #expect(throws: (any Error).self) { try evaluate("YEAR(TIME '07:08:09')") }
        #expect(throws: (any Error).self) { try evaluate("GREATEST(1, 'a')") }
    }

    @Test func jsonFunctions() throws {
        #expect(try evaluate("JSON_OBJECT('headline' VALUE 'Up 5%', 'sentiment' VALUE 0.5, 'n' VALUE CAST(NULL AS INT)), JSON_OBJECT('n' VALUE CAST(NULL AS INT) ABSENT ON NULL), JSON_VALUE('{\"a\":{\"b\":[10,20]}}', '$.a.b[1]')") == [
            .string("{\"headline\":\"Up 5%\",\"sentiment\":0.5,\"n\":null}"), .string("{}"), .string("20"),
        ])
    }

    @Test func temporalFunctions() throws {
        #expect(try evaluate("TO_TIMESTAMP_LTZ(1717581780000, 3), TO_TIMESTAMP_LTZ(1717581780, 0), TO_TIMESTAMP('2024-06-05 10:03:00'), DATE_FORMAT(TIMESTAMP '2024-06-05 10:03:09', 'yyyy/MM/dd HH:mm'), FROM_UNIXTIME(1717581789), UNIX_TIMESTAMP('2024-06-05 10:03:09'), EXTRACT(HOUR FROM TIMESTAMP '2024-06-05 10:03:09'), TIMESTAMP '2024-01-31 00:00:00' + INTERVAL '1' MINUTE") == [
            .timestamp(1_717_581_780_000_000), .timestamp(1_717_581_780_000_000), .timestamp(1_717_581_780_000_000), .string("2024/06/05 10:03"),
            .string("2024-06-05 10:03:09"), .integer(1_717_581_789), .integer(10), .timestamp(1_706_659_260_000_000),
        ])
    }

    @Test func numericFunctions() throws {
        #expect(try evaluate("ABS(-3), ROUND(2.345, 2), ROUND(CAST(2.5 AS DOUBLE)), FLOOR(-1.5), CEIL(1.2), POWER(2, 10), SQRT(16), MOD(10, 3), LN(1), LOG10(1000)") == [
            .integer(3), .decimal(DecimalValue(parsing: "2.35")!), .double(3), .decimal(DecimalValue(parsing: "-2")!), .decimal(DecimalValue(parsing: "2")!),
            .double(1024), .double(4), .integer(1), .double(0), .double(3),
        ])
    }

    @Test func castsConvertAndTryCastGivesNullOnBadInput() throws {
        #expect(try evaluate("CAST('42' AS INT), TRY_CAST('abc' AS INT), CAST(3.99 AS INT), CAST(0.296 AS DECIMAL), CAST(0.5 AS DECIMAL), CAST(-0.5481 AS DECIMAL), CAST(TRUE AS STRING), CAST('2024-05-31' AS DATE)") == [
            .integer(42), .null, .integer(3), .decimal(DecimalValue(unscaled: 0, scale: 0)), .decimal(DecimalValue(unscaled: 1, scale: 0)),
            .decimal(DecimalValue(unscaled: -1, scale: 0)), .string("TRUE"), .date(Int32(TemporalText.parseDate("2024-05-31")!)),
        ])
        #expect(throws: RuntimeError.self) { try evaluate("CAST('abc' AS INT)") }
    }

    @Test func sentimentScoresWithTheChosenModel() throws {
        let headline = "Piper Sandler Raises Tesla Price Target"
        let values = try evaluate("SENTIMENT('\(headline)'), SENTIMENT('\(headline)', 'finance'), SENTIMENT_LABEL('\(headline)', 'finance'), SENTIMENT(CAST(NULL AS STRING))")
        #expect(values == [.double(VaderModel.shared.score(headline)), .double(FinanceModel.shared.score(headline)),
                           .string(SentimentLabel(score: FinanceModel.shared.score(headline)).rawValue), .null])
        #expect(values[2] == .string("positive"))
        let switched = try evaluate("SENTIMENT('shares fell after the downgrade')", "SET 'sentiment.model' = 'finance';")
        #expect(switched == [.double(FinanceModel.shared.score("shares fell after the downgrade"))])
    }

    @Test func unknownSentimentModelIsABindError() throws {
        let session = try runtimeSession("")
        #expect(throws: SessionError.self) { try session.executeScript("SELECT SENTIMENT('x', 'gpt')") }
    }
}
