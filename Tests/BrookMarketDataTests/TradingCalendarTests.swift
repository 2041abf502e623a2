// TradingCalendarTests: weekdays, session instants and the hand-written DST rule.

import BrookMarketData
import Foundation
import Testing

struct TradingCalendarTests {
    @Test func sessionOpensAt1330UTCInSummerAnd1430UTCInWinter() {
        #expect(TradingCalendar.sessionOpenMs(on: MarketDate(year: 2024, month: 5, day: 1)) == 1_714_570_200_000)
        #expect(TradingCalendar.sessionOpenMs(on: MarketDate(year: 2024, month: 1, day: 2)) == 1_704_205_800_000)
    }

    @Test func tradingDaysSkipWeekends() {
        let days = TradingCalendar.tradingDays(from: MarketDate(year: 2024, month: 5, day: 3), count: 3)
        #expect(days == [
            MarketDate(year: 2024, month: 5, day: 3),
            MarketDate(year: 2024, month: 5, day: 6),
            MarketDate(year: 2024, month: 5, day: 7),
        ])
    }

    @Test func weekendStartMovesToMonday() {
        let days = TradingCalendar.tradingDays(from: MarketDate(year: 2024, month: 6, day: 1), count: 1)
        #expect(days == [MarketDate(year: 2024, month: 6, day: 3)])
    }

    @Test func daylightTimeSwitchesOnSecondSundayOfMarchAndFirstSundayOfNovember() {
        #expect(!TradingCalendar.isEasternDaylightTime(MarketDate(year: 2024, month: 3, day: 8)))
        #expect(TradingCalendar.isEasternDaylightTime(MarketDate(year: 2024, month: 3, day: 11)))
        #expect(TradingCalendar.isEasternDaylightTime(MarketDate(year: 2024, month: 11, day: 1)))
        #expect(!TradingCalendar.isEasternDaylightTime(MarketDate(year: 2024, month: 11, day: 4)))
        #expect(TradingCalendar.sessionOpenMs(on: MarketDate(year: 2024, month: 11, day: 4))
            - TradingCalendar.sessionOpenMs(on: MarketDate(year: 2024, month: 11, day: 1)) == (3 * 24 + 1) * 3_600_000)
    }

    @Test func sessionOpenMatchesFoundationNewYorkTimeForEveryWeekdayFrom2008To2030() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        for date in TradingCalendar.tradingDays(from: MarketDate(year: 2008, month: 1, day: 1), count: 5_990) {
            let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: 9, minute: 30)
            let expected = try #require(calendar.date(from: components))
            let milliseconds = Int64((expected.timeIntervalSince1970 * 1000).rounded())
            #expect(TradingCalendar.sessionOpenMs(on: date) == milliseconds, "\(date)")
        }
    }
}
