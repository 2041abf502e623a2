// JSONLineWriter+StockPrice: one `stock-prices` record in the seed's key order.

extension JSONLineWriter {
    /// The opening bytes up to the timestamp's value, built once per symbol since they never change.
    static func stockPricePrefix(symbol: String) -> [UInt8] {
        Array("{\"symbol\":\"\(symbol)\",\"timestamp\":".utf8)
    }

    /// `timestamp` arrives pre-formatted because every symbol in a minute shares it.
    mutating func appendStockPrice(prefix: [UInt8], timestamp: [UInt8], bar: MinuteBar) {
        append(bytes: prefix)
        append(bytes: timestamp)
        append(",\"open\":")
        appendCents(bar.open)
        append(",\"high\":")
        appendCents(bar.high)
        append(",\"low\":")
        appendCents(bar.low)
        append(",\"close\":")
        appendCents(bar.close)
        append(",\"volume\":")
        appendWholeFloat(bar.volume)
        append(",\"trade_count\":")
        appendWholeFloat(bar.tradeCount)
        append(",\"vwap\":")
        appendCents(bar.vwap)
        append(",\"provider\":\"alpaca\"}")
    }
}
