// Binding of one SELECT block: FROM, WHERE, GROUP BY, HAVING, OVER windows, the select list, DISTINCT.
import BrookCore
import BrookSQL

extension Binder {
    func bindSelect(_ select: Select) throws(SQLError) -> LogicalPlan {
        var plan: LogicalPlan
        if let from = select.from {
            plan = try bindFrom(from)
        } else {
            plan = .values(Values(rows: [[]], schema: Schema([])))
        }
        var namedWindows: [String: WindowSpecification] = [:]
        for window in select.windows {
            guard namedWindows[window.name.value] == nil else {
                throw SQLError("window '\(window.name.value)' is defined twice", at: window.name.range)
            }
            namedWindows[window.name.value] = window.specification
        }
        if let condition = select.whereClause {
            let context = ExpressionContext(binder: self, scope: Scope(plan.schema), clause: "WHERE")
            let bound = try context.bind(condition)
            try expectBoolean(bound, condition, "WHERE")
            plan = .filter(Filter(input: plan, condition: bound))
        }
        var groupBy = select.groupBy
        let groupWindow = try LegacyGroupWindow.find(in: select.groupBy)
        if let groupWindow {
            plan = try groupWindow.assign(to: plan, binder: self)
            let auxiliaryUses = select.items.compactMap { if case .expression(let expression, _) = $0 { return expression }; return nil }
                + (select.having.map { [$0] } ?? [])
            groupBy = groupWindow.groupBy(select.groupBy, withRowtime: LegacyGroupWindow.usesRowtime(auxiliaryUses))
        }
        let items = try expandWildcards(select.items, schema: plan.schema)
        let isAggregated = !groupBy.isEmpty || select.having != nil
            || items.contains { containsAggregate($0.expression) }
        let context = ExpressionContext(binder: self, scope: Scope(plan.schema), clause: "SELECT")
        context.namedWindows = namedWindows
        context.groupWindow = groupWindow
        var having: BoundExpression?
        if isAggregated {
            let grouping = try Grouping(binder: self, groupBy: groupBy, input: plan)
            context.grouping = grouping
            context.overCalls = OverCallCollector()
            var boundItems: [BoundExpression] = []
            for item in items { boundItems.append(try context.bind(item.expression)) }
            if let condition = select.having {
                context.clause = "HAVING"
                let bound = try context.bind(condition)
                try expectBoolean(bound, condition, "HAVING")
                having = bound
            }
            plan = grouping.plan(calls: context.grouping!.calls)
            if let having { plan = .filter(Filter(input: plan, condition: having)) }
            return try finishSelect(items: items, bound: boundItems, context: context, input: plan, distinct: select.distinct)
        }
        context.overCalls = OverCallCollector()
        var boundItems: [BoundExpression] = []
        for item in items { boundItems.append(try context.bind(item.expression)) }
        return try finishSelect(items: items, bound: boundItems, context: context, input: plan, distinct: select.distinct)
    }

    private func expectBoolean(_ bound: BoundExpression, _ expression: Expression, _ clause: String) throws(SQLError) {
        guard bound.type.type == .boolean || bound.type.type == .null else {
            throw SQLError("\(clause) condition must be BOOLEAN, got \(bound.type.type)", at: expression.range)
        }
    }

    /// Builds the over-aggregates the select list asked for, then the final projection.
    private func finishSelect(items: [(expression: Expression, name: String)], bound: [BoundExpression], context: ExpressionContext,
                              input: LogicalPlan, distinct: Bool) throws(SQLError) -> LogicalPlan {
        var plan = input
        var expressions = bound
        if let collector = context.overCalls, !collector.calls.isEmpty {
            let built = collector.build(over: plan)
            plan = built.plan
            expressions = expressions.map { $0.remapColumns(built.remap) }
        }
        let fields = zip(items, expressions).map { item, expression -> Field in
            var timeAttribute = TimeAttribute.none
            if case .column(let index, _) = expression { timeAttribute = plan.schema[index].timeAttribute }
            return Field(name: item.name, type: expression.type, timeAttribute: timeAttribute)
        }
        let identity = expressions.count == plan.schema.count
            && expressions.enumerated().allSatisfy { index, expression in expression == .column(index, plan.schema[index].type) }
            && fields == plan.schema.fields
        let result: LogicalPlan = identity ? plan : .project(Project(input: plan, expressions: expressions, schema: Schema(fields)))
        return distinct ? self.distinct(result) : result
    }

