// Checks that `sentiment.llm.*` settings become a configuration, and that bad ones are named.
import Testing
import BrookSentiment

struct LLMConfigurationTests {
    let required = ["sentiment.llm.endpoint": "http://127.0.0.1:8080/v1", "sentiment.llm.model": "qwen2.5-7b"]

    @Test func absentOptionalSettingsKeepTheDefaults() throws {
        let configuration = try LLMConfiguration(settings: required)
        #expect(configuration == LLMConfiguration(endpoint: "http://127.0.0.1:8080/v1", model: "qwen2.5-7b"))
        #expect(configuration.apiKeyVariable == "BROOK_LLM_API_KEY")
        #expect(configuration.timeout == 10)
        #expect(configuration.maxRetries == 3)
        #expect(configuration.concurrency == 4)
        #expect(configuration.initialBackoff == 0.2)
    }

    @Test func everySettingIsRead() throws {
        let settings = required.merging([
            "sentiment.llm.api-key-env": "OPENAI_API_KEY",
            "sentiment.llm.timeout": "2.5",
            "sentiment.llm.max-retries": "0",
            "sentiment.llm.concurrency": "16",
        ]) { $1 }
        let configuration = try LLMConfiguration(settings: settings)
        #expect(configuration.apiKeyVariable == "OPENAI_API_KEY")
        #expect(configuration.timeout == 2.5)
        #expect(configuration.maxRetries == 0)
        #expect(configuration.concurrency == 16)
    }

    @Test(arguments: [
        ("sentiment.llm.timeout", "soon"),
        ("sentiment.llm.timeout", "0"),
        ("sentiment.llm.timeout", "-1"),
        ("sentiment.llm.timeout", "inf"),
        ("sentiment.llm.max-retries", "-1"),
        ("sentiment.llm.max-retries", "2.5"),
        ("sentiment.llm.concurrency", "0"),
        ("sentiment.llm.concurrency", "many"),
        ("sentiment.llm.api-key-env", "1KEY"),
        ("sentiment.llm.api-key-env", "MY KEY"),
        ("sentiment.llm.endpoint", "not a url"),
        ("sentiment.llm.endpoint", "ftp://example.com/v1"),
    ])
    func badValueIsRejectedNamingItsKey(key: String, value: String) {
        let settings = required.merging([key: value]) { $1 }
        #expect {
            try LLMConfiguration(settings: settings)
        } throws: { error in
            (error as? LLMConfigurationError)?.key == key && "\(error)".hasPrefix(key)
        }
    }

    @Test(arguments: ["sentiment.llm.endpoint", "sentiment.llm.model"])
    func missingRequiredSettingIsRejected(key: String) {
        var settings = required
        settings[key] = nil
        #expect(throws: LLMConfigurationError.missingValue(key: key)) {
            try LLMConfiguration(settings: settings)
        }
    }

    @Test func descriptionHidesCredentialsInTheEndpoint() {
        let configuration = LLMConfiguration(endpoint: "https://user:hunter2@llm.example.com/v1", model: "m")
        #expect(!configuration.description.contains("hunter2"))
        #expect(configuration.description.contains("llm.example.com"))
    }

    @Test func badEndpointErrorDoesNotEchoTheValue() {
        let settings = required.merging(["sentiment.llm.endpoint": "ftp://user:hunter2@example.com"]) { $1 }
        #expect {
            try LLMConfiguration(settings: settings)
        } throws: { error in
            !"\(error)".contains("hunter2")
        }
    }
}
