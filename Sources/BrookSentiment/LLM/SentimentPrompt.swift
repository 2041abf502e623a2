// The fixed prompt that asks a chat model for a headline's score, and the reading of its answer.
import Foundation

/// One prompt for every headline, so scores from the same model are comparable and cacheable.
enum SentimentPrompt {
    static let system = """
        You rate the sentiment of financial news headlines for traders. \
        Score how good or bad the headline is for the company or market it is about, \
        from -1 (very negative) through 0 (neutral or no clear direction) to 1 (very positive). \
        Answer with only a JSON object of the form {"score": 0.42} and nothing else.
        """

    static func request(model: String, headline: String) -> ChatCompletionRequest {
        ChatCompletionRequest(
            model: model,
            messages: [
                .init(role: "system", content: system),
                .init(role: "user", content: "Headline: \(headline)"),
            ],
            temperature: 0
        )
    }

    private struct Answer: Decodable {
        let score: Double
    }

    /// The score in `content`, clamped to [-1, 1]. Chat models often wrap JSON in a ```json fence or a
    /// sentence, so the outermost `{...}` is read; a missing or non-numeric score is an error, never a guess.
    static func score(from content: String) throws(ChatCompletionError) -> Double {
        guard let open = content.firstIndex(of: "{"), let close = content.lastIndex(of: "}"), open < close else {
            throw .unreadableAnswer(excerpt(content))
        }
        let json = Data(content[open...close].utf8)
        guard let answer = try? JSONDecoder().decode(Answer.self, from: json), answer.score.isFinite else {
            throw .unreadableAnswer(excerpt(content))
        }
        return min(max(answer.score, -1), 1)
    }

    /// Enough of an unreadable answer to see what the model said, without flooding a log.
    private static func excerpt(_ content: String) -> String {
        content.count <= 120 ? content : String(content.prefix(120)) + "…"
    }
}
