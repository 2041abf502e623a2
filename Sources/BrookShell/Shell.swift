// The SQL shell's core: runs statements and shows their results the way the result mode asks.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import Foundation

/// How a finished result is printed when it is not browsed in the table view.
public enum OutputFormat: String, Sendable {
    case table, csv, json
}

/// Executes statements for `brook sql`: DDL and session statements at once, INSERTs as
/// background jobs, SELECTs as results shown in the table view (a terminal and result mode
/// 'table'), as a changelog, or as a tableau / CSV / JSON printout.
public final class Shell {
    public let session: Session
    let homePath: String
    let jobs = JobManager()
    let format: OutputFormat
    let interactive: Bool
    /// Where results and messages go (standard output unless a test captures them).
    public var output: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
    /// Where errors go (standard error unless a test captures them).
    public var errors: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    /// Shows a running query full-screen; nil when there is no terminal to show it on.
    var tableView: ((_ headers: [String], _ store: ResultStore, _ progress: JobProgress) -> Void)?

    public init(session: Session, homePath: String, format: OutputFormat, interactive: Bool) {
        self.session = session
        self.homePath = homePath
        self.format = format
        self.interactive = interactive
    }

    /// Sets the full-screen view used for SELECT in table mode.
    public func useTableView(_ view: @escaping (_ headers: [String], _ store: ResultStore, _ progress: JobProgress) -> Void) {
        tableView = view
    }

    /// Runs every statement of `text`; returns false at the first error, which is printed with its place.
    @discardableResult
    public func run(_ text: String, sourceName: String) -> Bool {
        let source = SourceText(name: sourceName, text: text)
        let statements: [BrookSQL.Statement]
        do {
            statements = try Parser.parseScript(text)
        } catch {
            report(SessionError.sql(error).render(source))
            return false
        }
        for statement in statements {
            guard execute(statement, source: source) else { return false }
        }
        return true
    }

    func report(_ message: String) {
        errors("[ERROR] " + message)
    }

    func say(_ message: String) {
        output(message)
    }

    private func runOptions() -> RunOptions {
        var options = RunOptions()
        options.homePath = homePath
        return options
    }

    func execute(_ statement: BrookSQL.Statement, source: SourceText) -> Bool {
        let result: StatementResult
        do {
            result = try session.execute(statement)
        } catch {
            report(error.render(source))
            return false
        }
        switch result {
        case .done(let message):
            say("[INFO] " + (message.isEmpty ? "Execute statement succeeded." : message))
        case .rows(let columns, let rows):
            printRows(columns, rows)
        case .explain(let text):
            say(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
        case .showJobs:
            let table = jobs.table()
            printRows(table.headers, table.rows)
        case .stopJob(let id):
            if jobs.stop(id) {
                say("[INFO] The job \(id) is being stopped.")
            } else {
                report("there is no running job '\(id)'; SHOW JOBS lists them")
                return false
            }
        case .job(let job):
            let id = jobs.submit(job, session: session, options: runOptions())
            say("[INFO] Submitting SQL update statement to Brook...\n[INFO] SQL update statement has been successfully submitted.\nJob ID: \(id)")
        case .query(let job):
            return runQuery(job)
        }
        return true
    }

    private func printRows(_ columns: [String], _ rows: [[String]]) {
        switch format {
        case .csv: say(CSVText.lines([columns] + rows))
        case .json: rows.forEach { say(JSONLine.object(columns, $0)) }
        case .table: say(TableLayout.tableau(headers: columns, rows: rows))
        }
    }

    /// Runs a SELECT. In table mode with a terminal the table view shows it while it runs; in
    /// changelog mode changes print as they come; otherwise the final result prints once.
    private func runQuery(_ job: PlannedJob) -> Bool {
        let root = job.physical[job.physical.roots[0]]
        let headers = root.schema.fields.map(\.name)
        let context = EvaluationContext(timeZone: (try? SessionTimeZone(identifier: session.settings["table.local-time-zone"] ?? "UTC")) ?? .utc)
        let formatter = CellFormatter(types: root.schema.fields.map(\.type.type), context: context)
        let progress = JobProgress()
        var options = runOptions()
        options.progress = progress
        let mode = session.settings["sql-client.execution.result-mode"] ?? "table"
        let interruption = InterruptHandler { progress.cancel() }
        defer { interruption.remove() }
        if mode == "changelog" && format == .table {
            options.queryWriter = ChangelogPrinter(headers: headers, formatter: formatter, output: output)
            return runToEnd(job, options)
        }
        if mode == "table", format == .table, let tableView {
            let store: ResultStore
            do {
                store = try ResultStore(directory: (homePath as NSString).appendingPathComponent("results"))
            } catch {
                report("cannot keep the result in \(homePath): \(error)")
                return false
            }
            defer { store.close() }
            options.queryWriter = StoreWriter(store: store, formatter: formatter)
            let failure = FailureBox()
            let handoff = QueryHandoff(job: job, catalog: session.catalog, settings: session.settings, options: options)
            let thread = Thread {
                do throws(RuntimeError) {
                    _ = try handoff.run()
                } catch {
                    failure.message = error.message
                }
                progress.markFinished()
            }
            thread.start()
            tableView(headers, store, progress)
            progress.cancel()
            if let message = failure.message {
                report(message)
                return false
            }
            return true
        }
        let collected = CollectingRowWriter()
        options.queryWriter = collected
        guard runToEnd(job, options) else { return false }
        var rows: [[Value]] = []
        for change in collected.rows {
            if change.kind.isAccumulate {
                rows.append(change.values)
            } else if let index = rows.firstIndex(of: change.values) {
                rows.remove(at: index)
            }
        }
        switch format {
        case .json:
            for row in rows {
                var line = "{"
                for (index, value) in row.enumerated() {
                    if index > 0 { line += "," }
                    JSONText.appendQuoted(headers[index], to: &line)
                    line += ":"
                    JSONText.append(value, type: formatter.types[index], context: context, to: &line)
                }
                say(line + "}")
            }
        default:
            let text = rows.map { row in row.enumerated().map { ValueText.plain($1, type: formatter.types[$0], context: context) } }
            printRows(headers, text)
        }
        return true
    }

    private func runToEnd(_ job: PlannedJob, _ options: RunOptions) -> Bool {
        do {
            let summary = try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options).run()
            if summary.cancelled { say("[INFO] Query cancelled.") }
            return true
        } catch {
            report(error.message)
            return false
        }
    }
}

/// A query handed to the thread that runs it while the table view shows its result.
private struct QueryHandoff: @unchecked Sendable {
    let runner: Result<JobRunner, RuntimeError>

    init(job: PlannedJob, catalog: Catalog, settings: Settings, options: RunOptions) {
        do throws(RuntimeError) {
            runner = .success(try JobRunner(job: job, catalog: catalog, settings: settings, options: options))
        } catch {
            runner = .failure(error)
        }
    }

    func run() throws(RuntimeError) -> JobSummary {
        try runner.get().run()
    }
}

/// The error a background query ended with, read after it finishes.
private final class FailureBox: @unchecked Sendable {
    var message: String?
}

/// Result rows as CSV for `--format csv`.
enum CSVText {
    static func lines(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\n")
    }
}

/// Statement results that are text already (SHOW, DESCRIBE) as JSON objects of strings.
enum JSONLine {
    static func object(_ names: [String], _ cells: [String]) -> String {
        "{" + zip(names, cells).map { JSONText.quoted($0) + ":" + JSONText.quoted($1) }.joined(separator: ",") + "}"
    }
}
