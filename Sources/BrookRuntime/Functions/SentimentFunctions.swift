// SENTIMENT(text [, 'model']) and SENTIMENT_LABEL(text [, 'model']) as SQL functions.
import BrookCore
import BrookPlanner
import BrookSentiment
import BrookStorage
import Foundation

/// Puts Brook's sentiment models into SQL: the planner learns the functions' types, the runtime
/// their implementations. Without a model argument the session's `sentiment.model` is used.
public enum SentimentFunctions {
    /// The setting a job's context carries the Brook home in, for the llm model's cache.
    public static let homeSetting = "brook.home"

    /// Registers both functions with a session's function registry and the runtime library.
    public static func install(into registry: inout FunctionRegistry) {
        for (name, result, summary) in [
            ("SENTIMENT", DataType.double, "a headline's sentiment in [-1, 1] by the vader, finance or llm model"),
            ("SENTIMENT_LABEL", DataType.varchar(length: 8), "'positive', 'negative' or 'neutral' by the vader, finance or llm model"),
        ] {
            registry.register(FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
                try args.expect(count: 1...2, name)
                try args.expectString(0, name)
                if args.count == 2 {
                    try args.expectString(1, name)
                    if case .string(let model)? = args.constants[1], !SentimentModels.availableNames.contains(model.lowercased()) {
                        throw FunctionSignatureError("unknown sentiment model '\(model)'; use one of \(SentimentModels.availableNames.joined(separator: ", "))", argument: 1)
                    }
                }
                return ColumnType(result, nullable: args.types[0].nullable)
            })
        }
        ScalarFunctionLibrary.register("SENTIMENT", strict: false) { args throws(RuntimeError) in
            guard case .string(let text) = args[0] else { return .null }
            return .double(try model(for: args).score(text))
        }
        ScalarFunctionLibrary.register("SENTIMENT_LABEL", strict: false) { args throws(RuntimeError) in
            guard case .string(let text) = args[0] else { return .null }
            return .string(SentimentLabel(score: try model(for: args).score(text)).rawValue)
        }
    }

    static func model(for args: ScalarArguments) throws(RuntimeError) -> any SentimentModel {
        var name = args.context.settings["sentiment.model"] ?? "vader"
        if args.values.count > 1, case .string(let chosen) = args[1] { name = chosen }
        return try ModelCache.shared.model(named: name.lowercased(), settings: args.context.settings)
    }

    /// Models built once per process and configuration; the llm model keeps its client and cache
    /// across rows and jobs, and a change to its `sentiment.llm.*` settings builds a new one.
    final class ModelCache: @unchecked Sendable {
        static let shared = ModelCache()
        private var models: [String: any SentimentModel] = [:]
        private let lock = NSLock()

        func model(named name: String, settings: [String: String]) throws(RuntimeError) -> any SentimentModel {
            if let builtIn = SentimentModels.named(name) { return builtIn }
            lock.lock()
            defer { lock.unlock() }
            let signature = name + settings.filter { $0.key.hasPrefix("sentiment.llm.") }.sorted { $0.key < $1.key }.map { "|\($0.key)=\($0.value)" }.joined()
            if let existing = models[signature] { return existing }
            var database: Database?
            if let home = settings[SentimentFunctions.homeSetting] {
                database = try? Database(path: (home as NSString).appendingPathComponent("brook.db"))
            }
            do {
                let made = try SentimentModels.make(name: name, settings: settings, database: database)
                models[signature] = made
                return made
            } catch {
                throw RuntimeError(error.description)
            }
        }
    }
}
