// table.exec.state.ttl: a regular join's rows stop matching, and are freed, once that old.
import BrookCore
import BrookPlanner
import BrookRuntime
import Testing

/// A processing-time clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    var seconds = 1_000.0
}

@Suite struct RegularJoinTTLTests {
    func row(_ key: String, _ n: Int64) -> Batch {
        var builder = BatchBuilder(types: [.string, .bigint])
        builder.appendRow([.string(key), .integer(n)])
        return builder.flush()
    }

    @Test func rowsStoredLongerThanTheTTLNoLongerMatchAndAreFreed() throws {
        let clock = ManualClock()
        let join = RegularJoinOperator(type: .inner, leftKeys: [0], rightKeys: [0], residual: nil, leftTypes: [.string, .bigint],
                                       rightTypes: [.string, .bigint], ttlMilliseconds: 10_000, context: EvaluationContext(), clock: { clock.seconds })
        var joined: [[Value]] = []
        let output = OperatorOutput { batch in
            for index in 0..<batch.count { joined.append(batch.row(index)) }
        }
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
        let join = RegularJoinOperator(type: .left, leftKeys: [0], rightKeys: [0], residual: nil, leftTypes: [.string, .bigint],
                                       rightTypes: [.string, .bigint], ttlMilliseconds: 10_000, context: EvaluationContext(), clock: { clock.seconds })
        var changes: [(ChangeKind, [Value])] = []
        let output = OperatorOutput { batch in
            for index in 0..<batch.count { changes.append((batch.kind(index), batch.row(index))) }
        }
        try join.process(row("A", 1), port: 0, output: output)
        clock.seconds += 8
        try join.process(row("A", 2), port: 1, output: output)
        clock.seconds += 8
        try join.process(row("A", 3), port: 1, output: output)
        #expect(changes.map(\.0) == [.insert, .delete, .insert, .insert])
        #expect(changes.last?.1 == [.string("A"), .integer(1), .string("A"), .integer(3)])
    }
}
