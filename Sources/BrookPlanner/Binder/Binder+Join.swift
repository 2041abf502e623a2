// Binding of joins, and the analysis that finds equi-keys and interval-join time bounds.
import BrookCore
import BrookSQL

extension Binder {
    func bindJoin(_ kind: JoinKind, left: LogicalPlan, right: LogicalPlan, condition: Expression?) throws(SQLError) -> LogicalPlan {
        let leftCount = left.schema.count
        let combined = Scope(fields: left.schema.fields + right.schema.fields)
        var bound: BoundExpression?
        if let condition {
            let expression = try ExpressionContext(binder: self, scope: combined, clause: "ON").bind(condition)
            guard expression.type.type == .boolean || expression.type.type == .null else {
                throw SQLError("join condition must be BOOLEAN, got \(expression.type.type)", at: condition.range)
            }
            bound = expression
        }
        if let bound, let keyed = Binder.computedKeys(bound, left: left, right: right) {
            return bindJoin(kind, keyed: keyed, originalLeftCount: leftCount, originalRightCount: right.schema.count)
        }
        return bindJoin(kind, left: left, right: right, bound: bound)
    }

    /// A join whose inputs were extended with computed key columns (see `computedKeys`), with a
    /// projection on top that drops them again.
    private func bindJoin(_ kind: JoinKind, keyed: ComputedJoinKeys, originalLeftCount: Int, originalRightCount: Int) -> LogicalPlan {
        let join = bindJoin(kind, left: keyed.left, right: keyed.right, bound: keyed.condition)
        let leftCount = keyed.left.schema.count
        let kept = Array(0..<originalLeftCount) + (0..<originalRightCount).map { leftCount + $0 }
        let fields = kept.map { join.schema.fields[$0] }
        return .project(Project(input: join, expressions: kept.map { .column($0, join.schema.fields[$0].type) }, schema: Schema(fields)))
    }

    private func bindJoin(_ kind: JoinKind, left: LogicalPlan, right: LogicalPlan, bound: BoundExpression?) -> LogicalPlan {
        let leftCount = left.schema.count
        let combined = Scope(fields: left.schema.fields + right.schema.fields)
        let type: JoinType
        switch kind {
        case .inner, .cross: type = .inner
        case .left: type = .left
        case .right: type = .right
        case .full: type = .full
        }
        let analysis = JoinConditionAnalysis(condition: bound, leftCount: leftCount, schema: combined.fields)
        var fields = combined.fields
        if analysis.interval == nil {
            fields = fields.map(\.materialized)
        }
        if type == .left || type == .full {
            for index in leftCount..<fields.count { fields[index].type.nullable = true }
        }
        if type == .right || type == .full {
            for index in 0..<leftCount { fields[index].type.nullable = true }
        }
        return .join(Join(type: type, left: left, right: right, condition: bound, leftKeys: analysis.leftKeys,
                          rightKeys: analysis.rightKeys, interval: analysis.interval, residual: analysis.residual, schema: Schema(fields)))
    }
}

/// Join inputs extended with key columns computed from expressions, and the condition over them.
struct ComputedJoinKeys {
    var left: LogicalPlan
    var right: LogicalPlan
    var condition: BoundExpression
}

extension Binder {
    /// Equalities between an expression over the left input and one over the right
    /// (`UPPER(a.s) = b.s`, or a column compared with a cast column) become join keys, as Flink
    /// computes them in a projection below the join: otherwise every row would meet every other
    /// in one key group. Each input gets its key expressions appended as columns and the
    /// condition compares those columns. Nil when the condition has no such equality.
    static func computedKeys(_ condition: BoundExpression, left: LogicalPlan, right: LogicalPlan) -> ComputedJoinKeys? {
        let leftCount = left.schema.count
        var leftKeys: [BoundExpression] = []
        var rightKeys: [BoundExpression] = []
        var keyTerms: [Int] = []
        let terms = condition.conjuncts
        for (position, term) in terms.enumerated() {
            guard case .call("=", let args, _) = term, args.count == 2, term.isDeterministic else { continue }
            if case .column = args[0], case .column = args[1] { continue }
            let sides = args.map(\.columnsUsed)
            guard !sides[0].isEmpty, !sides[1].isEmpty else { continue }
            let onLeft = sides.map { $0.allSatisfy { $0 < leftCount } }
            let onRight = sides.map { $0.allSatisfy { $0 >= leftCount } }
            let pair: (BoundExpression, BoundExpression)
            if onLeft[0], onRight[1] { pair = (args[0], args[1]) } else if onLeft[1], onRight[0] { pair = (args[1], args[0]) } else { continue }
            leftKeys.append(pair.0)
            rightKeys.append(pair.1.remapColumns { $0 - leftCount })
            keyTerms.append(position)
        }
        guard !keyTerms.isEmpty else { return nil }
        func extended(_ plan: LogicalPlan, with keys: [BoundExpression]) -> LogicalPlan {
            let fields = plan.schema.fields
            let keyFields = keys.enumerated().map { Field(name: "$key\($0.offset)", type: $0.element.type) }
            return .project(Project(input: plan, expressions: fields.indices.map { .column($0, fields[$0].type) } + keys,
                                    schema: Schema(fields + keyFields)))
        }
        let newLeft = extended(left, with: leftKeys)
        let newRight = extended(right, with: rightKeys)
        let newLeftCount = newLeft.schema.count
        let rightStart = newLeftCount + right.schema.count
        var rewritten: [BoundExpression] = []
        for (position, term) in terms.enumerated() {
            if let key = keyTerms.firstIndex(of: position) {
                rewritten.append(.call("=", [.column(leftCount + key, leftKeys[key].type), .column(rightStart + key, rightKeys[key].type)], term.type))
            } else {
                rewritten.append(term.remapColumns { $0 < leftCount ? $0 : $0 + leftKeys.count })
            }
        }
        return ComputedJoinKeys(left: newLeft, right: newRight, condition: BoundExpression.and(rewritten)!)
    }
}

