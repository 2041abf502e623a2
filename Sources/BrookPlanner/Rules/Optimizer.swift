// The order in which the logical rules run.

/// Runs the logical rules in a fixed order: aliases dropped, projections merged, predicates
/// pushed down, columns pruned, scans shared, then over-aggregates merged (last, because it
/// needs the shared scans to recognise equal inputs) and a last merge of the projections it adds.
public enum Optimizer {
    public static func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        var plan = QualifierRemoval.apply(plan)
        plan = ProjectMerge.apply(plan)
        plan = PredicatePushDown.apply(plan)
        plan = ProjectMerge.apply(plan)
        plan = ProjectionPruning.apply(plan)
        plan = ProjectMerge.apply(plan)
        plan = ScanSharing.apply(plan)
        plan = OverAggregateMerge.apply(plan)
        return ProjectMerge.apply(plan)
    }
}
