// Checks how the `llm` model reads the score out of a chat model's free-form answer.
import Testing
import BrookSentiment

struct SentimentAnswerTests {
    @Test(arguments: [
        ("{\"score\": 0.42}", 0.42),
        ("```json\n{\"score\": 0.42}\n```", 0.42),
        ("Sure! Here is the rating: {\"score\": -0.3} Hope that helps.", -0.3),
        ("{\"score\": 1e-1, \"reason\": \"beat {estimates}\"}", 0.1),
        ("{\"score\": 3.5}", 1),
        ("{\"score\": -7}", -1),
    ])
    func scoreIsReadFromWrappedAnswersAndClamped(content: String, expected: Double) throws {
        let server = try ChatCompletionTestServer { _, _ in .completion(content) }
        defer { server.stop() }
        let model = LLMSentimentModel(configuration: .testing(server), cache: nil, fallback: ConstantModel(value: 0.999))

        #expect(model.score("Revenue in line with expectations") == expected)
        #expect(model.statistics.successes == 1)
    }
}
