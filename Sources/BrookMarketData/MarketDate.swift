// MarketDate: a calendar day, free of time zones, as the generator's start date.

/// A plain year-month-day so callers name a trading day without Foundation's `Date` and its time zone.
public struct MarketDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the day exists in the proleptic Gregorian calendar within the years the generator supports.
    public var isValid: Bool {
        guard (1970...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= TradingCalendar.daysInMonth(year: year, month: month)
    }

    public var description: String {
        var text = String(year) + "-"
        if month < 10 { text += "0" }
        text += String(month) + "-"
        if day < 10 { text += "0" }
        return text + String(day)
    }
}
