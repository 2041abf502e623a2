// The seed pipeline, run by Brook in streaming mode, gives exactly what SQLite computes in batch.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import Foundation
import Testing

@Suite struct SeedPipelineDifferentialTests {
    /// The seed's SQL in SQLite's dialect: FLOAT closes stored as float32 values, the DECIMAL
    /// sentiment rounded half up to an integer, ties on news_time ordered by price_time.
    static let sqliteSignals = """
        WITH s AS (
          SELECT symbol, ts, close,
                 AVG(close) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 19 PRECEDING AND CURRENT ROW) AS sma20,
                 AVG(close) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 49 PRECEDING AND CURRENT ROW) AS sma50
          FROM prices),
        pm AS (SELECT a.symbol, a.close, a.ts, a.sma20, b.sma50 FROM s a JOIN s b ON a.symbol = b.symbol AND a.ts = b.ts),
        np AS (SELECT n.symbol, n.sentiment, pm.close, pm.sma20, n.ts AS news_time, pm.ts AS price_time
               FROM news n JOIN pm ON n.symbol = pm.symbol AND n.ts BETWEEN pm.ts - 60000 AND pm.ts + 60000),
        sig AS (SELECT symbol, news_time, CASE
            WHEN sentiment > 0 AND close < sma20 AND LAG(close, 1) OVER (PARTITION BY symbol ORDER BY news_time, price_time) >= sma20 THEN 'BUY'
            WHEN sentiment < 0 AND close > sma20 AND LAG(close, 1) OVER (PARTITION BY symbol ORDER BY news_time, price_time) <= sma20 THEN 'SELL'
          END AS signal FROM np)
        SELECT symbol, news_time, signal FROM sig WHERE signal IS NOT NULL
        """

    func oracle(_ data: MarketTestData) throws -> SQLiteOracle {
        let oracle = try SQLiteOracle()
        try oracle.load("prices", columns: ["symbol", "ts", "close"], rows: data.bars.map {
            [.text($0.symbol), .integer($0.timestamp), .real(Double(Float($0.close)))]
        })
        try oracle.load("news", columns: ["symbol", "ts", "sentiment"], rows: data.headlines.map {
            [.text($0.symbol), .integer($0.timestampMs), .real(DecimalValue($0.sentiment)!.rescaled(to: 0).doubleValue)]
        })
        return oracle
    }

    func brookSignals(_ data: MarketTestData, options: RunOptions = RunOptions()) throws -> [String] {
        let directory = try ScratchDirectory()
        try directory.write("stock-prices.jsonl", lines: data.priceLines)
        try directory.write("market-news.jsonl", lines: data.newsLines)
        let script = try MarketTestData.seedScript(directory: directory)
        let statements = try Parser.parseScript(script)
        let session = try runtimeSession(statements.dropLast().map { SQLPrinter.print($0) }.joined(separator: ";\n"))
        let insert = SQLPrinter.print(statements.last!)
        let result = try runJob(insert, in: session, options: options)
        #expect(result.summary.lateRowsDropped == 0)
        return canonical(result.rows)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func signalsEqualSQLiteBatchEvaluation(seed: UInt64) throws {
        let data = MarketTestData(seed: seed)
        let expected = try oracle(data).query(SeedPipelineDifferentialTests.sqliteSignals)
        let actual = try brookSignals(data)
        #expect(!expected.isEmpty, "the data produces signals")
        #expect(actual == expected)
    }

    @Test func streamingEqualsBatchAcrossInterleavingsAndBatchSizes() throws {
        let data = MarketTestData(seed: 7)
        let reference = try brookSignals(data)
        #expect(!reference.isEmpty)
        for (seed, size) in [(11, 1), (12, 7), (13, 64), (14, 500)] as [(UInt64, Int)] {
            var options = RunOptions()
            options.interleavingSeed = seed
            options.batchSize = size
            #expect(try brookSignals(data, options: options) == reference, "interleaving \(seed), batches up to \(size)")
        }
    }

    @Test func movingAveragesEachKeepTheirOwnFrame() throws {
        let data = MarketTestData(seed: 5, symbols: ["AAPL"], minutes: 80)
        let directory = try ScratchDirectory()
        try directory.write("stock-prices.jsonl", lines: data.priceLines)
        try directory.write("market-news.jsonl", lines: data.newsLines)
        let script = try MarketTestData.seedScript(directory: directory)
        let session = try runtimeSession(try Parser.parseScript(script).dropLast().map { SQLPrinter.print($0) }.joined(separator: ";\n"))
        let result = try runJob("SELECT symbol, `close`, event_time, sma_20, sma_50 FROM price_with_movavg", in: session)
        let expected = try oracle(data).database.query("""
            SELECT ts,
                   AVG(close) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 19 PRECEDING AND CURRENT ROW),
                   AVG(close) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 49 PRECEDING AND CURRENT ROW)
            FROM prices
            """)
        var averages: [Int64: (Double, Double)] = [:]
        for row in expected {
            guard case .integer(let ts) = row[0], case .real(let fast) = row[1], case .real(let slow) = row[2] else { continue }
            averages[ts] = (fast, slow)
        }
        #expect(result.rows.count == data.bars.count)
        for row in result.rows {
            guard case .timestamp(let micros) = row[2], case .double(let fast) = row[3], case .double(let slow) = row[4],
                  let reference = averages[micros / 1000] else {
                Issue.record("unexpected row \(row)")
                continue
            }
            // AVG of a FLOAT is a FLOAT in Flink, so Brook's averages are SQLite's rounded to single precision.
            #expect(Float(reference.0) == Float(fast), "sma_20 at \(micros / 1000)")
            #expect(Float(reference.1) == Float(slow), "sma_50 at \(micros / 1000)")
        }
        let differing = result.rows.filter { $0[3] != $0[4] }
        #expect(differing.count > 50, "sma_20 and sma_50 differ once more than 20 bars exist (Flink 2.3 makes them equal)")
    }
}
