// With 'parallelism.default' above 1 every operator kind still gives SQLite's answer, and the seed pipeline its signals.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import Foundation
import Testing

@Suite struct ParallelismTests {
    /// Brook's query and SQLite's equivalent over `TradeData`, one per operator kind and placement:
    /// keyed (over windows, joins, window and group aggregates), task 0 only (no keys, Top-N), and mixed.
    static let queries: [(brook: String, sqlite: String)] = [
        ("SELECT symbol, ts, SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) FROM trades",
         "SELECT symbol, ts, SUM(qty) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) FROM trades"),
        ("SELECT symbol, ts, LAG(qty, 2, -1) OVER (PARTITION BY symbol ORDER BY event_time) FROM trades",
         "SELECT symbol, ts, LAG(qty, 2, -1) OVER (PARTITION BY symbol ORDER BY ts) FROM trades"),
        ("SELECT ts, SUM(price) OVER (ORDER BY event_time ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM trades",
         "SELECT ts, SUM(price) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM trades"),
        ("""
         SELECT t.ts, b.ts FROM trades t LEFT JOIN (SELECT symbol, ts, event_time FROM trades WHERE qty > 30) b
         ON t.symbol = b.symbol AND t.event_time BETWEEN b.event_time - INTERVAL '20' SECOND AND b.event_time + INTERVAL '5' SECOND
         """,
         "SELECT t.ts, b.ts FROM trades t LEFT JOIN (SELECT symbol, ts FROM trades WHERE qty > 30) b ON t.symbol = b.symbol AND t.ts BETWEEN b.ts - 20000 AND b.ts + 5000"),
        ("""
         SELECT symbol, window_start, COUNT(*), SUM(qty), MAX(price) FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
         GROUP BY symbol, window_start, window_end
         """,
         "SELECT symbol, ts - ts % 60000, COUNT(*), SUM(qty), MAX(price) FROM trades GROUP BY symbol, ts - ts % 60000"),
        ("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
         "SELECT ts - ts % 60000, COUNT(*) FROM trades GROUP BY ts - ts % 60000"),
        ("SELECT symbol, COUNT(*), SUM(qty), MIN(price), AVG(price) FROM trades GROUP BY symbol",
         "SELECT symbol, COUNT(*), SUM(qty), MIN(price), AVG(price) FROM trades GROUP BY symbol"),
        ("SELECT COUNT(*), SUM(qty) FROM trades", "SELECT COUNT(*), SUM(qty) FROM trades"),
        ("SELECT s, COUNT(*) FROM (SELECT symbol, SUM(qty) AS s FROM trades GROUP BY symbol) GROUP BY s",
         "SELECT s, COUNT(*) FROM (SELECT symbol, SUM(qty) AS s FROM trades GROUP BY symbol) GROUP BY s"),
        ("SELECT symbol, s FROM (SELECT symbol, SUM(qty - 20) AS s FROM trades GROUP BY symbol) ORDER BY s DESC, symbol LIMIT 3",
         "SELECT symbol, s FROM (SELECT symbol, SUM(qty - 20) AS s FROM trades GROUP BY symbol) ORDER BY s DESC, symbol LIMIT 3"),
        ("""
         SELECT t.ts, s.total FROM trades t LEFT JOIN (SELECT symbol, SUM(qty) AS total FROM trades WHERE qty > 40 GROUP BY symbol) s ON t.symbol = s.symbol
         """,
         "SELECT t.ts, s.total FROM trades t LEFT JOIN (SELECT symbol, SUM(qty) AS total FROM trades WHERE qty > 40 GROUP BY symbol) s ON t.symbol = s.symbol"),
        ("SELECT symbol, qty FROM trades WHERE qty > 20 UNION ALL SELECT symbol, qty FROM trades WHERE qty < 0",
         "SELECT symbol, qty FROM trades WHERE qty > 20 UNION ALL SELECT symbol, qty FROM trades WHERE qty < 0"),
        ("SELECT symbol, ts, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC, ts) AS rn FROM trades) WHERE rn <= 2",
         "SELECT symbol, ts, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC, ts) AS rn FROM trades) WHERE rn <= 2"),
        // Keyed operators on keys their input is already split by take rows forward; these check
        // the partitioning followed through projections, aggregates and each side of a join.
        ("""
         SELECT s, MAX(rs) FROM (SELECT qty, symbol AS s, SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rs
         FROM trades) GROUP BY s
         """,
         "SELECT s, MAX(rs) FROM (SELECT symbol AS s, SUM(qty) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rs FROM trades) GROUP BY s"),
        ("""
         SELECT a.symbol, COUNT(*) FROM (SELECT symbol FROM trades WHERE symbol IN ('A', 'B')) a
         RIGHT JOIN (SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol) b ON a.symbol = b.symbol GROUP BY a.symbol
         """,
         """
         SELECT a.symbol, COUNT(*) FROM (SELECT symbol FROM trades WHERE symbol IN ('A', 'B')) a
         RIGHT JOIN (SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol) b ON a.symbol = b.symbol GROUP BY a.symbol
         """),
        ("""
         SELECT a.symbol, COUNT(*) FROM (SELECT symbol FROM trades WHERE qty > 30) a
         LEFT JOIN (SELECT symbol FROM trades WHERE qty < 0) b ON a.symbol = b.symbol GROUP BY a.symbol
         """,
         """
         SELECT a.symbol, COUNT(*) FROM (SELECT symbol FROM trades WHERE qty > 30) a
         LEFT JOIN (SELECT symbol FROM trades WHERE qty < 0) b ON a.symbol = b.symbol GROUP BY a.symbol
         """),
    ]

