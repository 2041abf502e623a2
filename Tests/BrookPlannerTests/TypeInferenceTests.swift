// Result types follow Flink SQL's documented rules.
import BrookCore
import BrookPlanner
import Testing

@Suite struct TypeInferenceTests {
    let session: Session

    init() throws { session = try marketSession() }

    func types(_ select: String) throws -> [String] {
        try plan("SELECT \(select) FROM plain", in: session).logical[0].schema.fields.map { $0.type.description }
    }

    @Test func averagesKeepTheArgumentType() throws {
        #expect(try types("AVG(n), AVG(f), SUM(n), MIN(f), MAX(symbol)") == ["INT", "FLOAT", "INT", "FLOAT", "STRING"])
        let decimals = try plan("SELECT AVG(amount), SUM(amount), AVG(sentiment) FROM prices JOIN news ON prices.symbol = news.symbol", in: session)
        #expect(decimals.logical[0].schema.fields.map { $0.type.type } == [.decimal(precision: 38, scale: 6), .decimal(precision: 38, scale: 2), .decimal(precision: 38, scale: 6)])
    }

    @Test func countIsNotNullBigint() throws {
        #expect(try types("COUNT(*), COUNT(n), COUNT(DISTINCT symbol)") == ["BIGINT NOT NULL", "BIGINT NOT NULL", "BIGINT NOT NULL"])
    }

    @Test func integerArithmeticStaysInteger() throws {
        #expect(try types("n + n, n / 2, n * 1, n % 3, n + 1.5, n + f, f * 2.0e0") == ["INT", "INT", "INT", "INT", "DECIMAL(12, 1)", "FLOAT", "DOUBLE"])
    }

    @Test func decimalArithmeticWidensAsFlink() throws {
        let result = try plan("SELECT amount + amount, amount * amount, amount / 3, amount + 1 FROM prices", in: session)
        #expect(result.logical[0].schema.fields.map { $0.type.type } == [
            .decimal(precision: 13, scale: 2), .decimal(precision: 24, scale: 4), .decimal(precision: 23, scale: 13), .decimal(precision: 13, scale: 2),
        ])
    }

    @Test func literalsHaveFlinkTypes() throws {
        #expect(try types("1, 3000000000, 0.296, 1e3, 'BUY', TRUE, INTERVAL '1' MINUTE, DATE '2024-05-31', TIMESTAMP '2024-05-31 10:00:00.123'") == [
            "INT NOT NULL", "BIGINT NOT NULL", "DECIMAL(3, 3) NOT NULL", "DOUBLE NOT NULL", "CHAR(3) NOT NULL", "BOOLEAN NOT NULL",
            "INTERVAL SECOND(3) NOT NULL", "DATE NOT NULL", "TIMESTAMP(3) NOT NULL",
        ])
    }

    @Test func caseOfStringLiteralsIsVarcharNotPaddedChar() throws {
        #expect(try types("CASE WHEN n > 0 THEN 'BUY' WHEN n < 0 THEN 'SELL' ELSE NULL END") == ["VARCHAR(4)"])
        #expect(try types("CASE WHEN n > 0 THEN 'BUY' ELSE 'NO' END") == ["VARCHAR(3) NOT NULL"])
    }

    @Test func functionsReturnTheirDocumentedTypes() throws {
        #expect(try types("TO_TIMESTAMP_LTZ(n, 3), UPPER(symbol), CHAR_LENGTH(symbol), COALESCE(n, 0), NULLIF(n, 0), IF(n > 0, f, 0.5e0), ROUND(f, 1), POWER(n, 2)") == [
            "TIMESTAMP_LTZ(3)", "STRING", "INT", "INT NOT NULL", "INT", "DOUBLE", "FLOAT", "DOUBLE",
        ])
        #expect(try types("JSON_OBJECT('headline' VALUE symbol, 'n' VALUE n), CURRENT_TIMESTAMP, CAST(n AS STRING), TRY_CAST(symbol AS INT)") == [
            "STRING NOT NULL", "TIMESTAMP_LTZ(3) NOT NULL", "STRING", "INT",
        ])
    }

    @Test func comparisonsAndPredicatesAreBoolean() throws {
        #expect(try types("n > 1, n BETWEEN 1 AND 2, symbol LIKE 'A%', n IN (1, 2), n IS NULL, NOT (n = 1)") == [
            "BOOLEAN", "BOOLEAN", "BOOLEAN", "BOOLEAN", "BOOLEAN NOT NULL", "BOOLEAN",
        ])
    }

    @Test func overAggregatesAndLagAreNullable() throws {
        let result = try plan("SELECT AVG(price) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), LAG(qty) OVER (PARTITION BY symbol ORDER BY event_time), ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY event_time) FROM prices", in: session)
        #expect(result.logical[0].schema.fields.map { $0.type.description } == ["DOUBLE", "INT", "BIGINT NOT NULL"])
    }

    @Test func unionTakesTheCommonType() throws {
        let result = try plan("SELECT n FROM plain UNION ALL SELECT qty * 2 FROM prices UNION ALL SELECT CAST(1 AS BIGINT) FROM plain", in: session)
        #expect(result.logical[0].schema.fields.map { $0.type.type } == [.bigint])
    }

    @Test func describeShowsComputedColumnsAndTheWatermark() throws {
        let result = try session.executeScript("DESCRIBE prices").first!
        guard case .rows(let columns, let rows) = result else {
            Issue.record("DESCRIBE did not return rows")
            return
        }
        #expect(columns == ["name", "type", "null", "key", "extras", "watermark"])
        #expect(rows.last == ["event_time", "TIMESTAMP_LTZ(3) *ROWTIME*", "TRUE", "", "AS TO_TIMESTAMP_LTZ(ts, 3)", "event_time - INTERVAL 5 s"])
    }
}
