// `brook topic`: create, list, describe, delete, produce to and consume from the home's topics.
import ArgumentParser
import BrookStorage
import Foundation

/// The topic console: what Redpanda's console and rpk did for the seed system.
struct Topic: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage and use the home's Kafka-style topics.",
        subcommands: [Create.self, List.self, Describe.self, Delete.self, Produce.self, Consume.self])

    static func open(_ home: HomeOptions) throws -> TopicLog {
        try TopicLog(path: BrookHome(path: home.home).databasePath)
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a topic.")
        @Argument(help: "Topic name.") var name: String
        @Option(help: "Number of partitions.") var partitions: Int32 = 1
        @Option(help: "Keep records for this long (7d, 12h, 90m) or 'forever'.") var retention = "7d"
        @Option(help: "Also cap each partition at this many bytes.") var retentionBytes: Int64?
        @OptionGroup var home: HomeOptions

        func run() throws {
            var policy = try RetentionOption.parse(retention)
            policy.bytes = retentionBytes
            try Topic.open(home).createTopic(name, partitions: partitions, retention: policy)
            print("created topic \(name) with \(partitions) partition\(partitions == 1 ? "" : "s")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List topics: name, partitions, records, cleanup policy, size.")
        @OptionGroup var home: HomeOptions

        func run() throws {
            let stats = try Topic.open(home).stats()
            let rows = [["NAME", "PARTITIONS", "RECORDS", "CLEANUP", "SIZE"]]
                + stats.map { [$0.name, String($0.partitions), String($0.records), "delete", $0.sizeDescription] }
            printTable(rows)
        }
    }

    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a topic's partitions, offsets and retention.")
        @Argument(help: "Topic name.") var name: String
        @OptionGroup var home: HomeOptions

        func run() throws {
            let log = try Topic.open(home)
            guard let description = try log.describeTopic(name) else { throw CommandFailure("topic '\(name)' does not exist") }
            let retention = description.retention.milliseconds.map { "\($0) ms" } ?? "forever"
            print("topic \(name): \(description.partitions) partition\(description.partitions == 1 ? "" : "s"), retention \(retention)"
                + (description.retention.bytes.map { ", at most \($0) bytes per partition" } ?? ""))
            var rows = [["PARTITION", "LOG START", "NEXT OFFSET", "RECORDS"]]
            for partition in 0..<description.partitions {
                let offsets = try log.offsets(topic: name, partition: partition)
                rows.append([String(partition), String(offsets.logStart), String(offsets.next), String(offsets.next - offsets.logStart)])
            }
            printTable(rows)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a topic and its records.")
        @Argument(help: "Topic name.") var name: String
        @OptionGroup var home: HomeOptions

        func run() throws {
            try Topic.open(home).deleteTopic(name)
            print("deleted topic \(name)")
        }
    }

    struct Produce: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Append each line of standard input as a record.")
        @Argument(help: "Topic name.") var name: String
        @Option(help: "Key for every record.") var key: String?
        @Option(help: "Partition to write to.") var partition: Int32 = 0
        @OptionGroup var home: HomeOptions

        func run() throws {
            let log = try Topic.open(home)
            var count = 0
            var pending: [AppendRecord] = []
            func flush() throws {
                guard !pending.isEmpty else { return }
                try log.append(topic: name, partition: partition, records: pending)
                count += pending.count
                pending.removeAll()
            }
            while let line = readLine(strippingNewline: true) {
                pending.append(AppendRecord(timestamp: TopicLog.nowMilliseconds(), key: key.map { Array($0.utf8) }, value: Array(line.utf8)))
                if pending.count >= 1000 { try flush() }
            }
            try flush()
            FileHandle.standardError.write(Data("produced \(count) record\(count == 1 ? "" : "s") to \(name)\n".utf8))
        }
    }

    struct Consume: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print records: offset, partition, timestamp, key, value (NULL when the record has none).")
        @Argument(help: "Topic name.") var name: String
        @Option(help: "earliest, latest, or an offset (ignored when the group has committed offsets).") var from = "earliest"
        @Option(help: "Consumer group: start at its committed offsets and commit what was printed.") var group: String?
        @Flag(help: "Keep waiting for new records.") var follow = false
        @Option(help: "Stop after this many records.") var max: Int?
        @OptionGroup var home: HomeOptions

        func run() throws {
            let log = try Topic.open(home)
            guard let description = try log.describeTopic(name) else { throw CommandFailure("topic '\(name)' does not exist") }
            let committed = try group.map { try log.committedOffsets(group: $0, topic: name) } ?? []
            var positions: [Int32: Int64] = [:]
            for partition in 0..<description.partitions {
                let offsets = try log.offsets(topic: name, partition: partition)
                if let saved = committed.first(where: { $0.partition == partition }) {
                    positions[partition] = saved.offset
                } else if from == "earliest" {
                    positions[partition] = offsets.logStart
                } else if from == "latest" {
                    positions[partition] = offsets.next
                } else if let offset = Int64(from) {
                    positions[partition] = Swift.max(offset, offsets.logStart)
                } else {
                    throw CommandFailure("--from must be earliest, latest or an offset, got '\(from)'")
                }
            }
            var printed = 0
            print(["OFFSET", "PARTITION", "TIMESTAMP", "KEY", "VALUE"].joined(separator: "\t"))
            while true {
                var progressed = false
                for partition in 0..<description.partitions {
                    let records = try log.read(topic: name, partition: partition, offset: positions[partition]!, maxBytes: 1 << 20)
                    for record in records {
                        if let max, printed >= max { break }
                        let key = StoredRecord.consoleText(record.key)
                        let value = StoredRecord.consoleText(record.value)
                        print("\(record.offset)\t\(partition)\t\(record.timestamp)\t\(key)\t\(value)")
                        positions[partition] = record.offset + 1
                        printed += 1
                        progressed = true
                    }
                }
                // Records reach a pipe as they arrive, and a group commits only what has been written out.
                fflush(nil)
                if let group {
                    try log.commitOffsets(group: group, offsets: positions.map { CommittedOffset(topic: name, partition: $0.key, offset: $0.value) })
                }
                if let max, printed >= max { break }
                if !progressed {
                    guard follow else { break }
                    Thread.sleep(forTimeInterval: 0.2)
                }
            }
        }
    }
}

/// Prints rows as left-aligned columns.
func printTable(_ rows: [[String]]) {
    guard let first = rows.first else { return }
    let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
        print(row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  "))
    }
}
