// Shared setup for planner tests: a session with market tables, and helpers to plan and fail.
import BrookCore
import BrookPlanner
import BrookSQL
import Foundation
import Testing

/// Tables shaped like the seed's, so tests can plan realistic queries.
let marketTables = """
    CREATE TABLE prices (
        symbol STRING, price DOUBLE, qty INT, amount DECIMAL(12, 2), ts BIGINT,
        event_time AS TO_TIMESTAMP_LTZ(ts, 3),
        WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
    ) WITH ('connector' = 'datagen');
    CREATE TABLE news (
        symbol STRING, headline STRING, sentiment DECIMAL, ts BIGINT,
        event_time AS TO_TIMESTAMP_LTZ(ts, 3),
        WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
    ) WITH ('connector' = 'datagen');
    CREATE TABLE plain (symbol STRING, n INT, f FLOAT, t TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
    CREATE TABLE out_append (a STRING, b BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'json');
    CREATE TABLE out_print (a STRING, b BIGINT) WITH ('connector' = 'print');
    """

func marketSession(_ extra: String = "") throws -> Session {
    let session = try Session(home: nil)
    _ = try session.executeScript(marketTables + extra)
    return session
}

/// The planned job of a SELECT or INSERT.
func plan(_ sql: String, in session: Session) throws -> PlannedJob {
    switch try session.execute(try Parser.parseStatement(sql)) {
    case .job(let job), .query(let job): return job
    default: throw PlannerTestFailure(message: "not a job: \(sql)")
    }
}

/// The bound output schema of a query, as `name TYPE` strings (`*ROWTIME*` marked).
func schema(of sql: String, in session: Session) throws -> [String] {
    try plan(sql, in: session).logical[0].schema.fields.map(\.description)
}

/// The SQL error `sql` raises, rendered with its caret as a user sees it.
func renderedError(_ sql: String, in session: Session) -> String? {
    do {
        _ = try session.executeScript(sql)
        return nil
    } catch {
        return error.render(SourceText(name: "q.sql", text: sql))
    }
}

struct PlannerTestFailure: Error {
    var message: String
}

/// The repository root, for tests that read `sql/`.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
