// Checks that cached scores survive a new connection and stay apart per model.
import Foundation
import Testing
import BrookSentiment
import BrookStorage

struct SentimentCacheTests {
    @Test func storedScoresSurviveANewConnection() throws {
        let file = TemporaryDatabasePath()
        defer { file.remove() }
        try SentimentCache(path: file.path).store(model: "m", scores: ["Sales rose": 0.5, "Sales fell": -0.5])

        let reopened = try SentimentCache(database: try Database(path: file.path))
        #expect(try reopened.scores(model: "m", texts: ["Sales rose", "Sales fell", "Sales flat"]) == ["Sales rose": 0.5, "Sales fell": -0.5])
        #expect(try reopened.count(model: "m") == 2)
    }

    @Test func scoresAreKeptApartPerModel() throws {
        let cache = try SentimentCache(database: try Database(path: ":memory:"))
        try cache.store(model: "small", scores: ["Ford cuts guidance": -0.4])
        try cache.store(model: "large", scores: ["Ford cuts guidance": -0.9])

        #expect(try cache.score(model: "small", text: "Ford cuts guidance") == -0.4)
        #expect(try cache.score(model: "large", text: "Ford cuts guidance") == -0.9)
        #expect(try cache.score(model: "other", text: "Ford cuts guidance") == nil)
    }

    @Test func storingAgainReplacesTheScore() throws {
        let cache = try SentimentCache(database: try Database(path: ":memory:"))
        try cache.store(model: "m", scores: ["Intel misses estimates": -0.2])
        try cache.store(model: "m", scores: ["Intel misses estimates": -0.6])

        #expect(try cache.score(model: "m", text: "Intel misses estimates") == -0.6)
        #expect(try cache.count(model: "m") == 1)
    }
}
