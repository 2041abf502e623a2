// Checks that models are built by name, with `llm` configured from settings.
import Testing
import BrookSentiment
import BrookStorage

struct SentimentModelFactoryTests {
    let llmSettings = ["sentiment.llm.endpoint": "http://127.0.0.1:9/v1", "sentiment.llm.model": "m"]

    @Test(arguments: ["vader", "Finance"])
    func builtInModelsNeedNoSettings(name: String) throws {
        #expect(try SentimentModels.make(name: name).name == name.lowercased())
    }

    @Test func llmIsBuiltFromSettingsWithTheFinanceFallback() throws {
        let model = try SentimentModels.make(name: "LLM", settings: llmSettings, database: try Database(path: ":memory:"))
        let llm = try #require(model as? LLMSentimentModel)
        #expect(llm.configuration.model == "m")
        #expect(llm.name == "llm")
    }

    @Test func unknownNameListsTheValidOnes() {
        #expect(throws: SentimentModelFactoryError.unknownModel(name: "bert", valid: ["vader", "finance", "llm"])) {
            try SentimentModels.make(name: "bert")
        }
    }

    @Test func llmWithoutAnEndpointIsRejected() {
        #expect(throws: SentimentModelFactoryError.invalidConfiguration(.missingValue(key: "sentiment.llm.endpoint"))) {
            try SentimentModels.make(name: "llm", settings: ["sentiment.llm.model": "m"])
        }
    }

    @Test func unknownFallbackIsRejectedNamingItsKey() {
        var settings = llmSettings
        settings["sentiment.llm.fallback"] = "llm"
        #expect {
            try SentimentModels.make(name: "llm", settings: settings)
        } throws: { error in
            guard case .invalidConfiguration(let reason)? = error as? SentimentModelFactoryError else { return false }
            return reason.key == "sentiment.llm.fallback"
        }
    }
}
