// GROUP BY state while a SELECT block is bound: the keys, and the aggregate calls found so far.
import BrookCore
import BrookSQL

/// The group keys of an aggregated SELECT and the aggregate calls its select list and HAVING
/// use. After the aggregate, column k is key k and column `keys + i` is call i.
struct Grouping {
    let input: LogicalPlan
    let inputScope: Scope
    let keyExpressions: [Expression]
    let keyBound: [BoundExpression]
    let keyFields: [Field]
    var calls: [AggregateCall] = []
    /// Input column index → key position, for keys that are plain columns.
    let keyOfColumn: [Int: Int]
    /// Positions of window_start and window_end among the keys when grouping a window table function.
    let windowKeys: (start: Int, end: Int)?

    init(binder: Binder, groupBy: [Expression], input: LogicalPlan) throws(SQLError) {
        self.input = input
        self.inputScope = Scope(input.schema)
        let context = ExpressionContext(binder: binder, scope: inputScope, clause: "GROUP BY")
        var bound: [BoundExpression] = []
        var fields: [Field] = []
        var keyOfColumn: [Int: Int] = [:]
        for expression in groupBy {
            if binder.containsAggregate(expression) {
                throw SQLError("GROUP BY cannot contain an aggregate function", at: expression.range)
            }
            let key = try context.bind(expression)
            if case .column(let index, _) = key {
                keyOfColumn[index] = keyOfColumn[index] ?? bound.count
                fields.append(input.schema[index].materialized)
            } else {
                fields.append(Field(name: "EXPR$\(bound.count)", type: key.type))
            }
            bound.append(key)
        }
        var windowKeys: (start: Int, end: Int)?
        if let windowed = Grouping.windowTableFunction(under: input) {
            let count = windowed.schema.count
            if let start = keyOfColumn[count - 3], let end = keyOfColumn[count - 2] {
                windowKeys = (start, end)
                if let time = keyOfColumn[count - 1] { fields[time].timeAttribute = .rowtime }
            }
        }
        self.keyExpressions = groupBy
        self.keyBound = bound
        self.keyFields = fields.map { field in
            var copy = field
            copy.qualifier = nil
            return copy
        }
        self.keyOfColumn = keyOfColumn
        self.windowKeys = windowKeys
    }

    /// The window table function a GROUP BY reads, when only filters lie between them (so its
    /// window columns keep their positions at the end of the row).
    static func windowTableFunction(under plan: LogicalPlan) -> WindowTableFunctionNode? {
        switch plan {
        case .windowTableFunction(let node): return node
        case .filter(let filter): return windowTableFunction(under: filter.input)
        default: return nil
        }
    }

    mutating func add(_ call: AggregateCall) -> Int {
        if let existing = calls.firstIndex(of: call) { return keyBound.count + existing }
        calls.append(call)
        return keyBound.count + calls.count - 1
    }

    /// The aggregate node. Keys that are expressions are computed by a projection beneath it.
    func plan(calls: [AggregateCall]) -> LogicalPlan {
        var source = input
        var keys: [Int] = []
        let computed = keyBound.filter { if case .column = $0 { return false }; return true }
        if computed.isEmpty {
            keys = keyBound.compactMap { if case .column(let index, _) = $0 { return index }; return nil }
        } else {
            var expressions = input.schema.fields.indices.map { BoundExpression.column($0, input.schema[$0].type) }
            var fields = input.schema.fields
            for key in keyBound {
                if case .column(let index, _) = key {
                    keys.append(index)
                } else {
                    keys.append(expressions.count)
                    expressions.append(key)
                    fields.append(Field(name: "$key\(keys.count - 1)", type: key.type))
                }
            }
            source = .project(Project(input: input, expressions: expressions, schema: Schema(fields)))
        }
        let callFields = calls.enumerated().map { index, call in Field(name: "EXPR$\(keyBound.count + index)", type: call.type) }
        var aggregate = Aggregate(input: source, groupKeys: keys, calls: calls, schema: Schema(keyFields + callFields))
        aggregate.windowKeys = windowKeys
        return .aggregate(aggregate)
    }
}
