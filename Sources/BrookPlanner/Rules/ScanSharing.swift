// Rule: read each source once, however many branches of the plan use it.
import BrookCore

/// Widens every scan of a table to the union of the columns any scan of it reads, with a
/// projection on top where a branch wants fewer, so all branches share one source.
enum ScanSharing {
    static func apply(_ plans: [LogicalPlan]) -> [LogicalPlan] {
        var columnsByTable: [String: Set<Int>] = [:]
        var fieldByColumn: [String: [Int: Field]] = [:]
        for plan in plans { collect(plan, &columnsByTable, &fieldByColumn) }
        return plans.map { rewrite($0, columnsByTable, fieldByColumn) }
    }

    private static func collect(_ plan: LogicalPlan, _ columns: inout [String: Set<Int>], _ fields: inout [String: [Int: Field]]) {
        if case .scan(let scan) = plan {
            columns[scan.table, default: []].formUnion(scan.columns)
            for (position, column) in scan.columns.enumerated() { fields[scan.table, default: [:]][column] = scan.schema[position] }
        }
        for input in plan.inputs { collect(input, &columns, &fields) }
    }

    private static func rewrite(_ plan: LogicalPlan, _ columns: [String: Set<Int>], _ fields: [String: [Int: Field]]) -> LogicalPlan {
        guard case .scan(let scan) = plan else {
            return plan.replacingInputs(plan.inputs.map { rewrite($0, columns, fields) })
        }
        let all = columns[scan.table]!.sorted()
        if all == scan.columns { return plan }
        let shared = Scan(table: scan.table, columns: all, schema: Schema(all.map { fields[scan.table]![$0]! }))
        let expressions = scan.columns.map { column in
            BoundExpression.column(all.firstIndex(of: column)!, fields[scan.table]![column]!.type)
        }
        return .project(Project(input: .scan(shared), expressions: expressions, schema: scan.schema))
    }
}
