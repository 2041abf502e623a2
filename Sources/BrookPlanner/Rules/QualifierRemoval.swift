// Rule: forget FROM aliases once names are resolved, so equal computations compare equal.
import BrookCore

/// Clears the table alias on every column of every node. Aliases only matter while names are
/// resolved; dropping them lets `FROM sma_20 s20` and `FROM sma_20` be recognised as one plan.
enum QualifierRemoval {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        let node = plan.replacingInputs(plan.inputs.map(apply))
        func clean(_ schema: Schema) -> Schema { schema.qualified(by: nil) }
        switch node {
        case .scan(var scan): scan.schema = clean(scan.schema); return .scan(scan)
        case .values(var values): values.schema = clean(values.schema); return .values(values)
        case .project(var project): project.schema = clean(project.schema); return .project(project)
        case .join(var join): join.schema = clean(join.schema); return .join(join)
        case .overAggregate(var over): over.schema = clean(over.schema); return .overAggregate(over)
        case .windowTableFunction(var window): window.schema = clean(window.schema); return .windowTableFunction(window)
        case .aggregate(var aggregate): aggregate.schema = clean(aggregate.schema); return .aggregate(aggregate)
        case .union(var union): union.schema = clean(union.schema); return .union(union)
        case .filter, .sort, .sink: return node
        }
    }
}
