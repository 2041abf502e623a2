// Drives the `llm` model against a scripted loopback endpoint: answers, retries, timeouts, fallbacks and caching.
import Foundation
import Testing
import BrookSentiment
import BrookStorage

struct LLMSentimentModelTests {
    let fallback = ConstantModel(value: -0.123)

    @Test func goodAnswerIsParsedFromAChatCompletion() throws {
        let server = try ChatCompletionTestServer { _, _ in .score(0.7) }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)

        #expect(model.score("Nvidia beats expectations") == 0.7)
        #expect(model.statistics.requests == 1)
        #expect(model.statistics.successes == 1)
        #expect(model.statistics.fallbacks == 0)
    }

    @Test func requestCarriesModelMessagesAndZeroTemperature() throws {
        let server = try ChatCompletionTestServer { _, _ in .score(0.1) }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)
        _ = model.score("Ford cuts guidance")

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["content-type"] == "application/json")
        let body = request.json
        #expect(body["model"] as? String == "test-model")
        #expect((body["temperature"] as? NSNumber)?.doubleValue == 0)
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.compactMap { $0["role"] as? String } == ["system", "user"])
        #expect((messages[0]["content"] as? String)?.contains("{\"score\"") == true)
        #expect(request.headline == "Ford cuts guidance")
    }

    @Test func cachedScoreSendsNoSecondRequestEvenFromANewInstance() throws {
        let server = try ChatCompletionTestServer { _, _ in .score(0.4) }
        defer { server.stop() }
        let file = TemporaryDatabasePath()
        defer { file.remove() }

        let first = LLMSentimentModel(configuration: .testing(server), cache: try SentimentCache(path: file.path), fallback: fallback)
        #expect(first.score("Apple shares rose 4%") == 0.4)
        #expect(first.score("Apple shares rose 4%") == 0.4)
        #expect(server.requests.count == 1)
        #expect(first.statistics.cacheHits == 1)

        let reopened = try SentimentCache(database: try Database(path: file.path))
        let second = LLMSentimentModel(configuration: .testing(server), cache: reopened, fallback: fallback)
        #expect(second.score("Apple shares rose 4%") == 0.4)
        #expect(server.requests.count == 1)
        #expect(second.statistics.cacheHits == 1)
        #expect(second.statistics.requests == 0)
    }

    @Test func serverErrorIsRetriedUntilItSucceeds() throws {
        let server = try ChatCompletionTestServer { index, _ in index == 0 ? .status(500) : .score(0.25) }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)

        #expect(model.score("Intel misses estimates") == 0.25)
        #expect(server.requests.count == 2)
        #expect(model.statistics.retries == 1)
        #expect(model.statistics.successes == 1)
        #expect(model.statistics.failures == 0)
    }

    @Test func tooManyRequestsWaitsForRetryAfter() throws {
        let server = try ChatCompletionTestServer { index, _ in
            index == 0 ? .status(429, headers: ["Retry-After": "1"]) : .score(-0.5)
        }
        defer { server.stop() }
        var configuration = LLMConfiguration.testing(server)
        configuration.maxBackoff = 5
        let model = LLMSentimentModel(configuration: configuration, cache: nil, fallback: fallback)

        let started = Date()
        #expect(model.score("Boeing issues profit warning") == -0.5)
        #expect(Date().timeIntervalSince(started) >= 0.95)
        #expect(server.requests.count == 2)
        #expect(model.statistics.retries == 1)
    }

    @Test func retryAfterIsCappedByMaxBackoff() throws {
        let server = try ChatCompletionTestServer { index, _ in
            index == 0 ? .status(503, headers: ["Retry-After": "3600"]) : .score(0.3)
        }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)

        let started = Date()
        #expect(model.score("Goldman upgrades Intel to Buy") == 0.3)
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func clientErrorIsNotRetriedAndFallsBackWithoutCaching() throws {
        let server = try ChatCompletionTestServer { _, _ in .status(400) }
        defer { server.stop() }
        let file = TemporaryDatabasePath()
        defer { file.remove() }
        let cache = try SentimentCache(path: file.path)
        let model = LLMSentimentModel(configuration: .testing(server), cache: cache, fallback: fallback)

        #expect(model.score("Morgan Stanley downgrades Starbucks") == -0.123)
        #expect(server.requests.count == 1)
        let statistics = model.statistics
        #expect(statistics.retries == 0)
        #expect(statistics.failures == 1)
        #expect(statistics.fallbacks == 1)
        #expect(statistics.lastFailure == .http(status: 400, retryAfter: nil))
        #expect(try cache.count(model: "test-model") == 0)
    }

    @Test func hangingServerTimesOutAndFallsBack() throws {
        let server = try ChatCompletionTestServer { _, _ in .hang }
        defer { server.stop() }
        let model = LLMSentimentModel(
            configuration: .testing(server, timeout: 0.5, maxRetries: 1), cache: nil, fallback: fallback)

        let started = Date()
        #expect(model.score("Meta to report results on July 31") == -0.123)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.9)
        #expect(elapsed < 3)
        let statistics = model.statistics
        #expect(statistics.requests == 2)
        #expect(statistics.failures == 1)
        #expect(statistics.fallbacks == 1)
        #expect(statistics.lastFailure == .timedOut)
    }

    @Test func unreachableEndpointRetriesThenFallsBack() throws {
        let server = try ChatCompletionTestServer { _, _ in .score(0.9) }
        server.stop()
        let model = LLMSentimentModel(configuration: .testing(server, maxRetries: 2), cache: nil, fallback: fallback)

        #expect(model.score("Company posts record revenue") == -0.123)
        #expect(model.statistics.requests == 3)
        #expect(model.statistics.fallbacks == 1)
        guard case .connection? = model.statistics.lastFailure else {
            Issue.record("expected a connection failure, got \(String(describing: model.statistics.lastFailure))")
            return
        }
    }

    @Test(arguments: [
        "I would call this mildly positive.",
        "{\"score\": \"high\"}",
        "{\"sentiment\": 0.5}",
        "{\"score\": true}",
        "{\"score\": 0.5",
    ])
    func unreadableAnswerFallsBack(content: String) throws {
        let server = try ChatCompletionTestServer { _, _ in .completion(content) }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)

        #expect(model.score("Sales fell") == -0.123)
        #expect(server.requests.count == 1)
        #expect(model.statistics.failures == 1)
    }

    @Test func responseThatIsNotAChatCompletionFallsBack() throws {
        let server = try ChatCompletionTestServer { _, _ in .respond(status: 200, headers: [:], body: "{\"result\": 0.5}") }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)

        #expect(model.score("Sales rose") == -0.123)
        guard case .malformedResponse? = model.statistics.lastFailure else {
            Issue.record("expected a malformed response, got \(String(describing: model.statistics.lastFailure))")
            return
        }
    }

    @Test func authorizationHeaderIsSentWhenTheKeyVariableIsSet() throws {
        let variable = "BROOK_TEST_LLM_KEY_AUTH_SET"
        setenv(variable, "test-key-not-real", 1)
        defer { unsetenv(variable) }
        let server = try ChatCompletionTestServer { _, _ in .status(401) }
        defer { server.stop() }
        let model = LLMSentimentModel(
            configuration: .testing(server, apiKeyVariable: variable), cache: nil, fallback: fallback)

        _ = model.score("Apple shares fell 3%")
        #expect(server.requests.first?.headers["authorization"] == "Bearer test-key-not-real")
        let failure = try #require(model.statistics.lastFailure)
        #expect(!failure.description.contains("test-key-not-real"))
        #expect(!model.configuration.description.contains("test-key-not-real"))
    }

    @Test func authorizationHeaderIsAbsentWhenTheKeyVariableIsUnset() throws {
        let variable = "BROOK_TEST_LLM_KEY_AUTH_UNSET"
        unsetenv(variable)
        let server = try ChatCompletionTestServer { _, _ in .score(0) }
        defer { server.stop() }
        let model = LLMSentimentModel(
            configuration: .testing(server, apiKeyVariable: variable), cache: nil, fallback: fallback)

        _ = model.score("Apple shares fell 3%")
        let request = try #require(server.requests.first)
        #expect(request.headers["authorization"] == nil)
    }

    @Test func batchRunsConcurrentlyAndKeepsInputOrder() throws {
        let server = try ChatCompletionTestServer(replyDelay: 0.05) { _, request in
            .score(Double(request.headline.dropFirst("headline ".count))! / 100)
        }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server, concurrency: 4), cache: nil, fallback: fallback)
        let texts = (0..<20).map { "headline \($0)" }

        let scores = model.scoreBatch(texts)
        #expect(scores == (0..<20).map { Double($0) / 100 })
        #expect(server.requests.count == 20)
        #expect(model.statistics.requests == 20)
        #expect(model.statistics.successes == 20)
        #expect(server.maxInFlight <= 4)
        #expect(server.maxInFlight >= 2)
    }

    @Test func concurrencyLimitHoldsAcrossSeparateCallers() throws {
        let server = try ChatCompletionTestServer(replyDelay: 0.05) { _, _ in .score(0.1) }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server, concurrency: 2), cache: nil, fallback: fallback)

        DispatchQueue.concurrentPerform(iterations: 8) { index in
            _ = model.scoreBatch(["caller \(index) a", "caller \(index) b"])
        }
        #expect(server.requests.count == 16)
        #expect(server.maxInFlight <= 2)
    }

    @Test func batchAsksOnceForRepeatedTextsAndSkipsCachedOnes() throws {
        let server = try ChatCompletionTestServer { _, _ in .score(0.6) }
        defer { server.stop() }
        let file = TemporaryDatabasePath()
        defer { file.remove() }
        let cache = try SentimentCache(path: file.path)
        try cache.store(model: "test-model", scores: ["Ford cuts guidance": -0.8])
        let model = LLMSentimentModel(configuration: .testing(server), cache: cache, fallback: fallback)

        let scores = model.scoreBatch(["Nvidia beats expectations", "Ford cuts guidance", "Nvidia beats expectations"])
        #expect(scores == [0.6, -0.8, 0.6])
        #expect(server.requests.count == 1)
        #expect(model.statistics.cacheHits == 1)
        #expect(try cache.score(model: "test-model", text: "Nvidia beats expectations") == 0.6)
    }

    @Test func batchFallsBackOnlyForTheTextsThatFailed() throws {
        let server = try ChatCompletionTestServer { _, request in
            request.headline == "bad" ? .status(400) : .score(0.2)
        }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: fallback)

        #expect(model.scoreBatch(["good", "bad", "fine", "bad"]) == [0.2, -0.123, 0.2, -0.123])
        #expect(model.statistics.failures == 1)
        #expect(model.statistics.fallbacks == 2)
        #expect(model.statistics.successes == 2)
    }
}
