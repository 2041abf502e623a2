// Runs a pipeline over generated bars in a child `brook run`, for the benchmarks.
import BrookMarketData
import BrookSentiment
import Foundation

/// Generated minute bars and headlines (made once, kept in `data` between runs) and a way to run
/// a SQL file over them in a child process, so start-up, wall time and peak memory are that
/// run's own. The SQL's `examples/data/` paths are pointed at the generated files and its
/// `out/` paths at a scratch folder.
struct BenchPipelineRun {
    /// What one run measured.
    struct Result {
        var wallSeconds: Double
        var jobSeconds: Double
        var firstRowMilliseconds: String
        var peakMiB: Double
        var rowsWritten: Int
        var jobLine: String
    }

    let directory: String
    let bars: Int

    init(_ data: Bench.BenchDataOptions) throws {
        directory = (data.data as NSString).appendingPathComponent("\(data.symbols)x\(data.days)")
        var options = MarketDataOptions()
        options.symbols = MarketSymbols.first(data.symbols)
        options.days = data.days
        let prices = (directory as NSString).appendingPathComponent(MarketDataGenerator.pricesFileName)
        if !FileManager.default.fileExists(atPath: prices) {
            do {
                _ = try MarketDataGenerator.write(options: options, to: directory) { VaderModel.shared.score($0) }
            } catch {
                throw CommandFailure(error.description)
            }
        }
        bars = MarketDataGenerator.barCount(for: options)
    }

    /// Runs the SQL text `sql` in a child `brook run`.
    func run(sql original: String, parallelism: Int) throws -> Result {
        let work = (directory as NSString).appendingPathComponent("run-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let text = "SET 'parallelism.default' = '\(parallelism)';\n" + original
            .replacingOccurrences(of: "examples/data/", with: directory + "/")
            .replacingOccurrences(of: "'out/", with: "'\(work)/out/")
        let script = (work as NSString).appendingPathComponent("pipeline.sql")
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["run", script, "--home", (work as NSString).appendingPathComponent("home"), "--timing"]
        let errors = Pipe()
        child.standardError = errors
        let started = Date()
        try child.run()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        let wall = Date().timeIntervalSince(started)
        guard child.terminationStatus == 0 else { throw CommandFailure("the run failed:\n\(report)") }
        let lines = report.split(separator: "\n")
        let timing = lines.first { $0.hasPrefix("timing:") } ?? ""
        func field(_ name: String) -> String {
            timing.split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) } ?? "?"
        }
        let jobLine = String(lines.first { $0.hasPrefix("job ") } ?? "")
        return Result(wallSeconds: wall, jobSeconds: Double(field("job-seconds")) ?? wall, firstRowMilliseconds: field("first-row-ms"),
                      peakMiB: (Double(field("peak-bytes")) ?? 0) / 1_048_576, rowsWritten: BenchPipelineRun.rowsWritten(jobLine), jobLine: jobLine)
    }

    /// The rows a job line (`job x: read ...; wrote N to t in S s`) says were written, summed over sinks.
    static func rowsWritten(_ jobLine: String) -> Int {
        guard let wrote = jobLine.range(of: "wrote ") else { return 0 }
        let words = jobLine[wrote.upperBound...].split(separator: " ")
        return zip(words, words.dropFirst()).filter { $0.1 == "to" }.compactMap { Int($0.0) }.reduce(0, +)
    }
}
