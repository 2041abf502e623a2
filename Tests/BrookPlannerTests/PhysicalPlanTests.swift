// Operators are chosen by what they consume and emit; updating results never reach append-only sinks.
import BrookCore
import BrookPlanner
import BrookSQL
import Testing

@Suite struct PhysicalPlanTests {
    @Test func groupAggregateIntoAnAppendOnlySinkIsRefusedNamingBoth() throws {
        let session = try marketSession()
        let text = try #require(renderedError("INSERT INTO out_append SELECT symbol, COUNT(*) FROM prices GROUP BY symbol", in: session))
        #expect(text.contains("table 'out_append' (connector 'filesystem') accepts only inserts, but GroupAggregate"))
        #expect(text.contains("produces updates"))
    }

    @Test func equalitiesOfExpressionsOverEachSideAreJoinKeys() throws {
        let session = try marketSession()
        let job = try plan("""
            INSERT INTO out_print SELECT p.symbol, n.ts FROM prices p JOIN news n
            ON UPPER(p.symbol) = n.symbol AND p.qty = n.ts + 1 AND p.price > CAST(n.sentiment AS DOUBLE)
            AND p.event_time BETWEEN n.event_time AND n.event_time + INTERVAL '1' MINUTE
            """, in: session)
        let join = try #require(job.physical.nodes.first { if case .intervalJoin = $0.operation { return true }; return false })
        guard case .intervalJoin(_, let leftKeys, let rightKeys, _, let residual) = join.operation else { return }
        #expect(leftKeys.count == 2 && rightKeys.count == 2)
        #expect(residual != nil)
        let regular = try plan("INSERT INTO out_print SELECT p.symbol, n.ts FROM prices p LEFT JOIN news n ON p.qty % 7 = n.ts % 7", in: session)
        let node = try #require(regular.physical.nodes.first { if case .regularJoin = $0.operation { return true }; return false })
        guard case .regularJoin(_, let keys, _, _) = node.operation else { return }
        #expect(keys.count == 1)
    }

    @Test func batchModeWritesTheFinalAggregateOnce() throws {
        let session = try marketSession("SET 'execution.runtime-mode' = 'batch';")
        let job = try plan("INSERT INTO out_append SELECT symbol, COUNT(*) FROM prices GROUP BY symbol", in: session)
        #expect(job.physical.nodes.allSatisfy { !$0.emitsUpdates })
    }

    @Test func updatingSinksAcceptUpdates() throws {
        let session = try marketSession()
        let job = try plan("INSERT INTO out_print SELECT symbol, COUNT(*) FROM prices GROUP BY symbol", in: session)
        let aggregate = try #require(job.physical.nodes.first { if case .groupAggregate = $0.operation { return true }; return false })
        #expect(aggregate.emitsUpdates)
        #expect(aggregate.state.isUnbounded)
        let sink = try #require(job.physical.nodes.first { if case .sink = $0.operation { return true }; return false })
        #expect(sink.emitsUpdates, "EXPLAIN shows the changes a sink receives")
    }

    @Test func rowNumberFilteredByItsValueIsATopNWithBoundedState() throws {
        let session = try marketSession()
        let job = try plan("""
            SELECT symbol, price, rn FROM (SELECT symbol, price, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC) AS rn FROM prices)
            WHERE rn <= 3 AND price > 10
            """, in: session)
        let rank = try #require(job.physical.nodes.first { if case .rank = $0.operation { return true }; return false })
        guard case .rank(let keys, let order, let lower, let upper) = rank.operation else { return }
        #expect(keys.count == 1 && order.count == 1 && order[0].descending && lower == 1 && upper == 3)
        #expect(rank.emitsUpdates)
        #expect(rank.state == .bounded("per partition key: the best 3 rows"))
        #expect(job.explanation.contains("Rank(partitionBy=[symbol], orderBy=[price DESC], rankRange=[1..3], rankNumber=[w0$o0])"))
        #expect(job.explanation.contains("where=[price > 10]"), "the other conjunct filters the ranked rows")
    }

    @Test func stateTTLBoundsRegularJoinsAndAggregates() throws {
        let session = try marketSession("SET 'table.exec.state.ttl' = '1 h';")
        let job = try plan("SELECT p.symbol, COUNT(*) FROM prices p JOIN news n ON p.symbol = n.symbol GROUP BY p.symbol", in: session)
        for node in job.physical.nodes { #expect(!node.state.isUnbounded, "\(node.operation.name)") }
        let join = try #require(job.physical.nodes.first { if case .regularJoin = $0.operation { return true }; return false })
        guard case .bounded(let text) = join.state else { return }
        #expect(text.contains("1 h"))
    }

    @Test func innerRegularJoinOfAppendsIsAppendOnlyButOuterJoinUpdates() throws {
        let session = try marketSession()
        let inner = try plan("SELECT p.symbol FROM prices p JOIN news n ON p.symbol = n.symbol", in: session)
        let left = try plan("SELECT p.symbol FROM prices p LEFT JOIN news n ON p.symbol = n.symbol", in: session)
        func joinNode(_ job: PlannedJob) -> PhysicalNode? { job.physical.nodes.first { if case .regularJoin = $0.operation { return true }; return false } }
        #expect(joinNode(inner)?.emitsUpdates == false)
        #expect(joinNode(left)?.emitsUpdates == true)
    }

    @Test func overAggregateOverUpdatesIsRefused() throws {
        let session = try marketSession()
        let sql = "SELECT LAG(c) OVER (ORDER BY w) FROM (SELECT window_time AS w, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE prices, DESCRIPTOR(event_time), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, window_time)"
        #expect(throws: Never.self) { try plan(sql, in: session) }
        let text = renderedError("SELECT LAG(c) OVER (ORDER BY event_time) FROM (SELECT event_time, COUNT(*) AS c FROM prices GROUP BY event_time)", in: session)
        #expect(text?.contains("OVER windows must be ordered by a time attribute") == true)
    }

    @Test func streamingSortNeedsTimeOrALimit() throws {
        let session = try marketSession()
        #expect(renderedError("SELECT symbol FROM prices ORDER BY symbol", in: session)?.contains("a streaming ORDER BY must start with a time attribute") == true)
        let sorted = try plan("SELECT symbol, event_time FROM prices ORDER BY event_time", in: session)
        #expect(sorted.physical.nodes.contains { if case .temporalSort = $0.operation { return true }; return false })
        let top = try plan("SELECT symbol, price FROM prices ORDER BY price DESC LIMIT 3", in: session)
        #expect(top.physical.nodes.contains { if case .topN(_, 3) = $0.operation { return true }; return false })
    }

    @Test func statementSetsPlanOneJobWithSharedSources() throws {
        let session = try marketSession()
        let result = try session.executeScript("""
            EXECUTE STATEMENT SET BEGIN
              INSERT INTO out_print SELECT symbol, CAST(qty AS BIGINT) FROM prices;
              INSERT INTO out_append SELECT symbol, ts FROM prices;
            END;
            """)
        guard case .job(let job) = result[0] else {
            Issue.record("statement set did not plan a job")
            return
        }
        #expect(job.physical.roots.count == 2)
        #expect(job.physical.nodes.filter { if case .source = $0.operation { return true }; return false }.count == 1)
    }
}
