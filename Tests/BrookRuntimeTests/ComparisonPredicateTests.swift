// IS [NOT] DISTINCT FROM, IS [NOT] UNKNOWN and BETWEEN SYMMETRIC evaluate as Flink documents them.
import BrookCore
import BrookRuntime
import Testing

@Suite struct ComparisonPredicateTests {
    @Test func isDistinctFromTreatsNullsAsEqual() throws {
        #expect(try selectRow("1 IS DISTINCT FROM 2, 1 IS DISTINCT FROM 1, CAST(NULL AS INT) IS DISTINCT FROM 1, CAST(NULL AS INT) IS NOT DISTINCT FROM NULL, 1 IS NOT DISTINCT FROM 1.0, 'a' IS NOT DISTINCT FROM CAST(NULL AS STRING)") == [
            .boolean(true), .boolean(false), .boolean(true), .boolean(true), .boolean(true), .boolean(false),
        ])
    }

    @Test func isUnknownTestsABooleanForNull() throws {
        #expect(try selectRow("CAST(NULL AS BOOLEAN) IS UNKNOWN, (1 > 0) IS UNKNOWN, (CAST(NULL AS INT) > 3) IS NOT UNKNOWN") == [
            .boolean(true), .boolean(false), .boolean(false),
        ])
    }

    @Test func betweenSymmetricAcceptsBoundsInEitherOrder() throws {
        #expect(try selectRow("3 BETWEEN SYMMETRIC 4 AND 2, 3 BETWEEN 4 AND 2, 3 BETWEEN ASYMMETRIC 2 AND 4, 5 NOT BETWEEN SYMMETRIC 4 AND 2, 3 NOT BETWEEN SYMMETRIC 4 AND 2") == [
            .boolean(true), .boolean(false), .boolean(true), .boolean(true), .boolean(false),
        ])
    }
}