    /// Every query in 2, 3 and 4 tasks, with batches small enough that every task reads some of the file.
    @Test(arguments: queries.indices, [(2, 5), (3, 16), (4, 16)] as [(Int, Int)])
    func everyOperatorGivesSQLitesAnswerInParallelTasks(query: Int, layout: (tasks: Int, batchSize: Int)) throws {
        let (brook, sqlite) = ParallelismTests.queries[query]
        let data = TradeData(seed: 61, count: 500, symbols: ["A", "B", "C", "D", "E", "F", "G"])
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: "SET 'parallelism.default' = '\(layout.tasks)';")
        var options = RunOptions()
        options.batchSize = layout.batchSize
        let actual = try runJob(brook, in: session, options: options)
        #expect(actual.summary.lateRowsDropped == 0)
        #expect(canonical(materialize(actual.rows, actual.kinds)) == (try data.oracle().query(sqlite)))
    }

    @Test func batchModeRunsInTasksToo() throws {
        let data = TradeData(seed: 62, count: 300)
        let directory = try ScratchDirectory()
        let session = try data.session(directory, extra: "SET 'execution.runtime-mode' = 'batch'; SET 'parallelism.default' = '3';")
        var options = RunOptions()
        options.batchSize = 10
        let actual = try runJob("SELECT symbol, SUM(qty) FROM trades GROUP BY symbol ORDER BY symbol", in: session, options: options)
        #expect(actual.kinds.allSatisfy { $0 == .insert })
        let expected = try data.oracle().query("SELECT symbol, SUM(qty) FROM trades GROUP BY symbol ORDER BY symbol")
        #expect(actual.rows.map { $0.map(cellText).joined(separator: " | ") } == expected.sorted())
    }

    @Test(arguments: [2, 3] as [Int])
    func seedPipelineSignalsAreTheSameInAnyNumberOfTasks(tasks: Int) throws {
        let data = MarketTestData(seed: 9)
        let directory = try ScratchDirectory()
        try directory.write("stock-prices.jsonl", lines: data.priceLines)
        try directory.write("market-news.jsonl", lines: data.newsLines)
        let statements = try Parser.parseScript(try MarketTestData.seedScript(directory: directory))
        let setup = statements.dropLast().map { SQLPrinter.print($0) }.joined(separator: ";\n")
        let insert = SQLPrinter.print(statements.last!)
        let expected = try SeedPipelineDifferentialTests().oracle(data).query(SeedPipelineDifferentialTests.sqliteSignals)
        #expect(!expected.isEmpty)
        for size in [37, 4096] {
            let session = try runtimeSession(setup + ";\nSET 'parallelism.default' = '\(tasks)'")
            var options = RunOptions()
            options.batchSize = size
            let result = try runJob(insert, in: session, options: options)
            #expect(result.summary.lateRowsDropped == 0)
            #expect(canonical(result.rows) == expected, "\(tasks) tasks, batches of \(size)")
        }
    }

    /// How many rows are late depends on how the tasks share the file's chunks: a task that has not
    /// read a chunk yet holds every operator's watermark back (as an idle Kafka partition does), so
    /// under load even none may be. Whatever the count, each late row is counted and written once,
    /// and each operator logs one line however many of its tasks drop rows.
    @Test func lateRowsFromAnyTaskAreCountedLoggedOnceAndWritten() throws {
        let directory = try ScratchDirectory()
        let base: Int64 = 1_700_000_000_000
        var lines = (0..<300).map { "{\"k\":\"k\($0 % 5)\",\"ts\":\(base + (($0 % 25 == 24) ? 0 : Int64($0) * 1000))}" }
        lines += (0..<10).map { "{\"k\":\"k\($0 % 5)\",\"ts\":\(base + Int64($0))}" }
        let (session, latePath) = try lateRowSession(directory, lines: lines, extra: "SET 'parallelism.default' = '3';")
        var options = RunOptions()
        options.batchSize = 4
        let logged = CollectedLines()
        options.log = logged.append
        let result = try runJob("SELECT ts, ROW_NUMBER() OVER (PARTITION BY k ORDER BY event_time) FROM t", in: session, options: options)
        let written = try String(contentsOfFile: latePath, encoding: .utf8).split(separator: "\n")
        #expect(written.count == result.summary.lateRowsDropped)
        #expect(result.rows.count + result.summary.lateRowsDropped == lines.count)
        #expect(logged.lines.count == min(1, result.summary.lateRowsDropped), "one line per operator across its tasks: \(logged.lines)")
    }

    @Test func aFailingTaskStopsTheJobWithItsError() throws {
        let directory = try ScratchDirectory()
        let lines = (0..<200).map { "{\"symbol\":\"S\($0 % 5)\",\"qty\":\($0),\"price\":1.5,\"amount\":1.00,\"ts\":\(1_700_000_000_000 + $0 * 1000)}" }
        let path = try directory.write("trades.jsonl", lines: lines + ["{\"symbol\":\"S1\",\"qty\":oops}"] + lines)
        let session = try runtimeSession("""
            CREATE TABLE trades (symbol STRING, qty INT, price DOUBLE, amount DECIMAL(8, 2), ts BIGINT,
              event_time AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR event_time AS event_time - INTERVAL '2' SECOND)
            WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            SET 'parallelism.default' = '2'
            """)
        var options = RunOptions()
        options.batchSize = 8
        #expect {
            _ = try runJob("SELECT symbol, SUM(qty) FROM trades GROUP BY symbol", in: session, options: options)
        } throws: { error in
            "\(error)".contains("trades.jsonl:201:")
        }
    }
}
