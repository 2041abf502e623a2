// `brook replay`: feed the sample bars and headlines into topics at a chosen speed.
import ArgumentParser
import BrookStorage
import Foundation

/// Plays market data files into the home's topics in event-time order, keyed by symbol and
/// stamped with their event time, so a live pipeline (sql/ddl.kafka.sql) sees them arrive as a
/// feed would deliver them: --speed 60 plays an hour of market in a minute, 0 as fast as possible.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play stock-prices.jsonl and market-news.jsonl into topics at a chosen speed.")

    @Option(help: "Directory holding stock-prices.jsonl and market-news.jsonl.") var data = "examples/data"
    @Option(help: "Event time played per wall-clock second, as a multiple (0: no pacing).") var speed = 60.0
    @Option(help: "Topic for the bars.") var pricesTopic = "stock-prices"
    @Option(help: "Topic for the headlines.") var newsTopic = "market-news"
    @OptionGroup var home: HomeOptions

    struct Record {
        var time: Int64
        var topic: String
        var key: String?
        var line: String
    }

    func run() throws {
        let log = try TopicLog(path: BrookHome(path: home.home).databasePath)
        var records: [Record] = []
        for (file, topic, field) in [("stock-prices.jsonl", pricesTopic, "\"timestamp\":"), ("market-news.jsonl", newsTopic, "\"timestamp_ms\":")] {
            let path = (data as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure("cannot read \(path)") }
            for (number, line) in text.split(separator: "\n").enumerated() {
                guard let time = Replay.number(after: field, in: line) else {
                    throw CommandFailure("\(path):\(number + 1): no \(field.dropLast()) field")
                }
                records.append(Record(time: time, topic: topic, key: Replay.string(after: "\"symbol\":\"", in: line), line: String(line)))
            }
            if try log.describeTopic(topic) == nil { try log.createTopic(topic, partitions: 1, retention: .forever) }
        }
        records.sort { $0.time < $1.time }
        guard let first = records.first else { return }
        let started = Date()
        var pending: [String: [AppendRecord]] = [:]
        var sent = 0
        func flush() throws {
            for (topic, batch) in pending where !batch.isEmpty { try log.append(topic: topic, partition: 0, records: batch) }
            sent += pending.values.reduce(0) { $0 + $1.count }
            pending.removeAll()
        }
        for record in records {
            if speed > 0 {
                let due = Double(record.time - first.time) / 1000 / speed
                let wait = due - Date().timeIntervalSince(started)
                if wait > 0.05 {
                    try flush()
                    Thread.sleep(forTimeInterval: wait)
                }
            }
            pending[record.topic, default: []].append(AppendRecord(timestamp: record.time, key: record.key.map { Array($0.utf8) }, value: Array(record.line.utf8)))
            if pending.values.reduce(0, { $0 + $1.count }) >= 1000 { try flush() }
        }
        try flush()
        print("replayed \(sent) records into \(pricesTopic) and \(newsTopic) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    static func number(after field: String, in line: Substring) -> Int64? {
        guard let range = line.range(of: field) else { return nil }
        return Int64(line[range.upperBound...].prefix { $0.isNumber || $0 == "-" })
    }

    static func string(after prefix: String, in line: Substring) -> String? {
        guard let range = line.range(of: prefix) else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }
}