    /// The select list with `*` and `t.*` replaced by columns, each item with its output name
    /// (the alias, the column name, or Flink's `EXPR$n`).
    private func expandWildcards(_ items: [SelectItem], schema: Schema) throws(SQLError) -> [(expression: Expression, name: String)] {
        var result: [(expression: Expression, name: String)] = []
        for item in items {
            switch item {
            case .wildcard(let qualifier, let range):
                let chosen = schema.fields.filter { qualifier == nil || $0.qualifier == qualifier!.value }
                if chosen.isEmpty {
                    throw SQLError(qualifier.map { "unknown table or alias '\($0.value)'" } ?? "SELECT * needs a FROM clause", at: range)
                }
                for field in chosen {
                    let parts = field.qualifier.map { [Identifier($0, range: range), Identifier(field.name, range: range)] } ?? [Identifier(field.name, range: range)]
                    result.append((Expression(.column(QualifiedName(parts)), range: range), field.name))
                }
            case .expression(let expression, let alias):
                let name: String
                if let alias {
                    name = alias.value
                } else if case .column(let columnName) = expression.kind {
                    name = columnName.last.value
                } else {
                    name = "EXPR$\(result.count)"
                }
                result.append((expression, name))
            }
        }
        return result
    }

    /// True when `expression` calls an aggregate function outside any OVER clause.
    func containsAggregate(_ expression: Expression) -> Bool {
        var found = false
        expression.visit { node in
            if case .function(let call) = node.kind, call.over == nil,
               functions.lookup(call.name.value)?.kind == .aggregate {
                found = true
                return false
            }
            if case .function(let call) = node.kind, call.over != nil { return false }
            return true
        }
        return found
    }
}

extension Expression {
    /// Calls `body` on this node and, while it returns true, on the node's children.
    func visit(_ body: (Expression) -> Bool) {
        guard body(self) else { return }
        for child in children { child.visit(body) }
    }

    var children: [Expression] {
        switch kind {
        case .column, .literal: return []
        case .unary(_, let operand): return [operand]
        case .binary(_, let a, let b): return [a, b]
        case .isNull(let operand, _), .isBoolean(let operand, _, _): return [operand]
        case .between(let operand, let low, let high, _, _): return [operand, low, high]
        case .isDistinctFrom(let a, let b, _): return [a, b]
        case .isUnknown(let operand, _): return [operand]
        case .roundTime(let operand, _, _): return [operand]
        case .timestampAdd(_, let count, let operand): return [count, operand]
        case .timestampDiff(_, let a, let b): return [a, b]
        case .inList(let operand, let list, _): return [operand] + list
        case .like(let operand, let pattern, let escape, _): return [operand, pattern] + (escape.map { [$0] } ?? [])
        case .caseWhen(let operand, let branches, let otherwise):
            return (operand.map { [$0] } ?? []) + branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        case .cast(let operand, _, _): return [operand]
        case .function(let call): return call.arguments + (call.filter.map { [$0] } ?? [])
        case .jsonObject(let entries, _): return entries.flatMap { [$0.key, $0.value] }
        case .extract(_, let operand): return [operand]
        case .trim(_, let characters, let source): return (characters.map { [$0] } ?? []) + [source]
        case .substring(let source, let from, let length): return [source, from] + (length.map { [$0] } ?? [])
        case .item(let base, let key): return [base, key]
        case .mapValue(let arguments): return arguments
        }
    }
}
