// Calendar functions (FLOOR/CEIL TO unit, TIMESTAMPADD/DIFF, week fields, TO_DATE) and date patterns follow Flink.
import BrookCore
import BrookRuntime
import Testing

@Suite struct CalendarFunctionTests {
    func timestamp(_ text: String) -> Value { .timestamp(TemporalText.parseTimestamp(text)!.0) }
    func date(_ text: String) -> Value { .date(TemporalText.parseDate(text)!) }

    @Test func floorAndCeilRoundTimestampsAndDatesToAUnit() throws {
        let t = "TIMESTAMP '2024-05-01 13:44:05'"
        #expect(try selectRow("FLOOR(\(t) TO HOUR), CEIL(\(t) TO MINUTE), FLOOR(\(t) TO MONTH), FLOOR(\(t) TO QUARTER), FLOOR(\(t) TO YEAR), FLOOR(\(t) TO WEEK), CEIL(\(t) TO DAY), CEILING(\(t) TO SECOND)") == [
            timestamp("2024-05-01 13:00:00"), timestamp("2024-05-01 13:45:00"), timestamp("2024-05-01 00:00:00"), timestamp("2024-04-01 00:00:00"),
            timestamp("2024-01-01 00:00:00"), timestamp("2024-04-28 00:00:00"), timestamp("2024-05-02 00:00:00"), timestamp("2024-05-01 13:44:05"),
        ])
        #expect(try selectRow("CEIL(DATE '2024-05-01' TO MONTH), CEIL(DATE '2024-05-02' TO MONTH), FLOOR(DATE '2024-05-02' TO YEAR), CEIL(DATE '2024-11-02' TO QUARTER), FLOOR(DATE '2024-05-02' TO HOUR)") == [
            date("2024-05-01"), date("2024-06-01"), date("2024-01-01"), date("2025-01-01"), date("2024-05-02"),
        ])
        #expect(try selectRow("CEIL(TIME '12:44:31' TO MINUTE), FLOOR(TIME '12:44:31' TO HOUR)") == [.time(45_900_000_000), .time(43_200_000_000)])
    }

    @Test func floorOfATimestampLTZRoundsOnTheSessionWallClock() throws {
        let values = try selectRow("FLOOR(TO_TIMESTAMP_LTZ(0, 3) TO DAY), CEIL(TO_TIMESTAMP_LTZ(0, 3) TO HOUR)", "SET 'table.local-time-zone' = 'Asia/Kolkata';")
        #expect(values == [.timestamp(-19_800_000_000), .timestamp(1_800_000_000)])
    }

    @Test func timestampAddMovesByCalendarUnits() throws {
        #expect(try selectRow("TIMESTAMPADD(MINUTE, 90, TIMESTAMP '2024-05-01 13:44:05'), TIMESTAMPADD(MONTH, 1, DATE '2024-01-31'), TIMESTAMPADD(HOUR, 1, DATE '2024-01-31'), TIMESTAMPADD(WEEK, -1, DATE '2024-01-31'), TIMESTAMPADD(QUARTER, 1, TIMESTAMP '2024-11-30 10:00:00')") == [
            timestamp("2024-05-01 15:14:05"), date("2024-02-29"), timestamp("2024-01-31 01:00:00"), date("2024-01-24"), timestamp("2025-02-28 10:00:00"),
        ])
    }

    @Test func timestampAddOutsideYearsZeroToNineThousandNineHundredNinetyNineIsAnError() throws {
        #expect(throws: RuntimeError.self) { try selectRow("TIMESTAMPADD(YEAR, 9000000000, DATE '2024-01-01')") }
        #expect(throws: RuntimeError.self) { try selectRow("TIMESTAMPADD(SECOND, 9223372036854775807, TIMESTAMP '2024-01-01 00:00:00')") }
        #expect(throws: RuntimeError.self) { try selectRow("TIMESTAMPADD(DAY, 3000000, DATE '2024-01-01')") }
        #expect(try selectRow("TRY_CAST('999999999-01-01' AS DATE)") == [.null])
    }

    @Test func timestampDiffCountsWholeUnitsAsInt() throws {
        #expect(try selectRow("TIMESTAMPDIFF(MINUTE, TIMESTAMP '2024-05-01 13:44:05', TIMESTAMP '2024-05-01 14:44:04'), TIMESTAMPDIFF(DAY, DATE '2024-05-02', DATE '2024-05-01'), TIMESTAMPDIFF(MONTH, DATE '2024-01-31', DATE '2024-02-29'), TIMESTAMPDIFF(MONTH, TIMESTAMP '2024-01-15 10:00:00', TIMESTAMP '2024-03-15 09:59:59'), TIMESTAMPDIFF(YEAR, DATE '2020-02-29', DATE '2021-02-28'), TIMESTAMPDIFF(SECOND, DATE '1900-01-01', DATE '2024-01-01')") == [
            .integer(59), .integer(-1), .integer(1), .integer(1), .integer(1), .integer(Int64(Int32(truncatingIfNeeded: 3_913_056_000))),
        ])
    }

    @Test func extractReadsWeekDayOfWeekDayOfYearAndFractions() throws {
        #expect(try selectRow("EXTRACT(DOW FROM DATE '2024-05-01'), EXTRACT(DOY FROM DATE '2024-05-01'), EXTRACT(WEEK FROM DATE '2024-05-01'), EXTRACT(QUARTER FROM DATE '2024-05-01'), EXTRACT(MILLISECOND FROM TIMESTAMP '2024-05-01 13:44:05.123'), EXTRACT(MICROSECOND FROM TIMESTAMP '2024-05-01 13:44:05.123456')") == [
            .integer(4), .integer(122), .integer(18), .integer(2), .integer(5123), .integer(5_123_456),
        ])
        #expect(try selectRow("EXTRACT(MICROSECOND FROM TIME '10:00:07.25'), EXTRACT(MILLISECOND FROM TIME '10:00:07.25')") == [.integer(7_250_000), .integer(7250)])
        #expect(try selectRow("DAYOFWEEK(DATE '2024-05-05'), DAYOFYEAR(DATE '2024-12-31'), WEEK(DATE '2024-12-30'), WEEK(DATE '2021-01-01'), WEEK(TIMESTAMP '2024-05-01 13:44:05')") == [
            .integer(1), .integer(366), .integer(1), .integer(53), .integer(18),
        ])
    }

    @Test func toDateParsesWithAnOptionalPattern() throws {
        #expect(try selectRow("TO_DATE('2024-05-01'), TO_DATE('01/05/2024', 'dd/MM/yyyy'), TO_DATE('2024-02-30'), TO_DATE('x')") == [
            date("2024-05-01"), date("2024-05-01"), .null, .null,
        ])
    }

    @Test func impossibleDatesFailCastAndAreNullForTryCast() throws {
        #expect(throws: RuntimeError.self) { try selectRow("CAST('2024-02-30' AS DATE)") }
        #expect(throws: RuntimeError.self) { try selectRow("CAST('2023-02-29 10:00:00' AS TIMESTAMP)") }
        #expect(try selectRow("TRY_CAST('2024-02-30' AS DATE), TRY_CAST('2024-04-31 00:00:00' AS TIMESTAMP), CAST('2024-02-29' AS DATE), TO_TIMESTAMP('2023-02-29', 'yyyy-MM-dd')") == [
            .null, .null, date("2024-02-29"), .null,
        ])
    }

    @Test func datePatternsFormatAndParseNamesTwelveHourClocksAndDayOfYear() throws {
        let t = "TIMESTAMP '2024-05-01 13:44:05'"
        #expect(try selectRow("DATE_FORMAT(\(t), 'MMM'), DATE_FORMAT(\(t), 'MMMM'), DATE_FORMAT(\(t), 'EEE'), DATE_FORMAT(\(t), 'EEEE'), DATE_FORMAT(\(t), 'hh a'), DATE_FORMAT(\(t), 'D'), DATE_FORMAT(\(t), 'w'), DATE_FORMAT(\(t), 'h ''o''''clock''')") == [
            .string("May"), .string("May"), .string("Wed"), .string("Wednesday"), .string("01 PM"), .string("122"), .string("18"), .string("1 o'clock"),
        ])
        #expect(try selectRow("TO_TIMESTAMP('01-May-2024', 'dd-MMM-yyyy'), TO_TIMESTAMP('01-may-2024 12:30 AM', 'dd-MMM-yyyy hh:mm a'), TO_TIMESTAMP('Sun, 1 September 2024 01:30 PM', 'EEE, d MMMM yyyy hh:mm a'), TO_TIMESTAMP('2024 122', 'yyyy D')") == [
            timestamp("2024-05-01 00:00:00"), timestamp("2024-05-01 00:30:00"), timestamp("2024-09-01 13:30:00"), timestamp("2024-05-01 00:00:00"),
        ])
    }

    @Test func aPatternLetterBrookDoesNotKnowIsNullWhenThePatternIsData() throws {
        let session = try runtimeSession("")
        let rows = try runJob("SELECT DATE_FORMAT(TIMESTAMP '2024-05-01 13:44:05', p), TO_TIMESTAMP('2024', p) FROM (VALUES ('yyyy QQ')) AS v (p)", in: session).rows
        #expect(rows == [[.null, .null]])
    }
}
