// The `llm` sentiment model: a chat model scores headlines, with a cache in front and a local model behind.
import Dispatch
import Foundation
import Synchronization

/// Scores headlines with any OpenAI-compatible chat model, for text where a lexicon falls short.
/// A streaming job must never stall or fail on a remote service, so every text gets a score:
/// from the cache, from the endpoint, or, when the endpoint gives up, from `fallback`.
public final class LLMSentimentModel: SentimentModel {
    public let name = "llm"
    public let configuration: LLMConfiguration
    private let client: ChatCompletionClient
    private let cache: SentimentCache?
    private let fallback: any SentimentModel
    private let counters = Mutex(LLMStatistics())

    public init(configuration: LLMConfiguration, cache: SentimentCache?, fallback: any SentimentModel) {
        self.configuration = configuration
        self.client = ChatCompletionClient(configuration: configuration)
        self.cache = cache
        self.fallback = fallback
    }

    /// The counters so far.
    public var statistics: LLMStatistics {
        counters.withLock { $0 }
    }

    public func score(_ text: String) -> Double {
        scoreBatch([text])[0]
    }

    /// Scores `texts` in order. Each distinct text is looked up once; cache misses go to the endpoint
    /// with up to `concurrency` requests in flight (across all callers), and the call returns when all have finished.
    public func scoreBatch(_ texts: [String]) -> [Double] {
        var seen = Set<String>()
        let distinct = texts.filter { seen.insert($0).inserted }
        var scores = cachedScores(of: distinct)
        let misses = distinct.filter { scores[$0] == nil }
        let outcomes = requestScores(of: misses)

        var fresh: [String: Double] = [:]
        for (text, outcome) in zip(misses, outcomes) {
            if case .success(let score) = outcome.result { fresh[text] = score }
        }
        storeInCache(fresh)
        scores.merge(fresh) { cached, _ in cached }

        var fallbacks = 0
        let result = texts.map { text in
            if let score = scores[text] { return score }
            fallbacks += 1
            return fallback.score(text)
        }
        counters.withLock { statistics in
            for outcome in outcomes {
                statistics.requests += outcome.requests
                statistics.retries += outcome.requests - 1
                switch outcome.result {
                case .success: statistics.successes += 1
                case .failure(let error):
                    statistics.failures += 1
                    statistics.lastFailure = error
                }
            }
            statistics.fallbacks += fallbacks
        }
        return result
    }

    private func cachedScores(of texts: [String]) -> [String: Double] {
        guard let cache, !texts.isEmpty else { return [:] }
        do {
            let found = try cache.scores(model: configuration.model, texts: texts)
            counters.withLock { $0.cacheHits += found.count }
            return found
        } catch {
            counters.withLock { $0.cacheErrors += 1 }
            return [:]
        }
    }

    /// Only endpoint answers are stored: a fallback score would otherwise stand in for the chat model's forever.
    private func storeInCache(_ scores: [String: Double]) {
        guard let cache, !scores.isEmpty else { return }
        do {
            try cache.store(model: configuration.model, scores: scores)
        } catch {
            counters.withLock { $0.cacheErrors += 1 }
        }
    }

    /// One outcome per text, in order. Dedicated threads rather than Dispatch workers, because each
    /// blocks on the network and Dispatch would not start more than the machine has cores.
    private func requestScores(of texts: [String]) -> [ChatCompletionClient.Outcome] {
        if texts.count == 1 { return [client.score(texts[0])] }
        let work = BatchWork(texts: texts)
        let finished = DispatchGroup()
        for _ in 0..<min(configuration.concurrency, texts.count) {
            finished.enter()
            let client = self.client
            Thread.detachNewThread {
                while let (index, text) = work.next() {
                    work.record(client.score(text), at: index)
                }
                finished.leave()
            }
        }
        finished.wait()
        return work.outcomes
    }
}

/// The texts of one batch handed out to worker threads one at a time, and the outcomes they bring back.
private final class BatchWork: Sendable {
    private let texts: [String]
    private let state: Mutex<(nextIndex: Int, outcomes: [ChatCompletionClient.Outcome?])>

    init(texts: [String]) {
        self.texts = texts
        state = Mutex((0, Array(repeating: nil, count: texts.count)))
    }

    func next() -> (Int, String)? {
        state.withLock { state in
            guard state.nextIndex < texts.count else { return nil }
            defer { state.nextIndex += 1 }
            return (state.nextIndex, texts[state.nextIndex])
        }
    }

    func record(_ outcome: ChatCompletionClient.Outcome, at index: Int) {
        state.withLock { $0.outcomes[index] = outcome }
    }

    /// Every outcome; only read after all workers have finished.
    var outcomes: [ChatCompletionClient.Outcome] {
        state.withLock { $0.outcomes.map { $0! } }
    }
}
