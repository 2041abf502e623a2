// The order in which the logical rules run.

/// Runs the logical rules in a fixed order: aliases dropped, projections merged, predicates
/// pushed down, columns pruned (each sink's plan on its own), then, across all the sinks of
/// one job, scans shared and over-aggregates merged (last, because merging needs the shared
/// scans to recognise equal inputs), and a final merge of the projections that adds.
public enum Optimizer {
    public static func optimize(_ roots: [LogicalPlan]) -> [LogicalPlan] {
        let pruned = roots.map { root -> LogicalPlan in
            var plan = QualifierRemoval.apply(root)
            plan = ProjectMerge.apply(plan)
            plan = PredicatePushDown.apply(plan)
            plan = ProjectMerge.apply(plan)
            plan = ProjectionPruning.apply(plan)
            return ProjectMerge.apply(plan)
        }
        return OverAggregateMerge.apply(ScanSharing.apply(pruned)).map(ProjectMerge.apply)
    }
}
