// Rule: compute over-aggregates that share input, PARTITION BY and ORDER BY in one operator.
import BrookCore

/// Finds over-aggregates anywhere in the plan with the same input, partition keys and order
/// key (the seed's sma_20 and sma_50) and replaces them with one that holds every call, each
/// keeping its own frame; each original becomes a projection of the merged node's columns.
enum OverAggregateMerge {
    struct Signature: Hashable {
        var input: LogicalPlan
        var partitionKeys: [Int]
        var orderKey: Int
        var ranking: [SortKey]?
    }

    static func apply(_ plans: [LogicalPlan]) -> [LogicalPlan] {
        var groups: [Signature: [OverCall]] = [:]
        for plan in plans { collect(plan, &groups) }
        let merged = groups.filter { $0.value.count > 1 }
        guard !merged.isEmpty else { return plans }
        return plans.map { rewrite($0, merged) }
    }

    private static func collect(_ plan: LogicalPlan, _ groups: inout [Signature: [OverCall]]) {
        for input in plan.inputs { collect(input, &groups) }
        guard case .overAggregate(let over) = plan else { return }
        let signature = Signature(input: over.input, partitionKeys: over.partitionKeys, orderKey: over.orderKey, ranking: over.ranking)
        for call in over.calls where !(groups[signature]?.contains(call) ?? false) {
            groups[signature, default: []].append(call)
        }
    }

    private static func rewrite(_ plan: LogicalPlan, _ groups: [Signature: [OverCall]]) -> LogicalPlan {
        let node = plan.replacingInputs(plan.inputs.map { rewrite($0, groups) })
        guard case .overAggregate(let over) = plan else { return node }
        let signature = Signature(input: over.input, partitionKeys: over.partitionKeys, orderKey: over.orderKey, ranking: over.ranking)
        guard let calls = groups[signature], calls != over.calls else { return node }
        guard case .overAggregate(let rewritten) = node else { return node }
        let inputFields = rewritten.input.schema.fields
        let inputCount = inputFields.count
        let mergedFields = inputFields + calls.enumerated().map { index, call in Field(name: "w$o\(index)", type: call.type) }
        let merged = LogicalPlan.overAggregate(OverAggregate(input: rewritten.input, partitionKeys: over.partitionKeys,
                                                             orderKey: over.orderKey, calls: calls, schema: Schema(mergedFields), ranking: over.ranking))
        let expressions = (0..<inputCount).map { BoundExpression.column($0, inputFields[$0].type) }
            + over.calls.map { call in BoundExpression.column(inputCount + calls.firstIndex(of: call)!, call.type) }
        return .project(Project(input: merged, expressions: expressions, schema: over.schema))
    }
}