/// Splits a join condition into equi-keys (left column = right column), interval bounds on the
/// two sides' rowtimes, and a residual predicate for everything else.
struct JoinConditionAnalysis {
    var leftKeys: [Int] = []
    var rightKeys: [Int] = []
    var interval: IntervalBounds?
    var residual: BoundExpression?

    init(condition: BoundExpression?, leftCount: Int, schema: [Field]) {
        guard let condition else { return }
        var residualTerms: [BoundExpression] = []
        var timePair: (left: Int, right: Int)?
        var lower: Int64?
        var upper: Int64?
        var timeTerms: [BoundExpression] = []
        for term in condition.conjuncts {
            if let bound = JoinConditionAnalysis.timeBound(term, leftCount: leftCount, schema: schema),
               timePair == nil || (timePair!.left == bound.left && timePair!.right == bound.right) {
                timePair = (bound.left, bound.right)
                if let value = bound.lower { lower = max(lower ?? value, value) }
                if let value = bound.upper { upper = min(upper ?? value, value) }
                timeTerms.append(term)
                continue
            }
            if case .call("=", let args, _) = term, case .column(let a, _) = args[0], case .column(let b, _) = args[1] {
                if a < leftCount, b >= leftCount {
                    leftKeys.append(a)
                    rightKeys.append(b - leftCount)
                    continue
                }
                if b < leftCount, a >= leftCount {
                    leftKeys.append(b)
                    rightKeys.append(a - leftCount)
                    continue
                }
            }
            residualTerms.append(term)
        }
        if let timePair, let lower, let upper {
            interval = IntervalBounds(leftTime: timePair.left, rightTime: timePair.right - leftCount, lower: lower, upper: upper)
        } else {
            residualTerms += timeTerms
        }
        residual = BoundExpression.and(residualTerms)
    }

    /// A rowtime column plus a constant number of milliseconds: `t`, `t + INTERVAL ...`, `t - INTERVAL ...`.
    static func shiftedRowtime(_ expression: BoundExpression, schema: [Field]) -> (column: Int, shift: Int64)? {
        switch expression {
        case .column(let index, _):
            return schema[index].isRowtime ? (index, 0) : nil
        case .call(let op, let args, _) where (op == "+" || op == "-") && args.count == 2:
            if let base = shiftedRowtime(args[0], schema: schema), case .intervalMilliseconds(let ms)? = ConstantFolder.evaluate(args[1]) {
                return (base.column, base.shift + (op == "+" ? ms : -ms))
            }
            if op == "+", let base = shiftedRowtime(args[1], schema: schema), case .intervalMilliseconds(let ms)? = ConstantFolder.evaluate(args[0]) {
                return (base.column, base.shift + ms)
            }
            return nil
        default:
            return nil
        }
    }

    /// Reads `term` as a bound on `leftTime - rightTime` in milliseconds, when it compares one
    /// side's rowtime with the other's. Strict comparisons tighten by one millisecond, as Flink does.
    static func timeBound(_ term: BoundExpression, leftCount: Int, schema: [Field]) -> (left: Int, right: Int, lower: Int64?, upper: Int64?)? {
        guard case .call(var op, let args, _) = term, args.count == 2, ["=", "<", "<=", ">", ">="].contains(op),
              var a = shiftedRowtime(args[0], schema: schema), var b = shiftedRowtime(args[1], schema: schema) else { return nil }
        if a.column >= leftCount, b.column < leftCount {
            swap(&a, &b)
            op = ["<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="][op]!
        }
        guard a.column < leftCount, b.column >= leftCount else { return nil }
        let difference = b.shift - a.shift
        switch op {
        case "=": return (a.column, b.column, difference, difference)
        case ">=": return (a.column, b.column, difference, nil)
        case ">": return (a.column, b.column, difference + 1, nil)
        case "<=": return (a.column, b.column, nil, difference)
        default: return (a.column, b.column, nil, difference - 1)
        }
    }
}
