// Why one chat-completions call produced no score, and whether trying again could help.

/// A failed call, typed so the retry loop can tell a busy server from a request that will never work.
/// Descriptions carry neither the API key nor the endpoint, which may hold credentials.
public enum ChatCompletionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The endpoint setting does not form a URL.
    case invalidEndpoint
    /// The connection failed before an HTTP status arrived.
    case connection(String)
    /// No complete answer within the configured timeout.
    case timedOut
    /// The server answered with a non-2xx status; `retryAfter` is its `Retry-After` in seconds, if any.
    case http(status: Int, retryAfter: Double?)
    /// The body is not a chat completion with message content.
    case malformedResponse(String)
    /// The model's content holds no numeric `score`.
    case unreadableAnswer(String)

    /// Connection trouble, timeouts, 429 and 5xx may pass; other failures would repeat identically.
    var isRetryable: Bool {
        switch self {
        case .connection, .timedOut: return true
        case .http(let status, _): return status == 429 || (500...599).contains(status)
        case .invalidEndpoint, .malformedResponse, .unreadableAnswer: return false
        }
    }

    public var description: String {
        switch self {
        case .invalidEndpoint: return "the LLM endpoint is not a valid URL"
        case .connection(let reason): return "cannot reach the LLM endpoint: \(reason)"
        case .timedOut: return "the LLM endpoint did not answer in time"
        case .http(let status, _): return "the LLM endpoint answered HTTP \(status)"
        case .malformedResponse(let reason): return "the LLM endpoint's response is not a chat completion: \(reason)"
        case .unreadableAnswer(let content): return "the LLM's answer has no numeric score: \(content)"
        }
    }
}
