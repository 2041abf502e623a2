// JSONLineWriter+MarketNews: one `market-news` record in the seed's key order.

extension JSONLineWriter {
    mutating func appendMarketNews(id: Int64, headline: Headline, symbol: String, sentiment: Double) {
        let source = NewsSource.all[headline.sourceIndex]
        append("{\"id\":")
        appendInteger(id)
        append(",\"author\":\"")
        appendEscaped(source.authors[headline.authorIndex])
        append("\",\"headline\":\"")
        appendEscaped(headline.text)
        append("\",\"source\":\"")
        append(source.name)
        append("\",\"summary\":\"\",\"data_provider\":\"alpaca\",\"url\":\"")
        appendURL(style: source.urlStyle, id: id, timestampMs: headline.timestampMs, text: headline.text)
        append("\",\"symbol\":\"")
        appendEscaped(symbol)
        append("\",\"sentiment\":")
        appendFourDecimals(sentiment)
        append(",\"timestamp_ms\":")
        appendInteger(headline.timestampMs)
        append(",\"created_at\":\"")
        appendISO8601Second(headline.timestampMs)
        append("\"}")
    }

    private mutating func appendURL(style: NewsSource.URLStyle, id: Int64, timestampMs: Int64, text: String) {
        let date = TradingCalendar.civilDate(dayNumber: Int(timestampMs / 86_400_000))
        switch style {
        case .benzinga:
            append("https://www.benzinga.com/news/")
            appendTwoDigits(date.year % 100)
            append(byte: UInt8(ascii: "/"))
            appendTwoDigits(date.month)
            append(byte: UInt8(ascii: "/"))
            appendInteger(id)
            append(byte: UInt8(ascii: "/"))
            appendSlug(of: text)
        case .zacks:
            append("https://www.zacks.com/stock/news/")
            appendInteger(id)
            append(byte: UInt8(ascii: "/"))
            appendSlug(of: text)
        case .globeNewswire:
            append("https://www.globenewswire.com/news-release/")
            appendInteger(Int64(date.year))
            append(byte: UInt8(ascii: "/"))
            appendTwoDigits(date.month)
            append(byte: UInt8(ascii: "/"))
            appendTwoDigits(date.day)
            append(byte: UInt8(ascii: "/"))
            appendInteger(id)
            append("/0/en/")
            appendSlug(of: text)
            append(".html")
        }
    }
}
