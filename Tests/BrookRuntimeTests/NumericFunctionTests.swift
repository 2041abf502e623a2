// ROUND, TRUNCATE, MOD and the trigonometric functions give Flink's results and types.
import BrookCore
import BrookRuntime
import Foundation
import Testing

@Suite struct NumericFunctionTests {
    func decimal(_ text: String) -> Value { .decimal(DecimalValue(parsing: text)!) }

    @Test func roundWithNegativePlacesRoundsLeftOfThePoint() throws {
        #expect(try selectRow("ROUND(1234.5, -2), ROUND(1234, -2), ROUND(CAST(1234.5 AS DOUBLE), -2), ROUND(CAST(1234.5 AS DECIMAL(10, 1)), -1), ROUND(-1250, -2), ROUND(CAST(1.25 AS DOUBLE), 1)") == [
            decimal("1200"), .integer(1200), .double(1200), decimal("1230"), .integer(-1300), .double(1.3),
        ])
    }

    @Test func truncateDropsDigitsTowardZero() throws {
        #expect(try selectRow("TRUNCATE(1.789, 1), TRUNCATE(42, -1), TRUNCATE(CAST(-1.789 AS DOUBLE), 2), TRUNCATE(42.324), TRUNCATE(CAST(NULL AS INT), 1)") == [
            decimal("1.7"), .integer(40), .double(-1.78), decimal("42"), .null,
        ])
    }

    @Test func modTakesDecimalsAsPercentDoes() throws {
        #expect(try selectRow("MOD(7.5, 2), 7.5 % 2, MOD(CAST(7.5 AS DECIMAL(5, 2)), CAST(2 AS DECIMAL(5, 2))), MOD(-7.5, 2), MOD(7, 2.5), MOD(CAST(7.5 AS DOUBLE), 2)") == [
            decimal("1.5"), decimal("1.5"), decimal("1.50"), decimal("-1.5"), decimal("2.0"), .double(1.5),
        ])
        #expect(throws: RuntimeError.self) { try selectRow("MOD(7, 0)") }
    }

    @Test func trigonometryAndConstants() throws {
        #expect(try selectRow("PI(), E(), SIN(0), COS(0), TAN(0), ASIN(1), ACOS(1), ATAN(1), ATAN2(1, 1), DEGREES(PI()), RADIANS(180), CEILING(1.2), EXP(0)") == [
            .double(Double.pi), .double(M_E), .double(0), .double(1), .double(0), .double(Double.pi / 2), .double(0), .double(Double.pi / 4),
            .double(Double.pi / 4), .double(180), .double(Double.pi), decimal("2"), .double(1),
        ])
    }
}
