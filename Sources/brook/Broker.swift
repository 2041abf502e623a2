// `brook broker`: serve the home's topics over the Kafka protocol.
import ArgumentParser
import BrookKafka
import BrookStorage
import Dispatch
import Foundation

/// Runs the Kafka-protocol listener over the Brook home's topic log until interrupted, so kcat,
/// librdkafka, confluent-kafka and kafka-python clients can produce and consume.
struct Broker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the home's topics over the Kafka protocol (Ctrl-C stops it).")

    @Option(help: "Address to listen on, HOST:PORT.")
    var listen = "127.0.0.1:9092"

    @OptionGroup var home: HomeOptions

    @Option(help: "Partitions of topics created automatically on first use.")
    var partitions: Int32 = 1

    @Option(help: "Retention of automatically created topics: a duration such as 7d or 12h, or 'forever'.")
    var retention = "7d"

    @Flag(help: "Refuse requests for topics that do not exist instead of creating them.")
    var noAutoCreate = false

    func run() async throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
            throw CommandFailure("--listen must be HOST:PORT, got \(listen)")
        }
        let host = String(listen[..<colon])
        var config = BrokerConfig()
        config.defaultPartitions = partitions
        config.defaultRetention = try RetentionOption.parse(retention)
        config.autoCreateTopics = !noAutoCreate
        let log = try TopicLog(path: BrookHome(path: home.home).databasePath)
        let broker = KafkaBroker(log: log, host: host, port: port, config: config)
        let bound = try await broker.start()
        FileHandle.standardOutput.write(Data("brook broker listening on \(host):\(bound) (home \(home.home))\n".utf8))
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let (stop, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        for await _ in stop { break }
        await broker.shutdown()
        sources.forEach { $0.cancel() }
        FileHandle.standardOutput.write(Data("brook broker stopped\n".utf8))
    }
}

/// Starts and stops a broker from synchronous commands (`brook run --listen`): the broker runs on
/// its own event-loop threads while the job runs on the caller's.
enum BrokerLauncher {
    static func start(listen: String, homePath: String) throws -> KafkaBroker {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
            throw CommandFailure("--listen must be HOST:PORT, got \(listen)")
        }
        let host = String(listen[..<colon])
        let broker = KafkaBroker(log: try TopicLog(path: homePath), host: host, port: port)
        let started = DispatchSemaphore(value: 0)
        let outcome = LaunchOutcome()
        Task {
            do {
                outcome.port = try await broker.start()
            } catch {
                outcome.failure = "\(error)"
            }
            started.signal()
        }
        started.wait()
        if let failure = outcome.failure { throw CommandFailure("cannot listen on \(listen): \(failure)") }
        FileHandle.standardError.write(Data("brook broker listening on \(host):\(outcome.port ?? port)\n".utf8))
        return broker
    }

    static func stop(_ broker: KafkaBroker) {
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await broker.shutdown()
            stopped.signal()
        }
        stopped.wait()
    }

    /// What the start task reports back across the semaphore.
    final class LaunchOutcome: @unchecked Sendable {
        var port: Int?
        var failure: String?
    }
}

/// Parses retention given on the command line: `7d`, `12h`, `30m`, milliseconds, or `forever`.
enum RetentionOption {
    static func parse(_ text: String) throws -> RetentionPolicy {
        if text == "forever" || text == "-1" { return .forever }
        let units: [Character: Int64] = ["d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1000]
        if let unit = text.last, let scale = units[unit], let value = Int64(text.dropLast()), value > 0 {
            return RetentionPolicy(milliseconds: value * scale)
        }
        if let value = Int64(text), value > 0 { return RetentionPolicy(milliseconds: value) }
        throw CommandFailure("retention must be a duration such as 7d, 12h or 90m, milliseconds, or 'forever'; got '\(text)'")
    }
}
