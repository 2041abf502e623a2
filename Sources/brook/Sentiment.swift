// `brook sentiment`: score one text per line of standard input.
import ArgumentParser
import BrookSentiment
import BrookStorage
import Foundation

/// Scores lines for scripting and evaluation: one score (or label) per input line, in order.
struct Sentiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score each line of standard input: vader (NLTK-exact), finance, or llm.")

    @Option(help: "vader, finance or llm (llm reads sentiment.llm.* from --setting and its key from BROOK_LLM_API_KEY).")
    var model = "vader"

    @Flag(help: "Print positive, negative or neutral instead of the score.")
    var label = false

    @Option(name: .customLong("setting"), help: "A setting as key=value, e.g. sentiment.llm.endpoint=http://127.0.0.1:8080/v1 (repeatable).")
    var settings: [String] = []

    @Option(help: "Instead of scoring stdin, report accuracy and macro-F1 of vader and finance on a labelled file (text<TAB>label, header line).")
    var evaluate: [String] = []

    @OptionGroup var home: HomeOptions

    func run() throws {
        if !evaluate.isEmpty {
            for file in evaluate {
                let examples = try SentimentEvaluation.loadLabelledTSV(at: URL(fileURLWithPath: file))
                print("\(file): \(examples.count) labelled texts")
                for model in SentimentModels.all {
                    let result = SentimentEvaluation(model: model, examples: examples)
                    print("  " + model.name.padding(toLength: 8, withPad: " ", startingAt: 0)
                        + String(format: "accuracy %.3f  macro-F1 %.3f", result.accuracy, result.macroF1))
                }
            }
            return
        }
        var values: [String: String] = [:]
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else { throw CommandFailure("--setting must be key=value, got '\(setting)'") }
            values[String(setting[..<equals])] = String(setting[setting.index(after: equals)...])
        }
        let scorer: any SentimentModel
        do {
            let database = model.lowercased() == "llm" ? try Database(path: BrookHome(path: home.home).databasePath) : nil
            scorer = try SentimentModels.make(name: model, settings: values, database: database)
        } catch let error as SentimentModelFactoryError {
            throw CommandFailure(error.description)
        }
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        var output = ""
        for score in scorer.scoreBatch(lines) {
            output += label ? SentimentLabel(score: score).rawValue : String(format: "%.4f", score)
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
