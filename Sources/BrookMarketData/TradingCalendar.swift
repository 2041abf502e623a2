// TradingCalendar: weekday sessions of the US regular market and their UTC instants.
import BrookCore

/// The New York session (09:30–16:00) as UTC epoch milliseconds, computed with the US daylight-saving
/// rule by hand so generation needs no time-zone database. Exchange holidays are not modelled:
/// every weekday is a trading day.
public enum TradingCalendar {
    /// One-minute bars per symbol per session.
    public static let minutesPerSession = 390
    static let millisecondsPerMinute: Int64 = 60_000
    static let sessionOpenMinuteOfDay = 9 * 60 + 30

    /// `count` weekdays starting at `start` (moved forward to a weekday when it falls on a weekend).
    public static func tradingDays(from start: MarketDate, count: Int) -> [MarketDate] {
        var days: [MarketDate] = []
        days.reserveCapacity(max(count, 0))
        var dayNumber = daysSinceEpoch(start)
        while days.count < count {
            if isWeekday(dayNumber: dayNumber) {
                days.append(civilDate(dayNumber: dayNumber))
            }
            dayNumber += 1
        }
        return days
    }

    /// UTC epoch milliseconds of 09:30 New York time on `date`.
    public static func sessionOpenMs(on date: MarketDate) -> Int64 {
        let offsetHours = isEasternDaylightTime(date) ? 4 : 5
        let minuteOfDay = sessionOpenMinuteOfDay + offsetHours * 60
        return (Int64(daysSinceEpoch(date)) * 1440 + Int64(minuteOfDay)) * millisecondsPerMinute
    }

    /// The post-2007 US rule: daylight time from the second Sunday of March to the first Sunday of
    /// November. The switch happens at 02:00 local on a Sunday, so a whole trading day has one offset.
    public static func isEasternDaylightTime(_ date: MarketDate) -> Bool {
        let marchFirst = daysSinceEpoch(MarketDate(year: date.year, month: 3, day: 1))
        let novemberFirst = daysSinceEpoch(MarketDate(year: date.year, month: 11, day: 1))
        let secondSundayOfMarch = marchFirst + (7 - weekday(dayNumber: marchFirst)) % 7 + 7
        let firstSundayOfNovember = novemberFirst + (7 - weekday(dayNumber: novemberFirst)) % 7
        let day = daysSinceEpoch(date)
        return day >= secondSundayOfMarch && day < firstSundayOfNovember
    }

    public static func isWeekday(_ date: MarketDate) -> Bool {
        isWeekday(dayNumber: daysSinceEpoch(date))
    }

    static func isWeekday(dayNumber: Int) -> Bool {
        let day = weekday(dayNumber: dayNumber)
        return day != 0 && day != 6
    }

    /// 0 = Sunday; 1970-01-01 was a Thursday.
    static func weekday(dayNumber: Int) -> Int {
        ((dayNumber % 7) + 11) % 7
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Days since 1970-01-01.
    static func daysSinceEpoch(_ date: MarketDate) -> Int {
        TemporalText.daysFromCivil(year: date.year, month: date.month, day: date.day)
    }

    /// The inverse of `daysSinceEpoch`.
    static func civilDate(dayNumber: Int) -> MarketDate {
        let (year, month, day) = TemporalText.civilFromDays(dayNumber)
        return MarketDate(year: year, month: month, day: day)
    }
}
