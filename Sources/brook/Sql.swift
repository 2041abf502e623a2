// `brook sql`: the interactive SQL shell, or a script runner with --file / --execute.
import ArgumentParser
import BrookLineEditor
import BrookRuntime
import BrookShell
import BrookStorage
import Foundation

/// Brook's SQL client: Flink's `sql-client.sh` for Brook. Interactive with line editing, history
/// and completion; with --file or --execute it runs statements and exits non-zero on the first error.
struct Sql: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The SQL shell: type statements, browse results in a paged table view.")

    @OptionGroup var home: HomeOptions

    @Option(help: "A SQL file to run first (tables and views to start from).")
    var initFile: String?

    @Option(help: "Run this SQL file and exit (non-zero on the first error).")
    var file: String?

    @Option(name: .shortAndLong, help: "Run these statements and exit.")
    var execute: String?

    @Option(help: "How results print when they are not browsed: table (tableau), csv or json.")
    var format = "table"

    func run() throws {
        guard let outputFormat = OutputFormat(rawValue: format) else { throw CommandFailure("--format must be table, csv or json, got '\(format)'") }
        let brookHome = try BrookHome(path: home.home)
        let session = try EngineSession.make(home: brookHome)
        let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let shell = Shell(session: session, homePath: home.home, format: outputFormat, interactive: terminal && file == nil && execute == nil)
        if terminal && outputFormat == .table && execute == nil && file == nil {
            shell.useTableView { headers, store, progress in TableView.show(headers: headers, store: store, progress: progress) }
        }
        for warning in session.loadWarnings { FileHandle.standardError.write(Data("[WARNING] \(warning)\n".utf8)) }
        if let initFile, !shell.run(try read(initFile), sourceName: initFile) { throw ExitCode(1) }
        if let execute {
            throw shell.run(execute, sourceName: "--execute") ? ExitCode.success : ExitCode(1)
        }
        if let file {
            throw shell.run(try read(file), sourceName: file) ? ExitCode.success : ExitCode(1)
        }
        let completer = Completer(session: session)
        let editor = LineEditor(historyPath: (home.home as NSString).appendingPathComponent("sql_history")) { completer.candidates($0, $1) }
        if editor.isInteractive {
            print("Brook SQL shell. Statements end with ';'. Ctrl-C cancels, Ctrl-D exits, Tab completes.")
        }
        var splitter = StatementSplitter()
        var number = 0
        while true {
            switch editor.readLine(prompt: splitter.isEmpty ? "Brook SQL> " : "         > ") {
            case .endOfInput:
                if editor.isInteractive { print("Bye.") }
                return
            case .interrupted:
                splitter.reset()
            case .line(let line):
                for statement in splitter.add(line) {
                    number += 1
                    editor.addHistory(statement + ";")
                    shell.run(statement + ";", sourceName: "statement \(number)")
                }
            }
        }
    }

    private func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot read \(path): \(error.localizedDescription)")
        }
    }
}
