// Where the `llm` model sends headlines and how patiently it waits, retries and fans out.
import Foundation

/// Everything the `llm` model needs to reach an OpenAI-compatible endpoint, kept apart from the
/// model so the engine can build it from `sentiment.llm.*` settings and validate them up front.
public struct LLMConfiguration: Sendable, Equatable, CustomStringConvertible {
    public static let endpointKey = "sentiment.llm.endpoint"
    public static let modelKey = "sentiment.llm.model"
    public static let apiKeyVariableKey = "sentiment.llm.api-key-env"
    public static let timeoutKey = "sentiment.llm.timeout"
    public static let maxRetriesKey = "sentiment.llm.max-retries"
    public static let concurrencyKey = "sentiment.llm.concurrency"

    /// Base URL such as `http://127.0.0.1:8080/v1`; requests go to `{endpoint}/chat/completions`.
    public var endpoint: String
    /// The model name sent in each request; also the cache key, so another model never reuses its scores.
    public var model: String
    /// The environment variable holding the API key. Only the variable's name is stored, so the key
    /// itself never sits in settings, descriptions or errors.
    public var apiKeyVariable: String
    /// Seconds one request may take before it counts as failed.
    public var timeout: Double
    /// Further attempts after the first one fails with a retryable error.
    public var maxRetries: Int
    /// Requests `scoreBatch` keeps in flight at once.
    public var concurrency: Int
    /// Wait before the first retry; each later retry waits twice as long as the one before.
    public var initialBackoff: Double
    /// Upper bound on any single wait, including a server's `Retry-After`, so a row is never held for long.
    public var maxBackoff: Double

    public init(
        endpoint: String,
        model: String,
        apiKeyVariable: String = "BROOK_LLM_API_KEY",
        timeout: Double = 10,
        maxRetries: Int = 3,
        concurrency: Int = 4,
        initialBackoff: Double = 0.2,
        maxBackoff: Double = 5
    ) {
        self.endpoint = endpoint
        self.model = model
        self.apiKeyVariable = apiKeyVariable
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.concurrency = concurrency
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// Reads the `sentiment.llm.*` keys; endpoint and model are required, the rest keep their defaults when absent.
    public init(settings: [String: String]) throws(LLMConfigurationError) {
        let endpoint = try Self.required(Self.endpointKey, in: settings)
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            // The value is left out: an endpoint may carry credentials in its user-info part.
            throw .invalidValue(key: Self.endpointKey, reason: "expected an http or https URL")
        }
        self.init(endpoint: endpoint, model: try Self.required(Self.modelKey, in: settings))
        if let variable = settings[Self.apiKeyVariableKey] {
            guard Self.isEnvironmentVariableName(variable) else {
                throw .invalidValue(key: Self.apiKeyVariableKey, reason: "'\(variable)' is not an environment variable name")
            }
            apiKeyVariable = variable
        }
        if let text = settings[Self.timeoutKey] {
            guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0 else {
                throw .invalidValue(key: Self.timeoutKey, reason: "'\(text)' is not a positive number of seconds")
            }
            timeout = seconds
        }
        if let text = settings[Self.maxRetriesKey] {
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count >= 0 else {
                throw .invalidValue(key: Self.maxRetriesKey, reason: "'\(text)' is not a whole number of zero or more")
            }
            maxRetries = count
        }
        if let text = settings[Self.concurrencyKey] {
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count >= 1 else {
                throw .invalidValue(key: Self.concurrencyKey, reason: "'\(text)' is not a whole number of one or more")
            }
            concurrency = count
        }
    }

    /// `{endpoint}/chat/completions`, tolerating a trailing slash on the endpoint.
    var chatCompletionsURL: URL? {
        var base = endpoint
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + "/chat/completions")
    }

    /// The key from `apiKeyVariable`, read at call time so a rotated key is picked up without a restart.
    var apiKey: String? {
        guard let value = getenv(apiKeyVariable).map({ String(cString: $0) }), !value.isEmpty else { return nil }
        return value
    }

    /// The wait before retry number `retry` (1-based): doubling from `initialBackoff`, never above `maxBackoff`.
    func backoff(beforeRetry retry: Int) -> Double {
        let doubled = initialBackoff * pow(2, Double(max(retry - 1, 0)))
        return min(doubled, maxBackoff)
    }

    public var description: String {
        "LLMConfiguration(endpoint: \(redactedEndpoint), model: \(model), apiKeyVariable: \(apiKeyVariable), "
            + "timeout: \(timeout)s, maxRetries: \(maxRetries), concurrency: \(concurrency), "
            + "backoff: \(initialBackoff)s...\(maxBackoff)s)"
    }

    /// The endpoint without any user-info part, safe to show in logs.
    private var redactedEndpoint: String {
        guard var components = URLComponents(string: endpoint) else { return "<invalid URL>" }
        if components.user != nil || components.password != nil {
            components.user = nil
            components.password = nil
        }
        return components.string ?? "<invalid URL>"
    }

    private static func required(_ key: String, in settings: [String: String]) throws(LLMConfigurationError) -> String {
        guard let value = settings[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw .missingValue(key: key)
        }
        return value
    }

    private static func isEnvironmentVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
}
