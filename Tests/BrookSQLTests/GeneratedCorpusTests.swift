// A generated corpus of random statements, each of which must round-trip through the printer.
import BrookCore
import BrookSQL
import Testing

/// Writes random SQL text from the dialect's grammar, to a bounded depth.
struct SQLGenerator {
    var random: SplitMix64

    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func column() -> String {
        pick(["a", "b", "price", "t.a", "s.close", "`close`", "`timestamp`", "`select`", "symbol", "event_time"])
    }

    mutating func literal() -> String {
        pick(["1", "42", "0.5", "1e3", "'x'", "'it''s'", "NULL", "TRUE", "FALSE", "INTERVAL '5' SECOND",
              "INTERVAL '1' MINUTE", "DATE '2024-01-02'", "TIMESTAMP '2024-01-02 03:04:05'"])
    }

    mutating func expression(_ depth: Int) -> String {
        if depth <= 0 { return chance(50) ? column() : literal() }
        let d = depth - 1
        switch Int.random(in: 0..<16, using: &random) {
        case 0: return "\(operand(d)) \(pick(["+", "-", "*", "/", "%", "||"])) \(operand(d))"
        case 1: return "\(operand(d)) \(pick(["=", "<>", "<", "<=", ">", ">="])) \(operand(d))"
        case 2: return "\(operand(d)) \(pick(["AND", "OR"])) \(operand(d))"
        case 3: return "NOT \(operand(d))"
        case 4: return "(\(expression(d)))"
        case 5: return "- \(operand(d))"
        case 6: return "\(operand(d)) IS \(pick(["", "NOT "]))\(pick(["NULL", "TRUE", "FALSE"]))"
        case 7: return "\(operand(d)) \(pick(["", "NOT "]))BETWEEN \(operand(d)) AND \(operand(d))"
        case 8: return "\(operand(d)) \(pick(["", "NOT "]))IN (\(expression(d)), \(expression(d)))"
        case 9: return "\(operand(d)) \(pick(["", "NOT "]))LIKE \(operand(d))"
        case 10: return "CASE WHEN \(expression(d)) THEN \(expression(d)) \(chance(50) ? "ELSE \(expression(d)) " : "")END"
        case 11: return "CAST(\(expression(d)) AS \(pick(["INT", "DOUBLE", "DECIMAL(10, 2)", "STRING", "TIMESTAMP_LTZ(3)", "BIGINT NOT NULL"])))"
        case 12: return "\(pick(["ABS", "UPPER", "COALESCE", "ROUND", "CONCAT", "TO_TIMESTAMP_LTZ"]))(\(expression(d)), \(expression(d)))"
        case 13: return "\(pick(["AVG", "SUM", "LAG", "MAX"]))(\(expression(d))) OVER (PARTITION BY \(column()) ORDER BY \(column()) ROWS BETWEEN \(Int.random(in: 0..<60, using: &random)) PRECEDING AND CURRENT ROW)"
        case 14: return "JSON_OBJECT('k' VALUE \(expression(d)))"
        default: return "TRIM(\(pick(["BOTH", "LEADING", "TRAILING"])) \(operand(d)) FROM \(expression(d)))"
        }
    }

    /// An operand of an operator: compound expressions are parenthesised, so the text parses as
    /// generated and the printer alone decides which parentheses the canonical form keeps.
    mutating func operand(_ depth: Int) -> String {
        let text = expression(depth)
        return text.hasPrefix("(") || depth <= 0 ? text : "(" + text + ")"
    }

    mutating func tableReference(_ depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 0 ? 5 : 2), using: &random) {
        case 0: return pick(["t", "prices p", "news AS n", "db.t"])
        case 1: return "TABLE(TUMBLE(TABLE t, DESCRIPTOR(event_time), INTERVAL '\(Int.random(in: 1..<60, using: &random))' MINUTE))"
        case 2: return "(\(query(depth - 1))) AS sub"
        case 3: return "\(tableReference(depth - 1)) \(pick(["JOIN", "LEFT JOIN", "FULL JOIN"])) \(tableReference(0)) ON \(expression(1))"
        default: return "\(tableReference(depth - 1)) CROSS JOIN \(tableReference(0))"
        }
    }

    mutating func query(_ depth: Int) -> String {
        var sql = selectBlock(depth)
        if chance(15) { sql += " UNION ALL \(selectBlock(depth))" }
        if chance(15) { sql += " ORDER BY \(column()) DESC LIMIT 5" }
        return sql
    }

    mutating func selectBlock(_ depth: Int) -> String {
        var items: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            items.append(expression(2) + (chance(40) ? " AS x\(Int.random(in: 0..<9, using: &random))" : ""))
        }
        var sql = "SELECT \(chance(10) ? "DISTINCT " : "")\(items.joined(separator: ", ")) FROM \(tableReference(depth))"
        if chance(50) { sql += " WHERE \(expression(2))" }
        if chance(30) { sql += " GROUP BY \(column()), \(column())" + (chance(50) ? " HAVING \(expression(1))" : "") }
        return sql
    }

    mutating func statement() -> String {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return "CREATE VIEW v AS \(query(2))"
        case 1: return "INSERT INTO sink \(query(2))"
        case 2: return "CREATE TABLE t (a INT, b AS \(expression(2)), WATERMARK FOR b AS b - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')"
        default: return query(2)
        }
    }
}

@Suite struct GeneratedCorpusTests {
    @Test func generatedStatementsRoundTrip() throws {
        var generator = SQLGenerator(random: SplitMix64(seed: 20_241_125))
        var parsed = 0
        for _ in 0..<1500 {
            let sql = generator.statement()
            do {
                try expectRoundTrip(sql)
                parsed += 1
            } catch {
                Issue.record("generated SQL does not parse: \(error)\n  \(sql)")
            }
        }
        #expect(parsed == 1500)
    }
}
