// What executing one statement produced, for the command line and the shell to show.
import BrookCore
import BrookSQL

/// A planned streaming job: one INSERT or a statement set, from bound plan to physical DAG.
public struct PlannedJob: Sendable {
    /// A short name for job lists: the sink tables it writes.
    public var name: String
    /// The plans as bound, before the rules ran (what EXPLAIN shows as the logical plan).
    public var logical: [LogicalPlan]
    public var optimized: [LogicalPlan]
    public var physical: PhysicalPlan
    /// `parallelism.default` when the job was planned: how many tasks EXPLAIN places operators on.
    public var parallelism = 1

    public var explanation: String { PlanPrinter.explain(logical: logical, physical: physical, parallelism: parallelism) }
}

/// The outcome of one statement.
public enum StatementResult: Sendable {
    /// A statement that changes the session or catalog; the message says what happened.
    case done(String)
    /// Rows to print as a table (SHOW, DESCRIBE, SET).
    case rows(columns: [String], rows: [[String]])
    case explain(String)
    /// An INSERT or statement set, planned and ready for the runtime.
    case job(PlannedJob)
    /// A SELECT, planned; its root is the query itself rather than a sink.
    case query(PlannedJob)
    /// SHOW JOBS, answered by whoever runs jobs (the shell), not by the planner.
    case showJobs
    /// STOP JOB 'id', likewise carried out by whoever runs jobs.
    case stopJob(String)
}

/// Why a statement failed: a mistake in its SQL (with a place), or a failure to store the catalog.
public enum SessionError: Error, Sendable {
    case sql(SQLError)
    case storage(String)

    /// The error as the user sees it: `file:line:col: message`, the line and a caret.
    public func render(_ source: SourceText) -> String {
        switch self {
        case .sql(let error): return source.render(error)
        case .storage(let message): return "\(source.name): \(message)"
        }
    }
}
