// Instantiates the runtime operator for a physical plan node.
import BrookCore
import BrookPlanner

/// Maps each physical operator to its runtime implementation, compiling its expressions.
enum OperatorFactory {
    /// How logs and the late-row table name an operator: its kind and plan node id, as EXPLAIN shows them.
    static func operatorName(_ node: PhysicalNode) -> String { "\(node.operation.name) #\(node.id)" }

    static func make(_ node: PhysicalNode, plan: PhysicalPlan, inputTypes: [DataType], settings: Settings, context: EvaluationContext,
                     lateRows: LateRowSink?) throws(RuntimeError) -> StreamOperator {
        let outputTypes = node.schema.fields.map(\.type.type)
        let name = operatorName(node)
        let late = { (input: Int) in lateRows?.channel(operator: name, schema: plan[node.inputs[input]].schema) }
        let ttl = settings["table.exec.state.ttl"].flatMap(DurationText.milliseconds).flatMap { $0 > 0 ? $0 : nil }
        switch node.operation {
        case .calc(let projection, let condition):
            return CalcOperator(condition: condition.map(ExpressionCompiler.compile), projection: projection.map(ExpressionCompiler.compile), context: context)
        case .overAggregate(let partitionKeys, let orderKey, let calls):
            let input = plan[node.inputs[0]].schema
            let over = OverAggregateOperator(partitionKeys: partitionKeys, orderKey: orderKey, calls: calls, inputTypes: inputTypes,
                                             rowtimeColumns: input.rowtimeIndices, context: context)
            over.lateRows = late(0)
            return over
        case .intervalJoin(let type, let leftKeys, let rightKeys, let bounds, let residual):
            let join = IntervalJoinOperator(type: type, leftKeys: leftKeys, rightKeys: rightKeys, bounds: bounds, residual: residual.map(ExpressionCompiler.compile),
                                            leftTypes: plan[node.inputs[0]].schema.fields.map(\.type.type),
                                            rightTypes: plan[node.inputs[1]].schema.fields.map(\.type.type), context: context)
            join.lateRows = [late(0), late(1)]
            return join
        case .union:
            return UnionOperator()
        case .regularJoin(let type, let leftKeys, let rightKeys, let residual):
            return RegularJoinOperator(type: type, leftKeys: leftKeys, rightKeys: rightKeys, residual: residual.map(ExpressionCompiler.compile),
                                       leftTypes: plan[node.inputs[0]].schema.fields.map(\.type.type),
                                       rightTypes: plan[node.inputs[1]].schema.fields.map(\.type.type), ttlMilliseconds: ttl, context: context)
        case .windowTableFunction(let kind, let timeColumn, let size, let step, let offset):
            return WindowTableFunctionOperator(kind: kind, timeColumn: timeColumn, size: size, step: step, offset: offset,
                                               timeType: inputTypes[timeColumn], context: context)
        case .windowAggregate(let groupKeys, let windowStart, let windowEnd, let calls):
            let window = WindowAggregateOperator(groupKeys: groupKeys, windowStart: windowStart, windowEnd: windowEnd,
                                                 endIsLocalTime: windowedOnInstant(node, plan), calls: calls, outputTypes: outputTypes, context: context)
            window.lateRows = late(0)
            return window
        case .groupAggregate(let groupKeys, let calls):
            return GroupAggregateOperator(groupKeys: groupKeys, calls: calls, outputTypes: outputTypes, isBatch: settings.isBatch,
                                          inputRetracts: plan[node.inputs[0]].emitsUpdates, ttlMilliseconds: ttl, context: context)
        case .temporalSort(let keys):
            let sort = TemporalSortOperator(keys: keys, types: outputTypes)
            sort.lateRows = late(0)
            return sort
        case .topN(let keys, let limit):
            return TopNOperator(keys: keys, limit: limit, types: outputTypes, inputRetracts: plan[node.inputs[0]].emitsUpdates)
        case .sort(let keys, let limit):
            return BatchSortOperator(keys: keys, limit: limit, types: outputTypes)
        case .rank(let partitionKeys, let order, let lower, let upper):
            return RankOperator(partitionKeys: partitionKeys, order: order, lower: lower, upper: upper, outputTypes: outputTypes,
                                inputRetracts: plan[node.inputs[0]].emitsUpdates, isBatch: settings.isBatch)
        case .source, .values, .sink:
            throw RuntimeError("\(node.operation.name) is not an operator")
        }
    }

    /// Whether the window table function feeding a window aggregate assigned windows on a
    /// TIMESTAMP_LTZ (so window_end is wall clock in the session time zone, not an instant).
    static func windowedOnInstant(_ node: PhysicalNode, _ plan: PhysicalPlan) -> Bool {
        var current = plan[node.inputs[0]]
        while true {
            if case .windowTableFunction(_, let timeColumn, _, _, _) = current.operation {
                return plan[current.inputs[0]].schema[timeColumn].type.type.isTimestampLTZ
            }
            guard let input = current.inputs.first else { return false }
            current = plan[input]
        }
    }
}
