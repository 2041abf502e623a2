// Over-aggregates, joins and window aggregations agree with SQLite's batch evaluation.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import BrookStorage
import Foundation
import Testing

/// Random trades: symbol, integer quantity, double price, DECIMAL(8, 2) amount, millisecond time.
struct TradeData {
    struct Trade { var symbol: String; var qty: Int; var price: Double; var amount: String; var ts: Int64 }
    var trades: [Trade] = []

    init(seed: UInt64, count: Int = 400, symbols: [String] = ["A", "B", "C"]) {
        var random = SplitMix64(seed: seed)
        var time: Int64 = 1_700_000_000_000
        for _ in 0..<count {
            time += Int64(random.next() % 20_000) + 1
            let cents = Int(random.next() % 100_000)
            trades.append(Trade(symbol: symbols[Int(random.next() % UInt64(symbols.count))], qty: Int(random.next() % 50) - 5,
                                price: Double(random.next() % 10_000) / 8, amount: "\(cents / 100).\(String(format: "%02d", cents % 100))", ts: time))
        }
    }

    var lines: [String] {
        trades.map { "{\"symbol\":\"\($0.symbol)\",\"qty\":\($0.qty),\"price\":\($0.price),\"amount\":\($0.amount),\"ts\":\($0.ts)}" }
    }

    func session(_ directory: ScratchDirectory, extra: String = "") throws -> Session {
        let path = try directory.write("trades.jsonl", lines: lines)
        return try runtimeSession("""
            CREATE TABLE trades (symbol STRING, qty INT, price DOUBLE, amount DECIMAL(8, 2), ts BIGINT,
              event_time AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR event_time AS event_time - INTERVAL '2' SECOND)
            WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            \(extra)
            """)
    }

    func oracle() throws -> SQLiteOracle {
        let oracle = try SQLiteOracle()
        try oracle.load("trades", columns: ["symbol", "qty", "price", "amount", "ts"], rows: trades.map {
            [.text($0.symbol), .integer(Int64($0.qty)), .real($0.price), .real(Double($0.amount)!), .integer($0.ts)]
        })
        return oracle
    }
}

@Suite struct OperatorDifferentialTests {
    @Test(arguments: [
        ("SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)",
         "SUM(qty) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)"),
        ("COUNT(*) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)",
         "COUNT(*) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)"),
        ("MIN(price) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)",
         "MIN(price) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)"),
        ("MAX(qty) OVER (PARTITION BY symbol ORDER BY event_time RANGE BETWEEN INTERVAL '30' SECOND PRECEDING AND CURRENT ROW)",
         "MAX(qty) OVER (PARTITION BY symbol ORDER BY ts RANGE BETWEEN 30000 PRECEDING AND CURRENT ROW)"),
        ("AVG(price) OVER (PARTITION BY symbol ORDER BY event_time RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW)",
         "AVG(price) OVER (PARTITION BY symbol ORDER BY ts RANGE BETWEEN 60000 PRECEDING AND CURRENT ROW)"),
        ("SUM(amount) OVER (PARTITION BY symbol ORDER BY event_time)",
         "SUM(amount) OVER (PARTITION BY symbol ORDER BY ts)"),
        ("SUM(price) OVER (ORDER BY event_time ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
         "SUM(price) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"),
        ("LAG(qty, 2, -1) OVER (PARTITION BY symbol ORDER BY event_time)",
         "LAG(qty, 2, -1) OVER (PARTITION BY symbol ORDER BY ts)"),
        ("LAG(qty, 1, 2.7) OVER (PARTITION BY symbol ORDER BY event_time)",
         "LAG(qty, 1, CAST(2.7 AS INTEGER)) OVER (PARTITION BY symbol ORDER BY ts)"),
        ("ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY event_time)",
         "ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts)"),
        ("LEAD(price) OVER (PARTITION BY symbol ORDER BY event_time)",
         "LEAD(price) OVER (PARTITION BY symbol ORDER BY ts)"),
        ("LEAD(qty, 2, qty) OVER (PARTITION BY symbol ORDER BY event_time)",
         "LEAD(qty, 2, qty) OVER (PARTITION BY symbol ORDER BY ts)"),
    ])
    func overAggregateMatchesSQLite(brook: String, sqlite: String) throws {
        let data = TradeData(seed: 21)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("SELECT symbol, ts, \(brook) FROM trades", in: session)
        let expected = try data.oracle().query("SELECT symbol, ts, \(sqlite) FROM trades")
        #expect(canonical(actual.rows) == expected)
    }

