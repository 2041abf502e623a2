// Rule: move filter conjuncts as close to the sources as their meaning allows.
import BrookCore

/// Pushes each conjunct of a filter below projections, into the side of a join it reads,
/// below over-aggregates when it reads only partition keys, below aggregations when it reads
/// only group keys, and into every input of a union, so fewer rows reach stateful operators.
enum PredicatePushDown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        if case .filter(let filter) = plan {
            return push(filter.condition.conjuncts, into: apply(filter.input))
        }
        return plan.replacingInputs(plan.inputs.map(apply))
    }

    static func wrap(_ conjuncts: [BoundExpression], _ plan: LogicalPlan) -> LogicalPlan {
        guard let condition = BoundExpression.and(conjuncts) else { return plan }
        return .filter(Filter(input: plan, condition: condition))
    }

    static func push(_ conjuncts: [BoundExpression], into plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .filter(let inner):
            return push(conjuncts + inner.condition.conjuncts, into: inner.input)
        case .project(var project):
            var below: [BoundExpression] = []
            var above: [BoundExpression] = []
            for term in conjuncts {
                let used = term.columnsUsed
                if term.isDeterministic, used.allSatisfy({ project.expressions[$0].isDeterministic }) {
                    below.append(term.substituteColumns { project.expressions[$0] })
                } else {
                    above.append(term)
                }
            }
            project.input = push(below, into: project.input)
            return wrap(above, .project(project))
        case .join(var join):
            let leftCount = join.left.schema.count
            var left: [BoundExpression] = []
            var right: [BoundExpression] = []
            var above: [BoundExpression] = []
            for term in conjuncts {
                let used = term.columnsUsed
                let leftOnly = used.allSatisfy { $0 < leftCount }
                let rightOnly = used.allSatisfy { $0 >= leftCount }
                if leftOnly, join.type == .inner || join.type == .left, term.isDeterministic {
                    left.append(term)
                } else if rightOnly, join.type == .inner || join.type == .right, term.isDeterministic {
                    right.append(term.remapColumns { $0 - leftCount })
                } else {
                    above.append(term)
                }
            }
            join.left = push(left, into: join.left)
            join.right = push(right, into: join.right)
            return wrap(above, .join(join))
        case .union(var union):
            union.inputs = union.inputs.map { push(conjuncts, into: $0) }
            return .union(union)
        case .overAggregate(var over):
            let keys = Set(over.partitionKeys)
            let below = conjuncts.filter { $0.isDeterministic && $0.columnsUsed.isSubset(of: keys) }
            let above = conjuncts.filter { !($0.isDeterministic && $0.columnsUsed.isSubset(of: keys)) }
            over.input = push(below, into: over.input)
            return wrap(above, .overAggregate(over))
        case .aggregate(var aggregate):
            let keyCount = aggregate.groupKeys.count
            var below: [BoundExpression] = []
            var above: [BoundExpression] = []
            for term in conjuncts {
                if term.isDeterministic, term.columnsUsed.allSatisfy({ $0 < keyCount }) {
                    below.append(term.remapColumns { aggregate.groupKeys[$0] })
                } else {
                    above.append(term)
                }
            }
            aggregate.input = push(below, into: aggregate.input)
            return wrap(above, .aggregate(aggregate))
        case .windowTableFunction(var window):
            let inputCount = window.input.schema.count
            let below = conjuncts.filter { $0.isDeterministic && $0.columnsUsed.allSatisfy { $0 < inputCount } }
            let above = conjuncts.filter { !($0.isDeterministic && $0.columnsUsed.allSatisfy { $0 < inputCount }) }
            window.input = push(below, into: window.input)
            return wrap(above, .windowTableFunction(window))
        default:
            return wrap(conjuncts, plan)
        }
    }
}
