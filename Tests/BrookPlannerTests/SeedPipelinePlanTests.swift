// The seed pipeline plans on event time: interval joins, one merged over-aggregate, bounded state.
import BrookCore
import BrookPlanner
import BrookSQL
import Foundation
import Testing

@Suite struct SeedPipelinePlanTests {
    func seedJob(_ file: String = "sql/ddl.sql") throws -> PlannedJob {
        let session = try Session(home: nil)
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
        let results = try session.executeScript(text)
        for case .job(let job) in results { return job }
        throw PlannerTestFailure(message: "no job in \(file)")
    }

    @Test(arguments: ["sql/ddl.sql", "sql/ddl.kafka.sql"])
    func bothFormsPlan(_ file: String) throws {
        let job = try seedJob(file)
        #expect(job.name == "trading_signals_sink")
        #expect(job.physical.nodes.contains { if case .source = $0.operation { return true }; return false })
    }

    @Test func newsAndPricesIsAnIntervalJoinKeepingBothRowtimes() throws {
        let job = try seedJob()
        let joins = job.physical.nodes.filter { if case .intervalJoin = $0.operation { return true }; return false }
        #expect(joins.count == 2, "price_with_movavg and news_and_prices are both interval joins")
        let bounds = joins.compactMap { node -> IntervalBounds? in
            if case .intervalJoin(_, _, _, let bounds, _) = node.operation { return bounds }
            return nil
        }
        #expect(bounds.contains { $0.lower == -60_000 && $0.upper == 60_000 })
        #expect(bounds.contains { $0.lower == 0 && $0.upper == 0 })
        for join in joins { #expect(join.schema.rowtimeIndices.count == 2) }
        #expect(!job.physical.nodes.contains { if case .regularJoin = $0.operation { return true }; return false })
    }

    @Test func smaWindowsShareOneOverAggregateWithTheirOwnFrames() throws {
        let job = try seedJob()
        let averages = job.physical.nodes.compactMap { node -> [OverCall]? in
            if case .overAggregate(_, _, let calls) = node.operation, calls.contains(where: { $0.function == "AVG" }) { return calls }
            return nil
        }
        #expect(averages.count == 1, "sma_20 and sma_50 are computed by one operator")
        let frames = averages.first?.map(\.frame.preceding) ?? []
        #expect(frames == [.offset(19), .offset(49)])
        let consumers = job.physical.consumerCounts
        let overID = job.physical.nodes.first { if case .overAggregate(_, _, let calls) = $0.operation { return calls.count == 2 }; return false }!.id
        #expect(consumers[overID] == 2, "both sides of the self-join read the shared operator")
    }

    @Test func eachSourceIsReadOnce() throws {
        let job = try seedJob()
        let sources = job.physical.nodes.compactMap { node -> String? in
            if case .source(let table, _, _, _) = node.operation { return table }
            return nil
        }
        #expect(sources.sorted() == ["market_news", "stock_prices"])
    }

    @Test func lagRunsOnNewsTimeAsATimeAttribute() throws {
        let job = try seedJob()
        let lag = job.physical.nodes.first { node in
            if case .overAggregate(_, _, let calls) = node.operation { return calls.map(\.function) == ["LAG"] }
            return false
        }
        let node = try #require(lag, "the two LAG calls are one call")
        guard case .overAggregate(_, let orderKey, _) = node.operation else { return }
        let input = job.physical[node.inputs[0]].schema[orderKey]
        #expect(input.name == "news_time")
        #expect(input.isRowtime)
    }

    @Test func noOperatorKeepsUnboundedStateAndNoneEmitsUpdates() throws {
        let job = try seedJob()
        for node in job.physical.nodes {
            #expect(!node.state.isUnbounded, "\(node.operation.name) keeps unbounded state")
            #expect(!node.emitsUpdates, "\(node.operation.name) emits updates")
        }
    }

    @Test func explainNamesStateTimeAndChangesForEveryOperator() throws {
        let text = try seedJob().explanation
        #expect(text.contains("== Logical Plan =="))
        #expect(text.contains("== Physical Plan =="))
        #expect(text.contains("IntervalJoin(type=[INNER], keys=[symbol = symbol0], interval=[event_time BETWEEN event_time0 - 1 min AND event_time0 + 1 min])"))
        #expect(text.contains("AVG(close) ROWS BETWEEN 19 PRECEDING AND CURRENT ROW AS w$o0, AVG(close) ROWS BETWEEN 49 PRECEDING AND CURRENT ROW AS w$o1"))
        let physical = text.components(separatedBy: "== Physical Plan ==")[1]
        let operators = physical.split(separator: "\n").filter { $0.contains("(#") && !$0.contains("Reused") }
        let stateLines = physical.split(separator: "\n").filter { $0.contains("state: ") }
        let timeLines = physical.split(separator: "\n").filter { $0.contains("time attribute: ") && $0.contains("changes: ") }
        #expect(operators.count == stateLines.count)
        #expect(operators.count == timeLines.count)
    }

    @Test func explainPlacesEveryOperatorOnTasksWhenParallel() throws {
        #expect(!(try seedJob().explanation.contains("tasks: ")), "one task needs no placement")
        var job = try seedJob()
        job.parallelism = 2
        let physical = job.explanation.components(separatedBy: "== Physical Plan ==")[1]
        let lines = physical.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " :+-")) }
        let operators = lines.filter { $0.contains("(#") && !$0.hasPrefix("Reused") }
        #expect(lines.filter { $0.hasPrefix("tasks: ") }.count == operators.count)
        #expect(lines.contains("tasks: 1; from #10: gathered into one task"), "the file sink runs in one task")
        #expect(lines.contains("tasks: 2; from #0: hash[symbol]; from #6: forward"), "news_and_prices joins by symbol; prices already are")
        #expect(lines.contains("tasks: 2; from #1: hash[symbol]"), "the moving averages partition by symbol")
        #expect(lines.filter { $0.contains("hash[") }.count == 2, "each source is hashed once; symbol then stays the partitioning")
        #expect(lines.contains("tasks: 2; from #8: forward"), "LAG over news_time partitions by the symbol the join already split on")
        #expect(lines.contains("tasks: 2 (each parses its share of the files' lines)"))
    }

    @Test func sinkReceivesSignalTimeWidenedToTheTablesPrecision() throws {
        let job = try seedJob()
        let sink = try #require(job.physical.nodes.first { if case .sink = $0.operation { return true }; return false })
        #expect(sink.schema.fields.map(\.description) == ["symbol STRING", "signal_time TIMESTAMP_LTZ(6)", "signal STRING"])
    }
}
