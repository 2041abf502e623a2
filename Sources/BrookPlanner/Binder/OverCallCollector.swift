// Collects OVER calls while a select list is bound, then builds the over-aggregates they need.
import BrookCore

/// OVER calls found in a select list. Until the over-aggregates exist each call is referred to
/// by a provisional column index; `build` creates one over-aggregate per distinct PARTITION BY
/// and ORDER BY (calls sharing them share the node, each keeping its own frame) and maps the
/// provisional indices to the real columns.
struct OverCallCollector {
    static let provisionalBase = 1 << 40

    struct Pending: Hashable {
        var partitionKeys: [Int]
        var orderKey: Int
        var call: OverCall
        /// ROW_NUMBER's sort keys when it is not ordered by time (see `OverAggregate.ranking`).
        var ranking: [SortKey]? = nil
    }

    private(set) var calls: [Pending] = []

    /// The provisional column index standing for `call`; identical calls share one.
    mutating func add(_ pending: Pending) -> Int {
        if let existing = calls.firstIndex(of: pending) { return OverCallCollector.provisionalBase + existing }
        calls.append(pending)
        return OverCallCollector.provisionalBase + calls.count - 1
    }

    func build(over input: LogicalPlan) -> (plan: LogicalPlan, remap: (Int) -> Int) {
        var groups: [(partition: [Int], order: Int, ranking: [SortKey]?, members: [Int])] = []
        for (index, pending) in calls.enumerated() {
            if let group = groups.firstIndex(where: { $0.partition == pending.partitionKeys && $0.order == pending.orderKey && $0.ranking == pending.ranking }) {
                groups[group].members.append(index)
            } else {
                groups.append((pending.partitionKeys, pending.orderKey, pending.ranking, [index]))
            }
        }
        var plan = input
        var finalIndex = [Int](repeating: 0, count: calls.count)
        for (groupNumber, group) in groups.enumerated() {
            var fields = plan.schema.fields
            var overCalls: [OverCall] = []
            for (position, member) in group.members.enumerated() {
                finalIndex[member] = fields.count
                let call = calls[member].call
                overCalls.append(call)
                fields.append(Field(name: "w\(groupNumber)$o\(position)", type: call.type))
            }
            plan = .overAggregate(OverAggregate(input: plan, partitionKeys: group.partition, orderKey: group.order,
                                                calls: overCalls, schema: Schema(fields), ranking: group.ranking))
        }
        let base = OverCallCollector.provisionalBase
        return (plan, { index in index >= base ? finalIndex[index - base] : index })
    }
}
