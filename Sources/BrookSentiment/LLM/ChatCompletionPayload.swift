// The parts of the OpenAI chat-completions request and response that scoring uses.

/// The request body: the prompt's messages, sent with temperature 0 so a headline scores the same every time.
struct ChatCompletionRequest: Encodable, Equatable {
    struct Message: Codable, Equatable {
        let role: String
        let content: String
    }

    let model: String
    let messages: [Message]
    let temperature: Double
}

/// The response body, reduced to the first choice's content; other fields vary between servers and are ignored.
struct ChatCompletionResponse: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            let content: String?
        }

        let message: Message
    }

    let choices: [Choice]
}
