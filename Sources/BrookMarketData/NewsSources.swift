// NewsSources: the outlets headlines come from, with their bylines and URL shapes.
import BrookCore

/// An outlet; most headlines come from Benzinga, as in Alpaca's news feed.
struct NewsSource: Sendable {
    enum URLStyle: Sendable {
        /// `https://www.benzinga.com/news/24/05/<id>/<slug>`
        case benzinga
        /// `https://www.zacks.com/stock/news/<id>/<slug>`
        case zacks
        /// `https://www.globenewswire.com/news-release/2024/05/01/<id>/0/en/<slug>.html`
        case globeNewswire
    }

    let name: StaticString
    let authors: [String]
    let urlStyle: URLStyle

    static let all: [NewsSource] = [
        NewsSource(
            name: "benzinga",
            authors: [
                "Benzinga Newsdesk", "Benzinga Insights", "Benzinga Neuro", "Maya Ferreira", "Daniel Okafor",
                "Priya Raman", "Tom Whitaker", "Lena Sorensen", "Marcus Bell", "Ana Kowalczyk",
            ],
            urlStyle: .benzinga),
        NewsSource(name: "zacks", authors: ["Zacks Equity Research"], urlStyle: .zacks),
        NewsSource(name: "globenewswire", authors: ["GlobeNewswire"], urlStyle: .globeNewswire),
    ]

    /// Index into `all`: Benzinga 85 %, Zacks 10 %, GlobeNewswire 5 %.
    static func pick(rng: inout SplitMix64) -> Int {
        let roll = rng.below(100)
        return roll < 85 ? 0 : roll < 95 ? 1 : 2
    }
}
