// `brook run FILE.sql`: execute a pipeline's statements and run its jobs.
import ArgumentParser
import BrookCore
import BrookPlanner
import BrookSQL
import BrookRuntime
import BrookStorage
import Foundation

/// Executes a SQL file as Flink's SQL client would with `-f`: DDL goes into the home's catalog,
/// each INSERT (or statement set) runs as a streaming job until its bounded sources end.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a SQL pipeline: create its tables and views, then run its INSERT jobs.")

    @Argument(help: "The SQL file, e.g. sql/ddl.sql.")
    var file: String

    @OptionGroup var home: HomeOptions

    @Option(help: "Rows per batch read from each source.")
    var batchSize = 4096

    @Flag(help: .hidden)
    var timing = false

    @Option(help: "Also serve the home's topics over the Kafka protocol on HOST:PORT while the jobs run.")
    var listen: String?

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
        }
        let source = SourceText(name: file, text: text)
        let session = try EngineSession.make(home: BrookHome(path: home.home))
        let statements: [BrookSQL.Statement]
        do {
            statements = try Parser.parseScript(text)
        } catch {
            fail(SessionError.sql(error).render(source))
        }
        let broker = try listen.map { try BrokerLauncher.start(listen: $0, homePath: BrookHome(path: home.home).databasePath) }
        defer { broker.map(BrokerLauncher.stop) }
        var options = RunOptions()
        options.batchSize = max(1, batchSize)
        options.homePath = home.home
        for statement in statements {
            let result: StatementResult
            do {
                result = try session.execute(statement)
            } catch {
                fail(error.render(source))
            }
            switch result {
            case .job(let job), .query(let job):
                let queryRows = CollectingRowWriter()
                var jobOptions = options
                jobOptions.queryWriter = queryRows
                jobOptions.log = { [name = job.name] line in FileHandle.standardError.write(Data("job \(name): \(line)\n".utf8)) }
                do {
                    let summary = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: jobOptions).run()
                    for (kind, values) in queryRows.rows {
                        print(kind.description + "[" + values.map { ValueText.plain($0, type: .string, context: EvaluationContext()) }.joined(separator: ", ") + "]")
                    }
                    report(job, summary)
                } catch {
                    fail("\(file): job '\(job.name)' failed: \(error.message)")
                }
            case .explain(let text):
                print(text, terminator: "")
            case .rows(let columns, let rows):
                print(([columns] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n"))
            case .done, .showJobs, .stopJob:
                continue
            }
        }
    }

    private func report(_ job: PlannedJob, _ summary: JobSummary) {
        let read = summary.rowsRead.sorted { $0.key < $1.key }.map { "\($0.value) from \($0.key)" }.joined(separator: ", ")
        let written = summary.rowsWritten.sorted { $0.key < $1.key }.map { "\($0.value) to \($0.key)" }.joined(separator: ", ")
        var line = "job \(job.name): read \(read); wrote \(written.isEmpty ? "0 rows" : written) in \(String(format: "%.2f", summary.seconds)) s"
        if summary.lateRowsDropped > 0 { line += "; \(summary.lateRowsDropped) late rows dropped" }
        if summary.skippedRecords > 0 { line += "; \(summary.skippedRecords) unparsable records skipped" }
        if timing {
            let started = Date().addingTimeInterval(-ProcessStatistics.secondsSinceStart())
            let firstRow = summary.firstRowAt.map { String(format: "%.1f", $0.timeIntervalSince(started) * 1000) } ?? "none"
            line += "\ntiming: job-seconds=\(String(format: "%.3f", summary.seconds)) first-row-ms=\(firstRow) peak-bytes=\(ProcessStatistics.peakResidentBytes())"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }
}
