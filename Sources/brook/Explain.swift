// `brook explain FILE.sql`: print the logical and physical plan of every job a SQL file defines.
import ArgumentParser
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookStorage
import Foundation

/// Runs a SQL file's statements in a session that sees the home's catalog but does not change it,
/// and prints the plans of its INSERTs, statement sets, SELECTs and EXPLAINs.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the logical and physical plans of the jobs in a SQL file.",
        discussion: "DDL in the file is applied to a private copy of the catalog, so explaining never changes the home.")

    @Argument(help: "The SQL file, e.g. sql/ddl.sql.")
    var file: String

    @OptionGroup var home: HomeOptions

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
        }
        let session = try EngineSession.make(home: BrookHome(path: home.home), persist: false)
        let source = SourceText(name: file, text: text)
        let results: [StatementResult]
        do {
            results = try session.executeScript(text)
        } catch {
            FileHandle.standardError.write(Data((error.render(source) + "\n").utf8))
            throw ExitCode(1)
        }
        var printed = 0
        for result in results {
            switch result {
            case .job(let job), .query(let job):
                print(printed == 0 ? "" : "\n", terminator: "")
                print("-- job: \(job.name)")
                print(job.explanation, terminator: "")
                printed += 1
            case .explain(let text):
                print(printed == 0 ? "" : "\n", terminator: "")
                print(text, terminator: "")
                printed += 1
            default:
                continue
            }
        }
        if printed == 0 { print("\(file) defines no INSERT, SELECT or EXPLAIN to plan.") }
    }
}