    @Test func distinctAggregatesOverWindowsCountEachValueOnceInTheFrame() throws {
        let data = TradeData(seed: 27)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("""
            SELECT symbol, ts,
              COUNT(DISTINCT qty % 5) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW),
              SUM(DISTINCT qty % 5) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
              COUNT(qty % 5) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)
            FROM trades
            """, in: session)
        let expected = try data.oracle().query("""
            WITH r AS (SELECT symbol, ts, qty % 5 AS v, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts) AS rn FROM trades)
            SELECT a.symbol, a.ts,
              (SELECT COUNT(DISTINCT b.v) FROM r b WHERE b.symbol = a.symbol AND b.rn BETWEEN a.rn - 3 AND a.rn),
              (SELECT SUM(DISTINCT b.v) FROM r b WHERE b.symbol = a.symbol AND b.rn <= a.rn),
              (SELECT COUNT(b.v) FROM r b WHERE b.symbol = a.symbol AND b.rn BETWEEN a.rn - 3 AND a.rn)
            FROM r a
            """)
        #expect(canonical(actual.rows) == expected)
    }

    @Test func distinctIsRefusedOnWindowFunctions() throws {
        let directory = try ScratchDirectory()
        let session = try TradeData(seed: 1).session(directory)
        #expect(throws: SessionError.self) {
            try runJob("SELECT LAG(DISTINCT qty) OVER (PARTITION BY symbol ORDER BY event_time) FROM trades", in: session)
        }
    }

    @Test func averageOfIntIsInt() throws {
        let data = TradeData(seed: 3, count: 50)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("SELECT ts, AVG(qty) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM trades", in: session)
        let expected = try data.oracle().query("SELECT ts, CAST(SUM(qty) OVER w / COUNT(qty) OVER w AS INTEGER) FROM trades WINDOW w AS (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)")
        #expect(canonical(actual.rows) == expected)
        #expect(actual.rows.allSatisfy { if case .integer = $0[1] { return true }; return $0[1].isNull })
    }

    /// Symbol 'C' reads as a NULL key on both sides: such rows match nothing, and an outer side keeps them.
    @Test(arguments: ["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"])
    func intervalJoinMatchesSQLite(join: String) throws {
        let data = TradeData(seed: 8, count: 300)
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: """
            CREATE VIEW keyed AS SELECT NULLIF(symbol, 'C') AS symbol, ts, event_time FROM trades;
            CREATE VIEW big AS SELECT NULLIF(symbol, 'C') AS symbol, ts, event_time FROM trades WHERE qty > 30;
            """)
        let actual = try runJob("""
            SELECT t.ts, b.ts FROM keyed t \(join) big b
            ON t.symbol = b.symbol AND t.event_time BETWEEN b.event_time - INTERVAL '20' SECOND AND b.event_time + INTERVAL '5' SECOND
            """, in: session)
        let expected = try data.oracle().query("""
            SELECT t.ts, b.ts FROM trades t \(join) (SELECT NULLIF(symbol, 'C') AS symbol, ts FROM trades WHERE qty > 30) b
            ON NULLIF(t.symbol, 'C') = b.symbol AND t.ts BETWEEN b.ts - 20000 AND b.ts + 5000
            """)
        #expect(!expected.isEmpty)
        #expect(canonical(actual.rows) == expected)
    }

    @Test(arguments: [
        ("TABLE(TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))", "ts - ts % 60000", "ts - ts % 60000 + 60000"),
    ])
    func tumbleWindowMatchesSQLite(source: String, start: String, end: String) throws {
        let data = TradeData(seed: 13)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("SELECT symbol, window_start, window_end, COUNT(*), SUM(qty), MAX(price) FROM \(source) GROUP BY symbol, window_start, window_end", in: session)
        let expected = try data.oracle().query("SELECT symbol, \(start), \(end), COUNT(*), SUM(qty), MAX(price) FROM trades GROUP BY symbol, \(start)")
        #expect(canonical(actual.rows) == expected)
        #expect(actual.kinds.allSatisfy { $0 == .insert })
    }

    @Test func legacyGroupWindowsAreTheWindowTableFunctions() throws {
        let data = TradeData(seed: 15)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let tumbling = try runJob("""
            SELECT symbol, TUMBLE_START(event_time, INTERVAL '1' MINUTE), TUMBLE_END(event_time, INTERVAL '1' MINUTE), COUNT(*), SUM(qty)
            FROM trades WHERE qty > 0 GROUP BY TUMBLE(event_time, INTERVAL '1' MINUTE), symbol HAVING COUNT(*) > 1
            """, in: session)
        #expect(tumbling.kinds.allSatisfy { $0 == .insert })
        #expect(canonical(tumbling.rows) == (try data.oracle().query("""
            SELECT symbol, ts - ts % 60000, ts - ts % 60000 + 60000, COUNT(*), SUM(qty) FROM trades WHERE qty > 0
            GROUP BY symbol, ts - ts % 60000 HAVING COUNT(*) > 1
            """)))
        let hopping = try runJob("""
            SELECT HOP_START(event_time, INTERVAL '30' SECOND, INTERVAL '2' MINUTE) AS s, HOP_ROWTIME(event_time, INTERVAL '30' SECOND, INTERVAL '2' MINUTE), MAX(price)
            FROM trades GROUP BY HOP(event_time, INTERVAL '30' SECOND, INTERVAL '2' MINUTE)
            """, in: session)
        let table = try runJob("""
            SELECT window_start, window_time, MAX(price) FROM TABLE(HOP(TABLE trades, DESCRIPTOR(event_time), INTERVAL '30' SECOND, INTERVAL '2' MINUTE))
            GROUP BY window_start, window_end, window_time
            """, in: session)
        #expect(!hopping.rows.isEmpty)
        #expect(canonical(hopping.rows) == canonical(table.rows))
    }

    @Test func hopWindowsRepeatRowsInEveryWindowTheyFallInto() throws {
        let data = TradeData(seed: 14, count: 200)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("""
            SELECT window_start, window_end, COUNT(*) FROM TABLE(HOP(TABLE trades, DESCRIPTOR(event_time), INTERVAL '30' SECOND, INTERVAL '2' MINUTE))
            GROUP BY window_start, window_end
            """, in: session)
        let oracle = try data.oracle()
        try oracle.database.execute("CREATE TABLE starts (s INTEGER)")
        try oracle.database.execute("""
            INSERT INTO starts SELECT DISTINCT ts - ts % 30000 - k * 30000 FROM trades, (SELECT 0 AS k UNION SELECT 1 UNION SELECT 2 UNION SELECT 3)
            """)
        let expected = try oracle.query("SELECT s, s + 120000, COUNT(*) FROM starts JOIN trades ON ts >= s AND ts < s + 120000 GROUP BY s")
        #expect(canonical(actual.rows) == expected)
    }

    @Test func cumulateWindowsGrowByStepWithinTheirSize() throws {
        let data = TradeData(seed: 15, count: 200)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("""
            SELECT window_start, window_end, SUM(qty) FROM TABLE(CUMULATE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE, INTERVAL '3' MINUTE))
            GROUP BY window_start, window_end
            """, in: session)
        let oracle = try data.oracle()
        try oracle.database.execute("CREATE TABLE windows (s INTEGER, e INTEGER)")
        try oracle.database.execute("""
            INSERT INTO windows SELECT DISTINCT ts - ts % 180000, ts - ts % 180000 + k * 60000 FROM trades, (SELECT 1 AS k UNION SELECT 2 UNION SELECT 3)
            """)
        let expected = try oracle.query("SELECT s, e, SUM(qty) FROM windows JOIN trades ON ts >= s AND ts < e GROUP BY s, e HAVING COUNT(*) > 0")
        #expect(canonical(actual.rows) == expected)
    }

    @Test func groupAggregateChangelogEndsAtSQLitesResult() throws {
        let data = TradeData(seed: 31)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("SELECT symbol, COUNT(*), SUM(qty), MIN(price), MAX(amount), AVG(price) FROM trades GROUP BY symbol", in: session)
        #expect(actual.kinds.contains(.updateBefore) && actual.kinds.contains(.updateAfter))
        let expected = try data.oracle().query("SELECT symbol, COUNT(*), SUM(qty), MIN(price), MAX(amount), AVG(price) FROM trades GROUP BY symbol")
        #expect(canonical(materialize(actual.rows, actual.kinds)) == expected)
    }

    @Test func aggregateFilterClausesMatchSQLite() throws {
        let data = TradeData(seed: 32)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let calls = "COUNT(*) FILTER (WHERE qty > 20), SUM(qty) FILTER (WHERE price < 100), COUNT(DISTINCT qty) FILTER (WHERE qty % 2 = 0), MAX(price) FILTER (WHERE qty > 1000)"
        let grouped = try runJob("SELECT symbol, \(calls) FROM trades GROUP BY symbol", in: session)
        #expect(canonical(materialize(grouped.rows, grouped.kinds)) == (try data.oracle().query("SELECT symbol, \(calls) FROM trades GROUP BY symbol")))
        let windowed = try runJob("""
            SELECT symbol, window_start, \(calls) FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
            GROUP BY symbol, window_start, window_end
            """, in: session)
        #expect(canonical(windowed.rows) == (try data.oracle().query("SELECT symbol, ts - ts % 60000, \(calls) FROM trades GROUP BY symbol, ts - ts % 60000")))
    }

    @Test func topNMatchesSQLiteOnAppendsAndOnRetractingInput() throws {
        let data = TradeData(seed: 33, count: 600, symbols: ["A", "B", "C", "D", "E", "F", "G", "H"])
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let appended = try runJob("SELECT ts, price FROM trades ORDER BY price DESC, ts LIMIT 5", in: session)
        #expect(canonical(materialize(appended.rows, appended.kinds)) == (try data.oracle().query("SELECT ts, price FROM trades ORDER BY price DESC, ts LIMIT 5")))
        // Sums go down as well as up (qty can be negative), so rows leave the top and lower ones must come back.
        let sums = "SELECT symbol, SUM(qty - 20) AS s FROM trades GROUP BY symbol"
        let ranked = try runJob("SELECT symbol, s FROM (\(sums)) ORDER BY s DESC, symbol LIMIT 3", in: session)
        #expect(ranked.kinds.contains(.delete))
        #expect(canonical(materialize(ranked.rows, ranked.kinds)) == (try data.oracle().query("SELECT symbol, s FROM (\(sums)) ORDER BY s DESC, symbol LIMIT 3")))
        // c and d fall out of the top early and never change again; a and b then fall below them.
        let fallen = try runJob("""
            SELECT k, s FROM (SELECT k, SUM(v) AS s FROM (VALUES ('a', 10), ('b', 5), ('c', 1), ('d', 3), ('a', -20), ('b', -10)) AS t(k, v) GROUP BY k)
            ORDER BY s DESC LIMIT 2
            """, in: session)
        #expect(canonical(materialize(fallen.rows, fallen.kinds)) == canonical([[.string("d"), .integer(3)], [.string("c"), .integer(1)]]))
    }

    /// Flink's Top-N and keep-last deduplication: ROW_NUMBER by non-time keys filtered on the row number.
    @Test(arguments: [
        ("SELECT symbol, ts, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC, ts) AS rn FROM trades) WHERE rn <= 3",
         "SELECT symbol, ts, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC, ts) AS rn FROM trades) WHERE rn <= 3"),
        ("SELECT symbol, ts, qty FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY event_time DESC) AS rn FROM trades) WHERE rn = 1",
         "SELECT symbol, ts, qty FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts DESC) AS rn FROM trades) WHERE rn = 1"),
        ("SELECT * FROM (SELECT ts, qty, ROW_NUMBER() OVER (ORDER BY qty, ts DESC) AS rn FROM trades) WHERE rn BETWEEN 2 AND 4 AND qty < 0",
         "SELECT * FROM (SELECT ts, qty, ROW_NUMBER() OVER (ORDER BY qty, ts DESC) AS rn FROM trades) WHERE rn BETWEEN 2 AND 4 AND qty < 0"),
        ("SELECT symbol, s, rn FROM (SELECT symbol, s, ROW_NUMBER() OVER (PARTITION BY big ORDER BY s DESC, symbol) AS rn FROM (SELECT symbol, SUM(qty - 20) AS s, MAX(price) > 1000 AS big FROM trades GROUP BY symbol)) WHERE 3 > rn",
         "SELECT symbol, s, rn FROM (SELECT symbol, s, ROW_NUMBER() OVER (PARTITION BY big ORDER BY s DESC, symbol) AS rn FROM (SELECT symbol, SUM(qty - 20) AS s, MAX(price) > 1000 AS big FROM trades GROUP BY symbol)) WHERE 3 > rn"),
    ])
    func topNAndDeduplicationMatchSQLite(brook: String, sqlite: String) throws {
        let data = TradeData(seed: 71, count: 400, symbols: ["A", "B", "C", "D", "E", "F"])
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob(brook, in: session)
        #expect(actual.kinds.contains { !$0.isAccumulate }, "rows leave the top as better ones arrive")
        #expect(canonical(materialize(actual.rows, actual.kinds)) == (try data.oracle().query(sqlite)))
    }

    @Test func batchTopNEmitsEachPartitionsFinalRanksOnce() throws {
        let data = TradeData(seed: 73, count: 300)
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: "SET 'execution.runtime-mode' = 'batch';")
        let query = "SELECT symbol, ts, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY qty DESC, ts) AS rn FROM trades) WHERE rn <= 2"
        let actual = try runJob(query, in: session)
        #expect(actual.kinds.allSatisfy { $0 == .insert })
        #expect(canonical(actual.rows) == (try data.oracle().query(query.replacingOccurrences(of: "event_time", with: "ts"))))
    }

    @Test func topNWithoutAFilterOnTheRowNumberIsRefused() throws {
        let data = TradeData(seed: 72, count: 10)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        #expect {
            try runJob("SELECT symbol, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC) AS rn FROM trades", in: session)
        } throws: { error in
            "\(error)".contains("needs a filter on the row number")
        }
        #expect {
            try runJob("SELECT * FROM (SELECT symbol, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC) AS rn FROM trades) WHERE rn > 2", in: session)
        } throws: { error in
            "\(error)".contains("a Top-N needs an upper bound on the row number")
        }
    }

    @Test func listaggJoinsValuesAndForgetsRetractedOnes() throws {
        let data = TradeData(seed: 74, count: 200)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        /// Canonical rows with each list's items sorted, since SQLite's group_concat promises no order.
        func normalized(_ rows: [String]) -> [String] {
            rows.map { row in
                row.components(separatedBy: " | ").map { $0.split(separator: "|").map(String.init).sorted().joined(separator: "|") }.joined(separator: " | ")
            }.sorted()
        }
        let grouped = try runJob("SELECT symbol, LISTAGG(CAST(qty AS STRING), '|') FROM trades WHERE qty > 30 GROUP BY symbol", in: session)
        let expectedLists = try data.oracle().query("SELECT symbol, group_concat(qty, '|') FROM trades WHERE qty > 30 GROUP BY symbol")
        #expect(expectedLists.contains { $0.contains("|") })
        #expect(normalized(canonical(materialize(grouped.rows, grouped.kinds))) == normalized(expectedLists))
        let lists = try runJob("SELECT LISTAGG(symbol) FROM (SELECT symbol, SUM(qty) AS s FROM trades GROUP BY symbol) WHERE s > 200", in: session)
        let final = materialize(lists.rows, lists.kinds)
        let expected = try data.oracle().query("SELECT symbol FROM trades GROUP BY symbol HAVING SUM(qty) > 200")
        #expect(final.count == 1)
        if case .string(let text)? = final.first?.first {
            #expect(text.split(separator: ",").map(String.init).sorted() == expected.sorted())
        } else {
            #expect(expected.isEmpty && final.first?.first == .null)
        }
    }

    /// Each symbol's running total moves between buckets as trades arrive, so a bucket must leave the
    /// result when no symbol is in it any more, though no aggregate call counts its rows.
    @Test(arguments: [
        "SELECT b FROM (SELECT symbol, SUM(qty) % 4 AS b FROM trades GROUP BY symbol) GROUP BY b",
        "SELECT DISTINCT b FROM (SELECT symbol, SUM(qty) % 4 AS b FROM trades GROUP BY symbol)",
        "SELECT b, COUNT(*) FROM (SELECT symbol, SUM(qty) % 4 AS b FROM trades GROUP BY symbol) GROUP BY b",
    ])
    func groupingAnUpdatingInputRetractsGroupsThatEmpty(query: String) throws {
        let data = TradeData(seed: 12, count: 200)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob(query, in: session)
        #expect(actual.kinds.contains(.delete) || actual.kinds.contains(.updateBefore))
        #expect(canonical(materialize(actual.rows, actual.kinds)) == (try data.oracle().query(query)))
    }

    @Test func batchModeEmitsEachGroupOnce() throws {
        let data = TradeData(seed: 32)
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: "SET 'execution.runtime-mode' = 'batch';")
        let actual = try runJob("SELECT symbol, SUM(qty) FROM trades GROUP BY symbol", in: session)
        #expect(actual.kinds.allSatisfy { $0 == .insert })
        #expect(canonical(actual.rows) == (try data.oracle().query("SELECT symbol, SUM(qty) FROM trades GROUP BY symbol")))
    }

    @Test func batchAggregateWithoutGroupByGivesOneRowEvenForNoInput() throws {
        let data = TradeData(seed: 32)
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: "SET 'execution.runtime-mode' = 'batch';")
        let query = "SELECT COUNT(*), SUM(qty), MAX(price), COUNT(DISTINCT symbol) FROM trades WHERE qty > 1000"
        let actual = try runJob(query, in: session)
        #expect(canonical(actual.rows) == (try data.oracle().query(query)))
        #expect(actual.rows == [[.integer(0), .null, .null, .integer(0)]])
        let grouped = try runJob("SELECT symbol, COUNT(*) FROM trades WHERE qty > 1000 GROUP BY symbol", in: session)
        #expect(grouped.rows.isEmpty)
    }

    /// The right side is an updating aggregate, so its rows are retracted and replaced as trades arrive.
    @Test(arguments: [("JOIN", ""), ("LEFT JOIN", ""), ("RIGHT JOIN", " AND t.qty * 10 < s.total"), ("FULL JOIN", " AND t.qty * 10 < s.total"),
                      ("LEFT JOIN", " AND t.qty * 10 < s.total")])
    func regularJoinEndsAtSQLitesResult(join: String, residual: String) throws {
        let data = TradeData(seed: 41, count: 120)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let query = """
            SELECT t.ts, s.total FROM trades t \(join) (SELECT symbol, SUM(qty) AS total FROM trades WHERE qty > 40 GROUP BY symbol) s ON t.symbol = s.symbol\(residual)
            """
        let actual = try runJob(query, in: session)
        let expected = try data.oracle().query(query)
        #expect(!expected.isEmpty)
        #expect(canonical(materialize(actual.rows, actual.kinds)) == expected)
        // An inner join forwards its input's -U/+U; outer joins speak in inserts and deletes, as in Flink.
        #expect(actual.kinds.contains(.updateAfter) == (join == "JOIN"))
    }

    @Test(arguments: ["JOIN", "LEFT JOIN", "FULL JOIN"])
    func joinsOnExpressionsMatchSQLite(join: String) throws {
        let data = TradeData(seed: 43, count: 150)
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: "CREATE VIEW big AS SELECT symbol, qty, ts, event_time FROM trades WHERE qty > 35;")
        let regular = try runJob("SELECT t.ts, b.ts FROM trades t \(join) big b ON t.qty % 7 = b.qty % 7 AND t.symbol = b.symbol", in: session)
        let regularExpected = try data.oracle().query("""
            SELECT t.ts, b.ts FROM trades t \(join) (SELECT symbol, qty, ts FROM trades WHERE qty > 35) b ON t.qty % 7 = b.qty % 7 AND t.symbol = b.symbol
            """)
        #expect(canonical(materialize(regular.rows, regular.kinds)) == regularExpected)
        let interval = try runJob("""
            SELECT t.ts, b.ts FROM trades t \(join) big b
            ON NULLIF(t.symbol, 'C') = b.symbol AND t.event_time BETWEEN b.event_time - INTERVAL '20' SECOND AND b.event_time + INTERVAL '5' SECOND
            """, in: session)
        let intervalExpected = try data.oracle().query("""
            SELECT t.ts, b.ts FROM trades t \(join) (SELECT symbol, ts FROM trades WHERE qty > 35) b
            ON NULLIF(t.symbol, 'C') = b.symbol AND t.ts BETWEEN b.ts - 20000 AND b.ts + 5000
            """)
        #expect(canonical(interval.rows) == intervalExpected)
    }

    @Test func unionAllKeepsEveryRow() throws {
        let data = TradeData(seed: 51, count: 60)
        let directory = try ScratchDirectory()
        let session = try data.session(directory)
        let actual = try runJob("SELECT symbol, qty FROM trades WHERE qty > 20 UNION ALL SELECT symbol, qty FROM trades WHERE qty < 0", in: session)
        #expect(canonical(actual.rows) == (try data.oracle().query("SELECT symbol, qty FROM trades WHERE qty > 20 UNION ALL SELECT symbol, qty FROM trades WHERE qty < 0")))
    }
}
