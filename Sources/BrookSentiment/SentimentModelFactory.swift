// Builds any model by name from settings, including the ones that need configuration and storage.
import BrookStorage

/// Why `SentimentModels.make` could not build a model, typed so SQL and the CLI can point at the bad name or setting.
public enum SentimentModelFactoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No model has this name; `valid` lists the names that exist.
    case unknownModel(name: String, valid: [String])
    /// The model's settings are unusable.
    case invalidConfiguration(LLMConfigurationError)
    /// The cache table could not be created in the database given.
    case cacheUnavailable(String)

    public var description: String {
        switch self {
        case .unknownModel(let name, let valid):
            return "unknown sentiment model '\(name)'; valid models: \(valid.joined(separator: ", "))"
        case .invalidConfiguration(let error): return error.description
        case .cacheUnavailable(let reason): return "cannot use the sentiment cache: \(reason)"
        }
    }
}

extension SentimentModels {
    /// Every name `make` accepts, in the order help text should list them.
    public static let availableNames = all.map(\.name) + ["llm"]

    public static let fallbackKey = "sentiment.llm.fallback"

    /// The model called `name` (case-insensitive). `llm` reads its `sentiment.llm.*` settings, caches
    /// its answers in `database` when one is given (the cache takes that connection for itself), and
    /// falls back to the model named by `sentiment.llm.fallback` (`finance` by default).
    public static func make(
        name: String, settings: [String: String] = [:], database: sending Database? = nil
    ) throws(SentimentModelFactoryError) -> any SentimentModel {
        if let model = named(name) { return model }
        guard name.lowercased() == "llm" else {
            throw .unknownModel(name: name, valid: availableNames)
        }
        let configuration: LLMConfiguration
        do {
            configuration = try LLMConfiguration(settings: settings)
        } catch {
            throw .invalidConfiguration(error)
        }
        let fallbackName = settings[fallbackKey] ?? FinanceModel.shared.name
        guard let fallback = named(fallbackName) else {
            let valid = all.map(\.name).joined(separator: ", ")
            throw .invalidConfiguration(.invalidValue(key: fallbackKey, reason: "'\(fallbackName)' is not one of \(valid)"))
        }
        var cache: SentimentCache?
        if let database {
            do {
                cache = try SentimentCache(database: database)
            } catch {
                throw .cacheUnavailable("\(error)")
            }
        }
        return LLMSentimentModel(configuration: configuration, cache: cache, fallback: fallback)
    }
}
