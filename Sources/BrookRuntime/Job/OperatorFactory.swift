// Instantiates the runtime operator for a physical plan node.
import BrookCore
import BrookPlanner

/// Maps each physical operator to its runtime implementation, compiling its expressions.
enum OperatorFactory {
    static func make(_ node: PhysicalNode, plan: PhysicalPlan, inputTypes: [DataType], context: EvaluationContext) throws(RuntimeError) -> StreamOperator {
        switch node.operation {
        case .calc(let projection, let condition):
            return CalcOperator(condition: condition.map(ExpressionCompiler.compile), projection: projection.map(ExpressionCompiler.compile), context: context)
        case .overAggregate(let partitionKeys, let orderKey, let calls):
            let input = plan[node.inputs[0]].schema
            return OverAggregateOperator(partitionKeys: partitionKeys, orderKey: orderKey, calls: calls, inputTypes: inputTypes,
                                         rowtimeColumns: input.rowtimeIndices, context: context)
        case .intervalJoin(let type, let leftKeys, let rightKeys, let bounds, let residual):
            return IntervalJoinOperator(type: type, leftKeys: leftKeys, rightKeys: rightKeys, bounds: bounds, residual: residual.map(ExpressionCompiler.compile),
                                        leftTypes: plan[node.inputs[0]].schema.fields.map(\.type.type),
                                        rightTypes: plan[node.inputs[1]].schema.fields.map(\.type.type), context: context)
        case .union:
            return UnionOperator()
        default:
            throw RuntimeError("the \(node.operation.name) operator is not part of this build's runtime yet")
        }
    }
}
