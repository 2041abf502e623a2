// Time attributes survive what keeps watermark guarantees and are dropped by what does not.
import BrookCore
import BrookPlanner
import Testing

@Suite struct TimeAttributeTests {
    let session: Session

    init() throws { session = try marketSession() }

    @Test func projectionsAndFiltersKeepARowtimeColumn() throws {
        #expect(try schema(of: "SELECT event_time AS t, symbol FROM prices WHERE qty > 1", in: session)
            == ["t TIMESTAMP_LTZ(3) *ROWTIME*", "symbol STRING"])
    }

    @Test func expressionsOverARowtimeAreAPlainTimestamp() throws {
        #expect(try schema(of: "SELECT event_time + INTERVAL '1' SECOND AS t, CAST(event_time AS TIMESTAMP_LTZ(3)) AS c FROM prices", in: session)
            == ["t TIMESTAMP_LTZ(3)", "c TIMESTAMP_LTZ(3)"])
    }

    @Test func intervalJoinsKeepBothRowtimesAndRegularJoinsDropThem() throws {
        #expect(try schema(of: "SELECT p.event_time AS pt, n.event_time AS nt FROM prices p JOIN news n ON p.symbol = n.symbol AND n.event_time BETWEEN p.event_time - INTERVAL '1' MINUTE AND p.event_time", in: session)
            == ["pt TIMESTAMP_LTZ(3) *ROWTIME*", "nt TIMESTAMP_LTZ(3) *ROWTIME*"])
        #expect(try schema(of: "SELECT p.event_time AS pt FROM prices p JOIN news n ON p.symbol = n.symbol", in: session)
            == ["pt TIMESTAMP_LTZ(3)"])
        #expect(try schema(of: "SELECT p.event_time AS pt FROM prices p JOIN news n ON p.symbol = n.symbol AND n.event_time > p.event_time", in: session)
            == ["pt TIMESTAMP_LTZ(3)"], "a one-sided bound is not an interval join")
    }

    @Test func intervalBoundsAreReadFromEveryComparisonForm() throws {
        func bounds(_ condition: String) throws -> IntervalBounds? {
            let job = try plan("SELECT p.symbol FROM prices p JOIN news n ON p.symbol = n.symbol AND \(condition)", in: session)
            for node in job.physical.nodes { if case .intervalJoin(_, _, _, let bounds, _) = node.operation { return bounds } }
            return nil
        }
        #expect(try bounds("p.event_time = n.event_time").map { [$0.lower, $0.upper] } == [0, 0])
        #expect(try bounds("n.event_time BETWEEN p.event_time - INTERVAL '1' MINUTE AND p.event_time + INTERVAL '2' MINUTE").map { [$0.lower, $0.upper] } == [-120_000, 60_000])
        #expect(try bounds("p.event_time >= n.event_time AND p.event_time < n.event_time + INTERVAL '10' SECOND").map { [$0.lower, $0.upper] } == [0, 9_999])
        #expect(try bounds("n.event_time > p.event_time - INTERVAL '1' SECOND AND n.event_time <= p.event_time").map { [$0.lower, $0.upper] } == [0, 999])
    }

    @Test func windowTableFunctionsAddWindowColumnsAndMoveTheTimeAttribute() throws {
        #expect(try schema(of: "SELECT * FROM TABLE(TUMBLE(TABLE prices, DESCRIPTOR(event_time), INTERVAL '10' MINUTES))", in: session).suffix(4)
            == ["event_time TIMESTAMP_LTZ(3)", "window_start TIMESTAMP(3) NOT NULL", "window_end TIMESTAMP(3) NOT NULL", "window_time TIMESTAMP_LTZ(3) NOT NULL *ROWTIME*"])
    }

    @Test func windowAggregatesKeepWindowTimeAsRowtime() throws {
        let sql = """
            SELECT symbol, window_start, window_end, window_time, SUM(qty) AS volume
            FROM TABLE(HOP(TABLE prices, DESCRIPTOR(event_time), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE))
            GROUP BY symbol, window_start, window_end, window_time
            """
        #expect(try schema(of: sql, in: session) == [
            "symbol STRING", "window_start TIMESTAMP(3) NOT NULL", "window_end TIMESTAMP(3) NOT NULL",
            "window_time TIMESTAMP_LTZ(3) NOT NULL *ROWTIME*", "volume INT",
        ])
        let job = try plan(sql, in: session)
        #expect(job.physical.nodes.contains { if case .windowAggregate = $0.operation { return true }; return false })
        #expect(job.physical.nodes.allSatisfy { !$0.emitsUpdates && !$0.state.isUnbounded })
    }

    @Test func viewsCarryTimeAttributesThrough() throws {
        _ = try session.executeScript("CREATE VIEW recent AS SELECT symbol, event_time FROM prices WHERE qty > 0")
        #expect(try schema(of: "SELECT LAG(symbol) OVER (ORDER BY event_time) AS previous FROM recent", in: session) == ["previous STRING"])
    }
}
