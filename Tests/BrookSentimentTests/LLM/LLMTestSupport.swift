// Small pieces the `llm` tests share: a fixed fallback model, throwaway cache files and quick configurations.
import Foundation
import BrookSentiment

/// A fallback whose score no endpoint answer uses, so a test can tell which one a row received.
struct ConstantModel: SentimentModel {
    let name = "constant"
    let value: Double

    func score(_ text: String) -> Double { value }
}

/// A fresh SQLite file path under the temporary directory, removed (with its WAL files) by `remove()`.
struct TemporaryDatabasePath {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("brook-sentiment-\(UUID().uuidString).sqlite").path

    func remove() {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

extension LLMConfiguration {
    /// Settings for the loopback server: short waits so failing paths finish in well under a second.
    static func testing(
        _ server: ChatCompletionTestServer,
        timeout: Double = 2,
        maxRetries: Int = 2,
        concurrency: Int = 4,
        apiKeyVariable: String = "BROOK_TEST_LLM_KEY_NEVER_SET"
    ) -> LLMConfiguration {
        LLMConfiguration(
            endpoint: server.endpoint, model: "test-model", apiKeyVariable: apiKeyVariable, timeout: timeout,
            maxRetries: maxRetries, concurrency: concurrency, initialBackoff: 0.01, maxBackoff: 0.05)
    }
}
