// Counters that show how the `llm` model is doing: how much it asked, how much it was spared, how often it gave up.

/// A snapshot of the `llm` model's counters, so an operator can see fallbacks (and why) instead of
/// silently getting the fallback model's scores.
public struct LLMStatistics: Sendable, Equatable {
    /// HTTP requests sent, retries included.
    public var requests = 0
    /// Requests beyond the first for a text.
    public var retries = 0
    /// Texts answered from the cache without a request.
    public var cacheHits = 0
    /// Texts the endpoint scored.
    public var successes = 0
    /// Texts the endpoint could not score, after any retries.
    public var failures = 0
    /// Rows given the fallback model's score; more than `failures` when a failed text repeats in a batch.
    public var fallbacks = 0
    /// Scores the cache could not read or store; scoring carries on without it.
    public var cacheErrors = 0
    /// The most recent endpoint failure.
    public var lastFailure: ChatCompletionError?

    public init() {}
}
