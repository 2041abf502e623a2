// The kafka connector reads and writes the home's topics, directly and as a network client of a
// broker; a topic pipeline equals the file pipeline.
import BrookCore
import BrookKafka
import BrookPlanner
import BrookRuntime
import BrookSQL
import BrookStorage
import Foundation
import Testing

@Suite struct KafkaConnectorTests {
    /// Runs `body` with the bootstrap servers a table should name: 'embedded', or the address of a
    /// broker serving the same home on loopback, so the connector goes through its network client.
    /// The job blocks while it waits for the broker, so it runs on a thread of its own: the broker's
    /// tasks need the cooperative pool, which parallel tests would otherwise fill.
    func withServers<T: Sendable>(overNetwork: Bool, home: ScratchDirectory, _ body: @escaping (String) throws -> T) async throws -> T {
        guard overNetwork else { return try body("embedded") }
        let broker = KafkaBroker(log: try TopicLog(path: home.file("brook.db")), host: "127.0.0.1", port: 0)
        let address = "127.0.0.1:\(try await broker.start())"
        nonisolated(unsafe) let job = body
        let result: Result<T, Error> = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Result { try job(address) }) }.start()
        }
        await broker.shutdown()
        return try result.get()
    }

    /// Appends the test market to topics as a producer keyed by symbol would.
    func fill(_ log: TopicLog, _ data: MarketTestData) throws {
        try log.createTopic("stock-prices", partitions: 2, retention: .forever)
        try log.createTopic("market-news", partitions: 1, retention: .forever)
        for (index, line) in data.priceLines.enumerated() {
            let bar = data.bars[index]
            try log.append(topic: "stock-prices", partition: bar.symbol == "AAPL" ? 0 : 1,
                           records: [AppendRecord(timestamp: bar.timestamp, key: Array(bar.symbol.utf8), value: Array(line.utf8))])
        }
        try log.append(topic: "market-news", partition: 0, records: data.newsLines.map { AppendRecord(timestamp: 0, key: nil, value: Array($0.utf8)) })
    }

    func kafkaScript(bounded: Bool) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var text = try String(contentsOf: root.appendingPathComponent("sql/ddl.kafka.sql"), encoding: .utf8)
        if bounded {
            text = text.replacingOccurrences(of: "'properties.auto.offset.reset' = 'earliest',", with: "'properties.auto.offset.reset' = 'earliest', 'scan.bounded.mode' = 'latest-offset',")
        }
        return text
    }

    /// With two tasks each reads one of stock-prices' two partitions; market-news has one, which one task reads.
    @Test(arguments: [false, true], [1, 2]) func topicPipelineWritesTheSameSignalsAsTheFilePipeline(overNetwork: Bool, tasks: Int) async throws {
        let data = MarketTestData(seed: 2)
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try fill(log, data)
        let summary = try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws in
            let script = try kafkaScript(bounded: true).replacingOccurrences(of: "'embedded'", with: "'\(servers)'")
            let session = try runtimeSession(script.components(separatedBy: "INSERT INTO")[0] + "SET 'parallelism.default' = '\(tasks)';")
            guard case .job(let job) = try session.execute(try Parser.parseStatement(
                "INSERT INTO trading_signals_sink SELECT symbol, news_time, signal FROM trading_signals WHERE signal IS NOT NULL")) else {
                throw RuntimeError("no job")
            }
            var options = RunOptions()
            options.homePath = home.path
            return try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
        }
        #expect(summary.rowsRead["stock_prices"] == data.bars.count)
        let written = try log.read(topic: "trading-signals", partition: 0, offset: 0, maxBytes: 1 << 24)
        let directory = try ScratchDirectory()
        try directory.write("stock-prices.jsonl", lines: data.priceLines)
        try directory.write("market-news.jsonl", lines: data.newsLines)
        let fileSession = try runtimeSession(try MarketTestData.seedScript(directory: directory).components(separatedBy: "INSERT INTO")[0])
        guard case .job(let fileJob) = try fileSession.execute(try Parser.parseStatement(
            "INSERT INTO trading_signals_sink SELECT symbol, news_time, signal FROM trading_signals WHERE signal IS NOT NULL")) else { return }
        _ = try JobRunner(job: fileJob, catalog: fileSession.catalog, settings: fileSession.settings).run()
        let fileLines = try String(contentsOfFile: directory.file("signals.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(!written.isEmpty)
        #expect(written.map { String(decoding: $0.value ?? [], as: UTF8.self) }.sorted() == fileLines.sorted())
    }

    @Test(arguments: [false, true]) func groupOffsetsResumeWhereTheLastRunCommitted(overNetwork: Bool) async throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("ticks", partitions: 1, retention: .forever)
        try log.append(topic: "ticks", partition: 0, records: (1...3).map { AppendRecord(timestamp: 1000 * Int64($0), key: nil, value: Array("{\"n\":\($0)}".utf8)) })
        try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws in
            let session = try runtimeSession("""
                CREATE TABLE ticks (n INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', o BIGINT METADATA FROM 'offset' VIRTUAL)
                WITH ('connector' = 'kafka', 'topic' = 'ticks', 'properties.group.id' = 'g', 'properties.auto.offset.reset' = 'earliest',
                      'properties.bootstrap.servers' = '\(servers)', 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');
                """)
            var options = RunOptions()
            options.homePath = home.path
            let first = try runJob("SELECT n, ts, o FROM ticks", in: session, options: options)
            #expect(first.rows == [[.integer(1), .timestamp(1_000_000), .integer(0)], [.integer(2), .timestamp(2_000_000), .integer(1)], [.integer(3), .timestamp(3_000_000), .integer(2)]])
            try log.append(topic: "ticks", partition: 0, records: [AppendRecord(timestamp: 4000, key: nil, value: Array("{\"n\":4}".utf8))])
            let second = try runJob("SELECT n FROM ticks", in: session, options: options)
            #expect(second.rows == [[.integer(4)]])
        }
        #expect(try log.committedOffsets(group: "g", topic: "ticks").map(\.offset) == [4])
    }

    @Test(arguments: [false, true]) func startupModesPickTheirOffsets(overNetwork: Bool) async throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("t", partitions: 1, retention: .forever)
        try log.append(topic: "t", partition: 0, records: (1...5).map { AppendRecord(timestamp: 1000 * Int64($0), key: nil, value: Array("{\"n\":\($0)}".utf8)) })
        var options = RunOptions()
        options.homePath = home.path
        try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws in
            func read(_ startup: String, bounded: String = "'scan.bounded.mode' = 'latest-offset'") throws -> [[Value]] {
                let session = try runtimeSession("""
                    CREATE TABLE t (n INT) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json', 'properties.bootstrap.servers' = '\(servers)',
                      \(bounded), \(startup));
                    """)
                return try runJob("SELECT n FROM t", in: session, options: options).rows
            }
            #expect(try read("'scan.startup.mode' = 'earliest-offset'").count == 5)
            #expect(try read("'scan.startup.mode' = 'latest-offset'").isEmpty)
            #expect(try read("'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '3000'") == [[.integer(3)], [.integer(4)], [.integer(5)]])
            #expect(try read("'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '9999999999999'").isEmpty,
                    "a time after the last record starts at the latest offset")
            #expect(try read("'scan.startup.mode' = 'earliest-offset'",
                                 bounded: "'scan.bounded.mode' = 'timestamp', 'scan.bounded.timestamp-millis' = '9999999999999'").count == 5,
                    "a bounded time after the last record ends at the latest offset")
            #expect(try read("'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:4'") == [[.integer(5)]])
        }
    }

    @Test(arguments: [false, true], ["json", "csv"]) func tombstonesAreSkippedByTheValueFormat(overNetwork: Bool, format: String) async throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("tomb", partitions: 1, retention: .forever)
        let values: [String?] = format == "json" ? ["{\"n\":1}", nil, "{\"n\":3}"] : ["1", nil, "3"]
        try log.append(topic: "tomb", partition: 0, records: values.enumerated().map { index, value in
            AppendRecord(timestamp: 0, key: Array("k\(index + 1)".utf8), value: value.map { Array($0.utf8) })
        })
        let rows = try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws -> [[Value]] in
            let session = try runtimeSession("""
                CREATE TABLE tomb (n INT, o BIGINT METADATA FROM 'offset' VIRTUAL) WITH ('connector' = 'kafka', 'topic' = 'tomb', 'format' = '\(format)',
                  'properties.bootstrap.servers' = '\(servers)', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset');
                """)
            var options = RunOptions()
            options.homePath = home.path
            return try runJob("SELECT n, o FROM tomb", in: session, options: options).rows
        }
        #expect(rows == [[.integer(1), .integer(0)], [.integer(3), .integer(2)]])
    }

    @Test(arguments: [false, true]) func headersAndTimestampAreWrittenAndReadAsMetadata(overNetwork: Bool) async throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("orders", partitions: 1, retention: .forever)
        try log.append(topic: "orders", partition: 0, records: [
            AppendRecord(timestamp: 1_717_423_200_000, key: nil, value: Array("{\"id\":1}".utf8),
                         headers: [RecordHeader(key: "source", value: Array("alpaca".utf8)), RecordHeader(key: "trace", value: nil)]),
        ])
        let rows = try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws -> [[Value]] in
            let session = try runtimeSession("""
                CREATE TABLE orders (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', headers MAP<STRING, BYTES> METADATA,
                  `offset` BIGINT METADATA VIRTUAL)
                WITH ('connector' = 'kafka', 'topic' = 'orders', 'format' = 'json', 'properties.bootstrap.servers' = '\(servers)',
                      'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset');
                """)
            var options = RunOptions()
            options.homePath = home.path
            guard case .job(let job) = try session.execute(try Parser.parseStatement("""
                INSERT INTO orders SELECT id + 1, ts + INTERVAL '1' MINUTE, MAP['source', ENCODE('brook', 'UTF-8'), 'copied-from', CAST(CAST(`offset` AS STRING) AS BYTES)]
                FROM orders
                """)) else { throw RuntimeError("no job") }
            _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
            return try runJob("SELECT id, ts, DECODE(headers['source'], 'UTF-8'), headers['trace'], CARDINALITY(headers), `offset` FROM orders", in: session, options: options).rows
        }
        #expect(rows == [
            [.integer(1), .timestamp(1_717_423_200_000_000), .string("alpaca"), .null, .integer(2), .integer(0)],
            [.integer(2), .timestamp(1_717_423_260_000_000), .string("brook"), .null, .integer(2), .integer(1)],
        ])
        let written = try log.read(topic: "orders", partition: 0, offset: 1, maxBytes: 1 << 20)
        #expect(written.map { String(decoding: $0.value ?? [], as: UTF8.self) } == ["{\"id\":2}"])
        #expect(written.first?.timestamp == 1_717_423_260_000)
        #expect(written.first?.headers == [RecordHeader(key: "source", value: Array("brook".utf8)), RecordHeader(key: "copied-from", value: Array("0".utf8))])
    }

    @Test func metadataColumnsAreCheckedAtCreateAndReadOnlyOnesRefusedBySinks() throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("t", partitions: 1, retention: .forever)
        let options = "WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset')"
        #expect {
            try runtimeSession("CREATE TABLE t (n INT, h MAP<STRING, BYTES> METADATA FROM 'header') \(options)")
        } throws: { error in
            "\(error)".contains("column 'h' of table 't': the kafka connector has no metadata 'header'; it offers headers, leader-epoch, offset, partition, timestamp, timestamp-type, topic")
        }
        #expect {
            try runtimeSession("CREATE TABLE t (n INT, p DATE METADATA FROM 'partition') \(options)")
        } throws: { error in
            "\(error)".contains("metadata 'partition' is INT and cannot be read as DATE")
        }
        let session = try runtimeSession("CREATE TABLE t (n INT, p INT METADATA FROM 'partition') \(options)")
        var run = RunOptions()
        run.homePath = home.path
        guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO t VALUES (1, 0)")) else { throw RuntimeError("no job") }
        #expect {
            _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: run).run()
        } throws: { error in
            "\(error)".contains("column 'p' is metadata 'partition', which a sink cannot write; declare it VIRTUAL")
        }
    }

    /// A topic whose partitions are at different times: partition 1 holds the first 100 seconds,
    /// partition 0 the next 100, so a watermark shared by both would make all of partition 1 late.
    func skewedTopic(_ log: TopicLog, secondPartition: Bool = true) throws {
        try log.createTopic("ticks", partitions: 2, retention: .forever)
        func records(from second: Int) -> [AppendRecord] {
            (0..<100).map { AppendRecord(timestamp: 0, key: nil, value: Array("{\"ts\":\((second + $0) * 1000)}".utf8)) }
        }
        try log.append(topic: "ticks", partition: 0, records: records(from: 100))
        if secondPartition { try log.append(topic: "ticks", partition: 1, records: records(from: 0)) }
    }

    func ticksTable(bounded: Bool) -> String {
        """
        CREATE TABLE ticks (ts BIGINT, t AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR t AS t - INTERVAL '1' SECOND)
        WITH ('connector' = 'kafka', 'topic' = 'ticks', 'properties.bootstrap.servers' = 'embedded',
              'scan.startup.mode' = 'earliest-offset', \(bounded ? "'scan.bounded.mode' = 'latest-offset'," : "") 'format' = 'json');
        """
    }

    static let tenSecondCounts = "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE ticks, DESCRIPTOR(t), INTERVAL '10' SECOND)) GROUP BY window_start, window_end"

    @Test(arguments: [1, 2]) func eachPartitionKeepsItsOwnWatermark(tasks: Int) throws {
        let home = try ScratchDirectory()
        try skewedTopic(try TopicLog(path: home.file("brook.db")))
        let session = try runtimeSession(ticksTable(bounded: true) + "SET 'parallelism.default' = '\(tasks)';")
        var options = RunOptions()
        options.homePath = home.path
        options.batchSize = 8
        let result = try runJob(KafkaConnectorTests.tenSecondCounts, in: session, options: options)
        #expect(result.summary.lateRowsDropped == 0)
        #expect(result.rows.count == 20)
        #expect(result.rows.allSatisfy { $0[1] == .integer(10) })
    }

    @Test func anIdlePartitionStopsHoldingTheWatermarkBack() throws {
        let home = try ScratchDirectory()
        try skewedTopic(try TopicLog(path: home.file("brook.db")), secondPartition: false)
        let session = try runtimeSession(ticksTable(bounded: false) + "SET 'table.exec.source.idle-timeout' = '100 ms';")
        guard case .query(let job) = try session.execute(try Parser.parseStatement(KafkaConnectorTests.tenSecondCounts)) else {
            throw RuntimeError("not a query")
        }
        var options = RunOptions()
        options.homePath = home.path
        let progress = JobProgress()
        options.progress = progress
        options.queryWriter = CollectingRowWriter()
        let runner = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options)
        nonisolated(unsafe) let unsafeRunner = runner
        let finished = DispatchSemaphore(value: 0)
        Thread {
            _ = try? unsafeRunner.run()
            finished.signal()
        }.start()
        // Partition 1 never has a row; once it is idle, partition 0's watermark closes windows.
        let deadline = Date().addingTimeInterval(10)
        while progress.rowsOut == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        progress.cancel()
        finished.wait()
        #expect(progress.rowsOut > 0)
    }

    @Test func keysAreWrittenInTheirKeyFormatAndChooseThePartition() throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        var options = RunOptions()
        options.homePath = home.path
        var topics = 0
        func keys(_ format: String, fields: String, partitions: Int32 = 1) throws -> [[String?]] {
            topics += 1
            let topic = "keys-\(topics)"
            try log.createTopic(topic, partitions: partitions, retention: .forever)
            let session = try runtimeSession("""
                CREATE TABLE k (symbol STRING, venue STRING, px DOUBLE) WITH ('connector' = 'kafka', 'topic' = '\(topic)', 'format' = 'json',
                  'key.format' = '\(format)', 'key.fields' = '\(fields)');
                """)
            guard case .job(let job) = try session.execute(try Parser.parseStatement(
                "INSERT INTO k VALUES ('AAPL', 'XNAS', 1.5), ('MSFT', CAST(NULL AS STRING), 2.5), ('AAPL', 'XNAS', 3.5)")) else { throw RuntimeError("no job") }
            _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
            return try (0..<partitions).map { partition in
                try log.read(topic: topic, partition: partition, offset: 0, maxBytes: 1 << 20).map { $0.key.map { String(decoding: $0, as: UTF8.self) } }
            }
        }
        #expect(try keys("json", fields: "symbol;venue") == [[#"{"symbol":"AAPL","venue":"XNAS"}"#, #"{"symbol":"MSFT","venue":null}"#, #"{"symbol":"AAPL","venue":"XNAS"}"#]])
        #expect(try keys("csv", fields: "symbol;venue") == [["AAPL,XNAS", "MSFT,", "AAPL,XNAS"]])
        #expect(try keys("raw", fields: "venue") == [["XNAS", nil, "XNAS"]])
        let spread = try keys("raw", fields: "symbol", partitions: 4)
        #expect(spread.joined().count == 3)
        let partitionsOfKey = Dictionary(grouping: spread.enumerated().flatMap { partition, keys in keys.map { ($0, partition) } }, by: \.0)
        #expect(partitionsOfKey["AAPL"]?.count == 2 && Set(partitionsOfKey["AAPL"]!.map(\.1)).count == 1, "one key always lands in one partition: \(spread)")
        #expect {
            try keys("raw", fields: "symbol;venue")
        } throws: { error in "\(error)".contains("option 'key.fields' of table 'k': the raw key format takes exactly one field, not 2") }
        #expect {
            try runtimeSession("CREATE TABLE bad (a STRING) WITH ('connector' = 'kafka', 'topic' = 'bad', 'format' = 'json', 'key.fields' = 'a');")
        } throws: { error in "\(error)".contains("option 'key.format' of table 'bad': is required with 'key.fields' (json, csv or raw)") }
    }

    /// Partitions from kafka-python 3.0.12's murmur2 (Kafka's `Utils.murmur2`): (hash & 0x7fffffff) % 4.
    @Test func keyedRowsGoWhereKafkasDefaultPartitionerPutsThem() throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("bars", partitions: 4, retention: .forever)
        let session = try runtimeSession("""
            CREATE TABLE bars (symbol STRING, px DOUBLE) WITH ('connector' = 'kafka', 'topic' = 'bars', 'format' = 'json',
              'key.format' = 'raw', 'key.fields' = 'symbol');
            """)
        var options = RunOptions()
        options.homePath = home.path
        guard case .job(let job) = try session.execute(try Parser.parseStatement(
            "INSERT INTO bars VALUES ('AAPL', 1.0), ('MSFT', 2.0), ('TSLA', 3.0), ('META', 4.0)")) else { throw RuntimeError("no job") }
        _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
        let keys = try (0..<4).map { partition in
            try log.read(topic: "bars", partition: partition, offset: 0, maxBytes: 1 << 20).map { String(decoding: $0.key ?? [], as: UTF8.self) }
        }
        #expect(keys == [["META"], ["AAPL"], ["MSFT"], ["TSLA"]])
    }

    @Test func unkeyedRowsStayInOnePartitionPerBatchAndTheNextBatchMovesOn() throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("out", partitions: 3, retention: .forever)
        try home.write("in.jsonl", lines: (1...6).map { "{\"n\":\($0)}" })
        let session = try runtimeSession("""
            CREATE TABLE src (n INT) WITH ('connector' = 'filesystem', 'path' = '\(home.file("in.jsonl"))', 'format' = 'json');
            CREATE TABLE out (n INT) WITH ('connector' = 'kafka', 'topic' = 'out', 'format' = 'json');
            """)
        var options = RunOptions()
        options.homePath = home.path
        options.batchSize = 2
        guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO out SELECT n FROM src")) else { throw RuntimeError("no job") }
        _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
        let values = try (0..<3).map { partition in
            try log.read(topic: "out", partition: partition, offset: 0, maxBytes: 1 << 20).map { String(decoding: $0.value ?? [], as: UTF8.self) }
        }
        #expect(values == [[#"{"n":1}"#, #"{"n":2}"#], [#"{"n":3}"#, #"{"n":4}"#], [#"{"n":5}"#, #"{"n":6}"#]])
    }

    @Test(arguments: [false, true]) func readingAMissingTopicFailsNamingItAndWritingCreatesIt(overNetwork: Bool) async throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        let (readError, written) = try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws -> (String, Int) in
            let session = try runtimeSession("""
                CREATE TABLE typo (n INT) WITH ('connector' = 'kafka', 'topic' = 'tikcs', 'format' = 'json', 'properties.bootstrap.servers' = '\(servers)',
                  'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset');
                CREATE TABLE fresh (n INT) WITH ('connector' = 'kafka', 'topic' = 'fresh', 'format' = 'json', 'properties.bootstrap.servers' = '\(servers)',
                  'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset');
                """)
            var options = RunOptions()
            options.homePath = home.path
            var readError = ""
            do {
                _ = try runJob("SELECT n FROM typo", in: session, options: options)
            } catch let error as RuntimeError {
                readError = error.message
            }
            guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO fresh VALUES (1)")) else { throw RuntimeError("no job") }
            _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
            return (readError, try runJob("SELECT n FROM fresh", in: session, options: options).rows.count)
        }
        #expect(readError.hasPrefix("table 'typo': topic 'tikcs' (option 'topic') does not exist on "), "\(readError)")
        #expect(try log.describeTopic("tikcs") == nil, "reading created no topic")
        #expect(written == 1, "writing created the topic")
    }

    @Test(arguments: [false, true], ["raw", "json", "csv"]) func exceptKeyReadsKeyFieldsFromTheKeyAndLeavesThemOutOfTheValue(overNetwork: Bool, keyFormat: String) async throws {
        let home = try ScratchDirectory()
        let log = try TopicLog(path: home.file("brook.db"))
        try log.createTopic("kp", partitions: 1, retention: .forever)
        let key = ["raw": "K1", "json": #"{"k":"K1"}"#, "csv": "K1"][keyFormat]!
        try log.append(topic: "kp", partition: 0, records: [
            AppendRecord(timestamp: 0, key: Array(key.utf8), value: Array(#"{"n":5}"#.utf8)),
            AppendRecord(timestamp: 0, key: nil, value: Array(#"{"n":6}"#.utf8)),
        ])
        let rows = try await withServers(overNetwork: overNetwork, home: home) { (servers: String) throws -> [[Value]] in
            let session = try runtimeSession("""
                CREATE TABLE kp (k STRING, n INT) WITH ('connector' = 'kafka', 'topic' = 'kp', 'format' = 'json', 'properties.bootstrap.servers' = '\(servers)',
                  'key.format' = '\(keyFormat)', 'key.fields' = 'k', 'value.fields-include' = 'EXCEPT_KEY',
                  'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset');
                """)
            var options = RunOptions()
            options.homePath = home.path
            guard case .job(let job) = try session.execute(try Parser.parseStatement("INSERT INTO kp VALUES ('A', 1)")) else { throw RuntimeError("no job") }
            _ = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
            return try runJob("SELECT k, n FROM kp", in: session, options: options).rows
        }
        #expect(rows == [[.string("K1"), .integer(5)], [.null, .integer(6)], [.string("A"), .integer(1)]])
        let written = try log.read(topic: "kp", partition: 0, offset: 2, maxBytes: 1 << 20)
        #expect(written.map { String(decoding: $0.value ?? [], as: UTF8.self) } == [#"{"n":1}"#])
        #expect(written.map { String(decoding: $0.key ?? [], as: UTF8.self) } == [["raw": "A", "json": #"{"k":"A"}"#, "csv": "A"][keyFormat]!])
    }

    @Test func valueFieldsIncludeAndKeyFieldsAreCheckedAtCreateWithTheirPlace() throws {
        let options = "'connector' = 'kafka', 'topic' = 't', 'format' = 'json', 'key.format' = 'raw'"
        let bogus = try createError("CREATE TABLE t (k STRING, n INT) WITH (\(options), 'key.fields' = 'k',\n  'value.fields-include' = 'BOGUS')")
        #expect(bogus.hasPrefix("ddl.sql:2:3: option 'value.fields-include' of table 't': 'BOGUS' is not one of ALL, EXCEPT_KEY"), "\(bogus)")
        let missing = try createError("CREATE TABLE t (k STRING, n INT) WITH (\(options),\n  'key.fields' = 'kk')")
        #expect(missing.hasPrefix("ddl.sql:2:3: option 'key.fields' of table 't': names no physical column 'kk'"), "\(missing)")
        _ = try runtimeSession("CREATE TABLE t (k STRING, n INT) WITH (\(options), 'key.fields' = 'k', 'value.fields-include' = 'all')")
    }

    /// The rendered error of a CREATE TABLE that must fail.
    func createError(_ sql: String) throws -> String {
        do {
            _ = try runtimeSession(sql)
        } catch let error as SessionError {
            return error.render(SourceText(name: "ddl.sql", text: sql))
        }
        Issue.record("expected an error from \(sql)")
        return ""
    }

    @Test func topicListsAndTopicPatternsAreRefusedAtCreateWithTheirPlace() throws {
        let list = try createError("CREATE TABLE t (n INT) WITH ('connector' = 'kafka', 'format' = 'json',\n  'topic' = 'ev;bad')")
        #expect(list.hasPrefix("ddl.sql:2:3: option 'topic' of table 't': 'ev;bad' lists several topics"), "\(list)")
        let pattern = try createError("CREATE TABLE t (n INT) WITH ('connector' = 'kafka', 'format' = 'json',\n  'topic-pattern' = 'ev.*')")
        #expect(pattern.hasPrefix("ddl.sql:2:3: option 'topic-pattern' of table 't': is not supported yet; name the topic in 'topic'"), "\(pattern)")
    }

    @Test func anUnreachableClusterIsNamedWithItsOption() throws {
        let home = try ScratchDirectory()
        let session = try runtimeSession("CREATE TABLE t (n INT) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json', 'properties.bootstrap.servers' = '127.0.0.1:1', 'scan.startup.mode' = 'earliest-offset');")
        var options = RunOptions()
        options.homePath = home.path
        #expect {
            try runJob("SELECT n FROM t", in: session, options: options)
        } throws: { error in
            let message = (error as? RuntimeError)?.message ?? ""
            return message.contains("table 't': topic 't' on the Kafka cluster at '127.0.0.1:1' (option 'properties.bootstrap.servers')")
                && message.contains("cannot connect to Kafka broker 127.0.0.1:1")
        }
    }
}
