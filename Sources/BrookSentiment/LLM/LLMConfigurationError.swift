// Why a set of `sentiment.llm.*` settings cannot become an `LLMConfiguration`.

/// A rejected setting, naming the key so the user knows which line of their configuration to fix.
public enum LLMConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required key is absent or empty.
    case missingValue(key: String)
    /// A key is present but its value cannot be used.
    case invalidValue(key: String, reason: String)

    /// The setting at fault.
    public var key: String {
        switch self {
        case .missingValue(let key), .invalidValue(let key, _): return key
        }
    }

    public var description: String {
        switch self {
        case .missingValue(let key): return "\(key) is required for the llm sentiment model"
        case .invalidValue(let key, let reason): return "\(key): \(reason)"
        }
    }
}
