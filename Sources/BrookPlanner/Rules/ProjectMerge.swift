// Rule: fold stacked projections into one and drop projections that change nothing.
import BrookCore

/// Composes `Project(Project(x))` into one projection over `x` (when the inner one is
/// deterministic, so evaluating it per use changes nothing) and removes identity projections.
enum ProjectMerge {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        let rewritten = plan.replacingInputs(plan.inputs.map(apply))
        guard case .project(var project) = rewritten else { return rewritten }
        if case .project(let inner) = project.input, inner.expressions.allSatisfy(\.isDeterministic) {
            project.expressions = project.expressions.map { $0.substituteColumns { inner.expressions[$0] } }
            project.input = inner.input
        }
        let input = project.input.schema
        let isIdentity = project.expressions.count == input.count
            && project.expressions.enumerated().allSatisfy { index, expression in
                if case .column(index, _) = expression { return true }
                return false
            }
            && project.schema.fields == input.fields
        return isIdentity ? project.input : .project(project)
    }
}
