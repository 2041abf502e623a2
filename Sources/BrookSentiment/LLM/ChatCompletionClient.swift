// Sends one headline to a chat-completions endpoint and returns its score, retrying what may pass.
import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// The HTTP side of the `llm` model, blocking because the streaming runtime calls models from worker
/// threads and expects a value back; the model decides what a failure means for the row.
final class ChatCompletionClient: Sendable {
    /// What scoring one headline came to, with the number of HTTP requests it took.
    struct Outcome: Sendable {
        let result: Result<Double, ChatCompletionError>
        let requests: Int
    }

    let configuration: LLMConfiguration
    private let session: URLSession
    /// Caps requests in flight across every caller of this client, not just within one batch,
    /// since the endpoint's rate limit does not care which worker thread is asking.
    private let slots: DispatchSemaphore

    init(configuration: LLMConfiguration) {
        self.configuration = configuration
        slots = DispatchSemaphore(value: configuration.concurrency)
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = Self.sessionTimeout(configuration.timeout)
        sessionConfiguration.timeoutIntervalForResource = Self.sessionTimeout(configuration.timeout)
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.concurrency
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        session = URLSession(configuration: sessionConfiguration)
    }

    /// A backstop for URLSession, one whole second above the real timeout: swift-corelibs-foundation
    /// truncates timeouts to whole seconds, so 0.5 s would expire at once. `send` enforces the exact value.
    private static func sessionTimeout(_ timeout: Double) -> Double {
        timeout.rounded(.up) + 1
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Scores `headline`, retrying connection errors, timeouts, 429 and 5xx with doubling waits
    /// (or the server's `Retry-After`, capped) up to `maxRetries` times.
    func score(_ headline: String) -> Outcome {
        var requests = 0
        while true {
            requests += 1
            let result = attempt(headline)
            guard case .failure(let error) = result, error.isRetryable, requests <= configuration.maxRetries else {
                return Outcome(result: result, requests: requests)
            }
            Thread.sleep(forTimeInterval: delay(after: error, retry: requests))
        }
    }

    private func delay(after error: ChatCompletionError, retry: Int) -> Double {
        if case .http(_, let retryAfter?) = error {
            return min(retryAfter, configuration.maxBackoff)
        }
        return configuration.backoff(beforeRetry: retry)
    }

    private func attempt(_ headline: String) -> Result<Double, ChatCompletionError> {
        guard let url = configuration.chatCompletionsURL else { return .failure(.invalidEndpoint) }
        var request = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Self.sessionTimeout(configuration.timeout))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let key = configuration.apiKey {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
        // Strings and a finite temperature always encode; a failure here would be a bug in this file.
        request.httpBody = try! JSONEncoder().encode(SentimentPrompt.request(model: configuration.model, headline: headline))
        slots.wait()
        let response = send(request)
        slots.signal()
        return response.flatMap { data in
            Result { () throws(ChatCompletionError) -> Double in
                try SentimentPrompt.score(from: try Self.content(of: data))
            }
        }
    }

    /// The first choice's message content.
    private static func content(of data: Data) throws(ChatCompletionError) -> String {
        let response: ChatCompletionResponse
        do {
            response = try JSONDecoder().decode(ChatCompletionResponse.self, from: data)
        } catch {
            throw .malformedResponse("not chat-completion JSON")
        }
        guard let content = response.choices.first?.message.content else {
            throw .malformedResponse("no message content in the first choice")
        }
        return content
    }

    /// Runs `request` and waits at most the configured timeout for it, then cancels it, so a stuck
    /// transfer never holds a worker thread longer than configured.
    private func send(_ request: URLRequest) -> Result<Data, ChatCompletionError> {
        let pending = PendingResponse()
        let task = session.dataTask(with: request) { data, response, error in
            pending.finish(Self.classify(data: data, response: response, error: error))
        }
        task.resume()
        if pending.wait(seconds: configuration.timeout) {
            return pending.result ?? .failure(.timedOut)
        }
        task.cancel()
        return .failure(.timedOut)
    }

    private static func classify(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<Data, ChatCompletionError> {
        if let error {
            let code = (error as? URLError)?.code
            if code == .timedOut || code == .cancelled { return .failure(.timedOut) }
            return .failure(.connection(code.map(describe) ?? "network error"))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(.malformedResponse("not an HTTP response"))
        }
        guard (200...299).contains(http.statusCode) else {
            let retryAfter = http.value(forHTTPHeaderField: "Retry-After")
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                .flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            return .failure(.http(status: http.statusCode, retryAfter: retryAfter))
        }
        return .success(data ?? Data())
    }

    /// A short name for a URL error; `localizedDescription` is avoided because its user info carries the URL.
    private static func describe(_ code: URLError.Code) -> String {
        switch code {
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed: return "TLS handshake failed"
        default: return "URL error \(code.rawValue)"
        }
    }
}

/// The hand-over between URLSession's callback queue and the thread waiting for the answer.
private final class PendingResponse: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let stored = Mutex<Result<Data, ChatCompletionError>?>(nil)

    func finish(_ result: Result<Data, ChatCompletionError>) {
        stored.withLock { $0 = result }
        done.signal()
    }

    /// True when `finish` was called within `seconds`.
    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    var result: Result<Data, ChatCompletionError>? {
        stored.withLock { $0 }
    }
}
