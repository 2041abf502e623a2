// table.exec.state.ttl: a regular join's rows and a group aggregate's groups are forgotten once that old.
import BrookCore
import BrookPlanner
import BrookRuntime
import Testing

/// A processing-time clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    var seconds = 1_000.0
}

/// The changes an operator emits, with their kinds.
final class ChangeLog {
    var changes: [(kind: ChangeKind, row: [Value])] = []

    var output: OperatorOutput {
        OperatorOutput { batch in
            for index in 0..<batch.count { self.changes.append((batch.kind(index), batch.row(index))) }
        }
    }
}

@Suite struct StateTTLTests {
    func row(_ key: String, _ n: Int64) -> Batch {
        var builder = BatchBuilder(types: [.string, .bigint])
        builder.appendRow([.string(key), .integer(n)])
        return builder.flush()
    }

    /// A join of (key, n) rows on the key, with a ten-second TTL on `clock`.
    func join(_ type: JoinType, _ clock: ManualClock) -> RegularJoinOperator {
        RegularJoinOperator(type: type, leftKeys: [0], rightKeys: [0], residual: nil, leftTypes: [.string, .bigint],
                            rightTypes: [.string, .bigint], ttlMilliseconds: 10_000, context: EvaluationContext(), clock: { clock.seconds })
    }

    @Test func rowsStoredLongerThanTheTTLNoLongerMatchAndAreFreed() throws {
        let clock = ManualClock()
        let join = join(.inner, clock)
        let log = ChangeLog()
        let output = log.output
        var joined: [[Value]] { log.changes.map(\.row) }
        try join.process(row("A", 1), port: 0, output: output)
        clock.seconds += 5
        try join.process(row("A", 2), port: 1, output: output)
        #expect(joined == [[.string("A"), .integer(1), .string("A"), .integer(2)]])
        clock.seconds += 8
        try join.process(row("A", 3), port: 1, output: output)
        #expect(joined.count == 1, "left row 1 was stored 13 s ago; a match is no write on an inner side")
        #expect(join.metrics.rowsInState == 2, "the sweep freed left row 1 and nothing else")
        try join.process(row("A", 4), port: 0, output: output)
        #expect(joined.suffix(2) == [[.string("A"), .integer(4), .string("A"), .integer(2)], [.string("A"), .integer(4), .string("A"), .integer(3)]])
    }

    @Test func anOuterSidesRowLivesOnWhileItsPartnersChange() throws {
        let clock = ManualClock()
        let join = join(.left, clock)
        let log = ChangeLog()
        let output = log.output
        var changes: [(kind: ChangeKind, row: [Value])] { log.changes }
        try join.process(row("A", 1), port: 0, output: output)
        clock.seconds += 8
        try join.process(row("A", 2), port: 1, output: output)
        clock.seconds += 8
        try join.process(row("A", 3), port: 1, output: output)
        #expect(changes.map(\.0) == [.insert, .delete, .insert, .insert])
        #expect(changes.last?.1 == [.string("A"), .integer(1), .string("A"), .integer(3)])
    }

    @Test func aGroupIdleLongerThanTheTTLStartsAgainWithoutARetraction() throws {
        let clock = ManualClock()
        let call = AggregateCall(function: "SUM", arguments: [.column(1, ColumnType(.bigint))], distinct: false, type: ColumnType(.bigint, nullable: true))
        let aggregate = GroupAggregateOperator(groupKeys: [0], calls: [call], outputTypes: [.string, .bigint], isBatch: false, inputRetracts: false,
                                               ttlMilliseconds: 1_000, context: EvaluationContext(), clock: { clock.seconds })
        let log = ChangeLog()
        let output = log.output
        var changes: [(kind: ChangeKind, row: [Value])] { log.changes }
        try aggregate.process(row("a", 1), port: 0, output: output)
        clock.seconds += 0.5
        try aggregate.process(row("a", 2), port: 0, output: output)
        clock.seconds += 10
        try aggregate.process(row("a", 4), port: 0, output: output)
        #expect(changes.map(\.0) == [.insert, .updateBefore, .updateAfter, .insert])
        #expect(changes.map(\.1) == [[.string("a"), .integer(1)], [.string("a"), .integer(1)], [.string("a"), .integer(3)], [.string("a"), .integer(4)]])
        #expect(aggregate.metrics.rowsInState == 1)
    }
}
