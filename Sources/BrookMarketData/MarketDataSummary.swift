// MarketDataSummary: what a generation run wrote.

/// Lets the CLI print a result line and the benchmark check its input size without rereading files.
public struct MarketDataSummary: Sendable, Equatable {
    public var bars: Int
    public var headlines: Int
    /// Minute start of the first bar written (epoch milliseconds).
    public var firstTimestampMs: Int64
    /// Minute start of the last bar written (epoch milliseconds).
    public var lastTimestampMs: Int64
    public var pricesPath: String
    public var newsPath: String

    public init(bars: Int, headlines: Int, firstTimestampMs: Int64, lastTimestampMs: Int64, pricesPath: String, newsPath: String) {
        self.bars = bars
        self.headlines = headlines
        self.firstTimestampMs = firstTimestampMs
        self.lastTimestampMs = lastTimestampMs
        self.pricesPath = pricesPath
        self.newsPath = newsPath
    }
}
