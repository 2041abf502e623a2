// Integer edge cases follow Java's arithmetic, as Flink's generated code does, and never trap.
import BrookCore
import BrookRuntime
import Testing

@Suite struct IntegerEdgeCaseTests {
    @Test func bigintMinimumDividedByMinusOneWrapsInsteadOfTrapping() throws {
        #expect(try selectRow("CAST(-9223372036854775808 AS BIGINT) / -1, CAST(-9223372036854775808 AS BIGINT) % CAST(-1 AS BIGINT), MOD(CAST(-9223372036854775808 AS BIGINT), -1)") == [
            .integer(.min), .integer(0), .integer(0),
        ])
    }

    @Test func overflowingConstantArgumentsWrapAtPlanTime() throws {
        #expect(try selectRow("ABS(9223372036854775807 + 1), SIGN(-CAST(-9223372036854775807 - 1 AS BIGINT)), ABS(9223372036854775807 * 2)") == [
            .integer(.min), .integer(-1), .integer(2),
        ])
    }

    @Test func integersTooLargeForADecimalTypeAreNullNotATrap() throws {
        #expect(try selectRow("CAST(123 AS DECIMAL(3, 2)), CAST(CAST(9223372036854775807 AS BIGINT) AS DECIMAL(38, 37)), CAST(12 AS DECIMAL(4, 2))") == [
            .null, .null, .decimal(DecimalValue(parsing: "12.00")!),
        ])
    }

    @Test func remainderOfABigintByAnIntDoesNotNarrowTheDividend() throws {
        #expect(try selectRow("CAST(5000000000 AS BIGINT) % 3, MOD(CAST(5000000000 AS BIGINT), 7)") == [.integer(2), .integer(5_000_000_000 % 7)])
    }

    @Test func absOfTheMinimumIsTheMinimumAsInJava() throws {
        #expect(try selectRow("ABS(CAST(-2147483648 AS INT)), ABS(CAST(-9223372036854775808 AS BIGINT)), ABS(CAST(-128 AS TINYINT))") == [
            .integer(-2_147_483_648), .integer(.min), .integer(-128),
        ])
    }

    @Test func doubleToSmallerIntegersSaturatesAtIntThenNarrowsAsJava() throws {
        #expect(try selectRow("CAST(CAST(1e10 AS DOUBLE) AS INT), CAST(CAST(-1e10 AS DOUBLE) AS INT), CAST(CAST(1e10 AS DOUBLE) AS SMALLINT), CAST(CAST(70000.5 AS DOUBLE) AS SMALLINT), CAST(CAST(1e20 AS DOUBLE) AS BIGINT)") == [
            .integer(2_147_483_647), .integer(-2_147_483_648), .integer(-1), .integer(4464), .integer(.max),
        ])
    }

    @Test func regexpExtractWithAGroupOutOfRangeIsNull() throws {
        #expect(try selectRow("REGEXP_EXTRACT('abc', '(b)', -1), REGEXP_EXTRACT('abc', '(b)', 5), REGEXP_EXTRACT('abc', '(b)', 0)") == [
            .null, .null, .string("b"),
        ])
    }

    @Test func hugeNumericArgumentsClampInsteadOfTrapping() throws {
        #expect(try selectRow("SUBSTRING('hello', 2, 9223372036854775807), SUBSTRING('hello', CAST(1e30 AS DOUBLE)), ROUND(1234, -30)") == [
            .string("ello"), .string(""), .integer(0),
        ])
    }
}
