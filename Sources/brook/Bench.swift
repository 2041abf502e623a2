// `brook bench`: the benchmarks behind the figures in the README.
import ArgumentParser
import BrookKafka
import BrookMarketData
import BrookSentiment
import BrookStorage
import Foundation

/// Groups the benchmarks; each prints its figures as plain numbers.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput and memory (use a release build: swift build -c release).",
        subcommands: [Pipeline.self, Queries.self, SentimentBench.self, TopicBench.self])

    /// How many generated bars a benchmark runs over, and where they are kept.
    struct BenchDataOptions: ParsableArguments {
        @Option(help: "Symbols (built-in tickers).") var symbols = 100
        @Option(help: "Trading days.") var days = 26
        @Option(help: "Where to keep generated data between runs.") var data = "/tmp/brook-bench"
    }

    /// The seed pipeline over generated bars, run in a child `brook run` so start-up and peak memory are its own.
    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pipeline",
            abstract: "Run sql/ddl.sql over generated minute bars (default 100 symbols x 26 days = 1,014,000 bars).")

        @OptionGroup var bars: BenchDataOptions
        @Option(help: "The pipeline to run; its examples/data/ paths are pointed at the generated data.") var sql = "sql/ddl.sql"
        @Option(help: "Tasks the job runs in ('parallelism.default'); each is a thread.") var parallelism = 1

        func run() throws {
            guard parallelism >= 1 else { throw CommandFailure("--parallelism must be at least 1, got \(parallelism)") }
            let bench = try BenchPipelineRun(bars)
            guard let text = try? String(contentsOfFile: sql, encoding: .utf8) else {
                throw CommandFailure("cannot read \(sql): run from the project's directory or give --sql")
            }
            let result = try bench.run(sql: text, parallelism: parallelism)
            print("pipeline: \(sql) over \(bench.bars) bars (\(bars.symbols) symbols x \(bars.days) days), parallelism \(parallelism)")
            print(String(format: "  wall seconds from process start: %.2f", result.wallSeconds))
            print(String(format: "  job seconds:                     %.2f", result.jobSeconds))
            print(String(format: "  input bars per second (wall):    %.0f", Double(bench.bars) / result.wallSeconds))
            print(String(format: "  input bars per second (job):     %.0f", Double(bench.bars) / result.jobSeconds))
            print("  first row out after:             \(result.firstRowMilliseconds) ms")
            print(String(format: "  peak resident memory:            %.1f MiB", result.peakMiB))
            print("  " + result.jobLine)
        }
    }

    /// Each query of sql/bench/ over the same generated bars: one line of figures per query shape.
    struct Queries: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "queries",
            abstract: "Run each sql/bench/*.sql (scan, OVER, window and group aggregation, joins) over generated bars; one line each.")

        @OptionGroup var bars: BenchDataOptions
        @Option(help: "The folder of queries; its tables.sql is run before each.") var queries = "sql/bench"

        func run() throws {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: queries)) ?? []).filter { $0.hasSuffix(".sql") && $0 != "tables.sql" }.sorted()
            guard !names.isEmpty, let tables = try? String(contentsOfFile: (queries as NSString).appendingPathComponent("tables.sql"), encoding: .utf8) else {
                throw CommandFailure("no tables.sql and queries in \(queries): run from the project's directory or give --queries")
            }
            let bench = try BenchPipelineRun(bars)
            print("queries: \(queries)/*.sql over \(bench.bars) bars (\(bars.symbols) symbols x \(bars.days) days), one task")
            print("  query".padding(toLength: 26, withPad: " ", startingAt: 0) + "  bars/s (wall)  wall s   job s  peak MiB  rows out")
            for name in names {
                let query = try String(contentsOfFile: (queries as NSString).appendingPathComponent(name), encoding: .utf8)
                let result = try bench.run(sql: tables + query, parallelism: 1)
                let label = "  " + String(name.dropLast(4))
                print(label.padding(toLength: 26, withPad: " ", startingAt: 0)
                      + String(format: "  %13.0f  %6.2f  %6.2f  %8.1f  %8d", Double(bench.bars) / result.wallSeconds, result.wallSeconds,
                               result.jobSeconds, result.peakMiB, result.rowsWritten))
            }
        }
    }

    /// Headlines per second for the lexicon models.
    struct SentimentBench: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sentiment", abstract: "Headlines scored per second by vader and finance.")

        @Option(help: "Seconds to run each model.") var seconds = 2.0
        @Option(name: .customLong("setting"), help: "sentiment.llm.* settings as key=value; with an endpoint the llm model is measured too (requests and cache-hit rate).")
        var settings: [String] = []

        func run() throws {
            let directory = NSTemporaryDirectory() + "brook-bench-sentiment-\(ProcessInfo.processInfo.processIdentifier)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var options = MarketDataOptions()
            options.symbols = MarketSymbols.first(20)
            options.days = 10
            let summary = try MarketDataGenerator.write(options: options, to: directory) { _ in 0 }
            let headlines = try String(contentsOfFile: summary.newsPath, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
                guard let start = line.range(of: "\"headline\":\"")?.upperBound, let end = line[start...].range(of: "\",\"source\"")?.lowerBound else { return nil }
                return String(line[start..<end])
            }
            print("sentiment: \(headlines.count) generated headlines, \(seconds) s per model, one thread")
            for model in SentimentModels.all {
                let result = SentimentBenchmark.run(model: model, headlines: headlines, seconds: seconds)
                print("  " + model.name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%10.0f headlines/s", result.perSecond))
            }
            var values: [String: String] = [:]
            for setting in settings {
                let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CommandFailure("--setting must be key=value, got '\(setting)'") }
                values[parts[0]] = parts[1]
            }
            guard values["sentiment.llm.endpoint"] != nil else {
                print("  llm      not measured: give --setting sentiment.llm.endpoint=URL --setting sentiment.llm.model=NAME")
                return
            }
            let cachePath = directory + "/llm-cache.db"
            guard let model = try SentimentModels.make(name: "llm", settings: values, database: Database(path: cachePath)) as? LLMSentimentModel else { return }
            let sample = Array(Set(headlines)).sorted().prefix(200)
            let started = Date()
            _ = model.scoreBatch(Array(sample))
            let firstPass = Date().timeIntervalSince(started)
            _ = model.scoreBatch(Array(sample))
            let stats = model.statistics
            let lookups = stats.cacheHits + stats.requests - stats.retries
            print(String(format: "  llm      %d headlines twice: first pass %.1f headlines/s, %d requests, %d fallbacks; cache-hit rate %.1f%%",
                         sample.count, Double(sample.count) / firstPass, stats.requests, stats.fallbacks,
                         lookups > 0 ? 100 * Double(stats.cacheHits) / Double(lookups) : 0))
        }
    }

    /// Produce and consume rates through the topic log.
    struct TopicBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "topic",
            abstract: "Produce and consume rates for 1 KB and 200-byte records: the SQLite topic log directly, then through the Kafka listener.")

        @Option(help: "Records per size.") var records = 200_000

        func run() async throws {
            let path = NSTemporaryDirectory() + "brook-bench-topic-\(ProcessInfo.processInfo.processIdentifier).db"
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let log = try TopicLog(path: path)
            for size in TopicBench.sizes { try log.createTopic("listener-\(size)", partitions: 1, retention: .forever) }
            print("topic log: \(records) records per size, batches of 1000, one thread")
            for size in TopicBench.sizes {
                try log.createTopic("direct-\(size)", partitions: 1, retention: .forever)
                print(try TopicBench.measure(log, topic: "direct-\(size)", size: size, records: records))
            }
            let broker = KafkaBroker(log: try TopicLog(path: path), host: "127.0.0.1", port: 0)
            let port = try await broker.start()
            print("through the Kafka listener on 127.0.0.1:\(port) (Brook's network client: Produce acks=all, Fetch)")
            let count = records
            // The client blocks on its sockets, so it runs on a thread of its own, not on the pool the broker needs.
            let lines: Result<[String], Error> = await withCheckedContinuation { continuation in
                Thread {
                    continuation.resume(returning: Result {
                        let client = try KafkaClusterClient(servers: "127.0.0.1:\(port)")
                        return try TopicBench.sizes.map { size in try TopicBench.measure(client, topic: "listener-\(size)", size: size, records: count) }
                    })
                }.start()
            }
            await broker.shutdown()
            for line in try lines.get() { print(line) }
        }

        static let sizes = [1000, 200]

        /// Appends `records` records of `size` bytes in batches of 1,000, reads them back, and
        /// describes both rates.
        static func measure(_ store: TopicStore, topic: String, size: Int, records: Int) throws -> String {
            let value = [UInt8](repeating: UInt8(ascii: "x"), count: size)
            let batch = (0..<1000).map { _ in AppendRecord(timestamp: 1_717_581_780_000, key: Array("AAPL".utf8), value: value) }
            let started = Date()
            for _ in 0..<(records / 1000) { try store.append(topic: topic, partition: 0, records: batch) }
            let produce = Date().timeIntervalSince(started)
            let readStart = Date()
            var offset: Int64 = 0
            var read = 0
            while read < records {
                let got = try store.read(topic: topic, partition: 0, offset: offset, maxBytes: 4 << 20, maxRecords: records)
                if got.isEmpty { break }
                read += got.count
                offset = got.last!.offset + 1
            }
            let consume = Date().timeIntervalSince(readStart)
            let megabytes = Double(records * size) / 1_048_576
            return String(format: "  %4d-byte records: produce %9.0f records/s (%6.1f MB/s), consume %9.0f records/s (%6.1f MB/s)",
                          size, Double(records) / produce, megabytes / produce, Double(read) / consume, megabytes / consume)
        }
    }
}
