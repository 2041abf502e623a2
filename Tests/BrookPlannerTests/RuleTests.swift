// The logical rules: predicate push-down, pruning, shared scans, merged over-aggregates.
import BrookCore
import BrookPlanner
import Testing

@Suite struct RuleTests {
    let session: Session

    init() throws { session = try marketSession() }

    func operators(_ job: PlannedJob) -> [PhysicalOperator] { job.physical.nodes.map(\.operation) }

    @Test func filtersMoveBelowJoinsToTheSideTheyRead() throws {
        let job = try plan("SELECT p.symbol FROM prices p JOIN news n ON p.symbol = n.symbol AND n.event_time BETWEEN p.event_time AND p.event_time + INTERVAL '1' MINUTE WHERE p.qty > 10 AND n.sentiment > 0", in: session)
        let join = try #require(job.physical.nodes.first { if case .intervalJoin = $0.operation { return true }; return false })
        for input in join.inputs {
            guard case .calc(_, let condition) = job.physical[input].operation else {
                Issue.record("join input \(input) is not a filtering calc")
                continue
            }
            #expect(condition != nil)
        }
    }

    @Test func filtersStayAboveOverAggregatesUnlessTheyReadPartitionKeys() throws {
        let sql = "SELECT * FROM (SELECT symbol, qty, SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS s FROM prices) WHERE symbol = 'AAPL' AND qty > 5"
        let optimized = try plan(sql, in: session).optimized[0]
        guard case .filter(let above) = optimized.inputs.first ?? optimized, case .overAggregate(let over) = above.input,
              case .filter(let below) = over.input else {
            Issue.record("expected Filter(qty) above OverAggregate above Filter(symbol): \(optimized)")
            return
        }
        #expect(above.condition.conjuncts.count == 1)
        #expect(below.condition.conjuncts.count == 1)
    }

    @Test func scansReadOnlyTheColumnsTheQueryUses() throws {
        let job = try plan("SELECT symbol FROM prices WHERE qty > 1", in: session)
        let columns = job.physical.nodes.compactMap { node -> [Int]? in
            if case .source(_, _, let columns, _) = node.operation { return columns }
            return nil
        }
        #expect(columns == [[0, 2]])
    }

    @Test func selfJoinsShareOneSourceAndOneOverAggregate() throws {
        _ = try session.executeScript("""
            CREATE VIEW fast AS SELECT symbol, event_time, AVG(price) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS f FROM prices;
            CREATE VIEW slow AS SELECT symbol, event_time, AVG(price) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS s FROM prices;
            """)
        let job = try plan("SELECT fast.symbol, f, s FROM fast JOIN slow ON fast.symbol = slow.symbol AND fast.event_time = slow.event_time", in: session)
        let sources = operators(job).filter { if case .source = $0 { return true }; return false }
        #expect(sources.count == 1)
        let overs = operators(job).compactMap { op -> [OverCall]? in
            if case .overAggregate(_, _, let calls) = op { return calls }
            return nil
        }
        #expect(overs.count == 1)
        #expect(overs.first?.map(\.frame.preceding) == [.offset(4), .offset(9)])
    }

    @Test func differentPartitionsAreNotMerged() throws {
        let job = try plan("SELECT SUM(qty) OVER (PARTITION BY symbol ORDER BY event_time), SUM(qty) OVER (ORDER BY event_time) FROM prices", in: session)
        let overs = operators(job).filter { if case .overAggregate = $0 { return true }; return false }
        #expect(overs.count == 2)
    }

    @Test func identicalOverCallsAreComputedOnce() throws {
        let job = try plan("SELECT LAG(price) OVER (PARTITION BY symbol ORDER BY event_time) AS a, LAG(price) OVER (PARTITION BY symbol ORDER BY event_time) AS b FROM prices", in: session)
        let calls = operators(job).compactMap { op -> Int? in
            if case .overAggregate(_, _, let calls) = op { return calls.count }
            return nil
        }
        #expect(calls == [1])
    }
}
