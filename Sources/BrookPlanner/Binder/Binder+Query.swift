// Binding of queries: CTEs, SELECT blocks, set operations, VALUES, ORDER BY and LIMIT.
import BrookCore
import BrookSQL

extension Binder {
    func bindQuery(_ query: Query) throws(SQLError) -> LogicalPlan {
        var binder = self
        if !query.with.isEmpty {
            var tables: [String: LogicalPlan] = [:]
            binder.commonTables.append(tables)
            for cte in query.with {
                var plan = try binder.bindQuery(cte.query)
                if !cte.columns.isEmpty { plan = try renamed(plan, to: cte.columns, at: cte.name.range) }
                tables[cte.name.value] = plan
                binder.commonTables[binder.commonTables.count - 1] = tables
            }
        }
        var plan = try binder.bindBody(query.body)
        if !query.orderBy.isEmpty || query.limit != nil {
            plan = try binder.bindOrderAndLimit(query, over: plan)
        }
        return plan
    }

    func bindBody(_ body: QueryBody) throws(SQLError) -> LogicalPlan {
        switch body {
        case .select(let select): return try bindSelect(select)
        case .nested(let query): return try bindQuery(query)
        case .values(let rows, let range): return try bindValues(rows, columns: [], qualifier: nil, range: range)
        case .setOperation(let op, let all, let left, let right):
            let leftPlan = try bindBody(left)
            let rightPlan = try bindBody(right)
            guard op == .union else {
                throw SQLError("\(op.rawValue) is not supported; Brook supports UNION and UNION ALL", at: rangeOf(right))
            }
            let union = try bindUnion([leftPlan, rightPlan], at: rangeOf(right))
            return all ? union : distinct(union)
        }
    }

    private func rangeOf(_ body: QueryBody) -> SourceRange {
        switch body {
        case .select(let select): return select.range
        case .nested(let query): return query.range
        case .values(_, let range): return range
        case .setOperation(_, _, let left, let right): return rangeOf(left).union(rangeOf(right))
        }
    }

    /// UNION ALL of inputs whose columns line up; names come from the first input, and a column
    /// stays a time attribute only when it is one in every input.
    func bindUnion(_ inputs: [LogicalPlan], at range: SourceRange) throws(SQLError) -> LogicalPlan {
        var flattened: [LogicalPlan] = []
        for input in inputs {
            if case .union(let nested) = input { flattened += nested.inputs } else { flattened.append(input) }
        }
        let first = flattened[0].schema
        var fields = first.fields.map { field -> Field in
            var copy = field
            copy.qualifier = nil
            return copy
        }
        for input in flattened.dropFirst() {
            guard input.schema.count == first.count else {
                throw SQLError("UNION inputs have \(first.count) and \(input.schema.count) columns; they must have the same number", at: range)
            }
            for index in fields.indices {
                let other = input.schema[index]
                guard let common = TypeRules.commonType(fields[index].type.type, other.type.type) else {
                    throw SQLError("UNION column \(index + 1) ('\(fields[index].name)') is \(fields[index].type.type) in one input and \(other.type.type) in another", at: range)
                }
                fields[index].type = ColumnType(common, nullable: fields[index].type.nullable || other.type.nullable)
                if !other.isRowtime || fields[index].type.type != other.type.type { fields[index].timeAttribute = .none }
            }
        }
        let schema = Schema(fields)
        let aligned = flattened.map { input -> LogicalPlan in
            let needsCast = input.schema.fields.indices.contains { input.schema[$0].type.type != fields[$0].type.type }
            guard needsCast else { return input }
            let expressions = input.schema.fields.indices.map { index -> BoundExpression in
                let column = BoundExpression.column(index, input.schema[index].type)
                let target = fields[index].type.type
                return input.schema[index].type.type == target ? column : .cast(column, ColumnType(target, nullable: input.schema[index].type.nullable), isTry: false)
            }
            let projected = input.schema.fields.indices.map { index -> Field in
                var field = input.schema[index]
                field.type = expressions[index].type
                if case .cast = expressions[index] { field.timeAttribute = .none }
                return field
            }
            return .project(Project(input: input, expressions: expressions, schema: Schema(projected)))
        }
        return .union(Union(inputs: aligned, schema: schema))
    }

    /// SELECT DISTINCT / UNION: a group aggregation on every column.
    func distinct(_ plan: LogicalPlan) -> LogicalPlan {
        let schema = Schema(plan.schema.fields.map(\.materialized))
        return .aggregate(Aggregate(input: plan, groupKeys: Array(plan.schema.fields.indices), calls: [], schema: schema))
    }

    func renamed(_ plan: LogicalPlan, to names: [Identifier], at range: SourceRange) throws(SQLError) -> LogicalPlan {
        guard names.count == plan.schema.count else {
            throw SQLError("\(names.count) column names given for \(plan.schema.count) columns", at: range)
        }
        let fields = zip(plan.schema.fields, names).map { field, name -> Field in
            var copy = field
            copy.name = name.value
            return copy
        }
        let expressions = plan.schema.fields.indices.map { BoundExpression.column($0, plan.schema[$0].type) }
        return .project(Project(input: plan, expressions: expressions, schema: Schema(fields)))
    }

    func bindValues(_ rows: [[Expression]], columns: [Identifier], qualifier: String?, range: SourceRange) throws(SQLError) -> LogicalPlan {
        let context = ExpressionContext(binder: self, scope: .empty, clause: "VALUES")
        var bound: [[BoundExpression]] = []
        for row in rows {
            var values: [BoundExpression] = []
            for expression in row { values.append(try context.bind(expression)) }
            guard values.count == (bound.first?.count ?? values.count) else {
                throw SQLError("VALUES rows have \(bound[0].count) and \(values.count) values; each row must have the same number", at: range)
            }
            bound.append(values)
        }
        let width = bound[0].count
        var types: [ColumnType] = []
        for column in 0..<width {
            var type = bound[0][column].type
            for row in bound.dropFirst() {
                guard let common = TypeRules.commonType(type.type, row[column].type.type) else {
                    throw SQLError("VALUES column \(column + 1) mixes \(type.type) and \(row[column].type.type)", at: range)
                }
                type = ColumnType(common, nullable: type.nullable || row[column].type.nullable)
            }
            types.append(type)
        }
        if !columns.isEmpty, columns.count != width {
            throw SQLError("\(columns.count) column names given for \(width) VALUES columns", at: range)
        }
        let fields = types.enumerated().map { index, type in
            Field(name: columns.isEmpty ? "EXPR$\(index)" : columns[index].value, type: type, qualifier: qualifier)
        }
        let casted = bound.map { row in
            row.enumerated().map { index, value in value.type.type == types[index].type ? value : .cast(value, types[index], isTry: false) }
        }
        return .values(Values(rows: casted, schema: Schema(fields)))
    }

    private func bindOrderAndLimit(_ query: Query, over plan: LogicalPlan) throws(SQLError) -> LogicalPlan {
        let schema = plan.schema
        var keys: [SortKey] = []
        var input = plan
        var extra: [BoundExpression] = []
        for item in query.orderBy {
            let column: Int
            if case .literal(.integer(let text)) = item.expression.kind, let ordinal = Int(text) {
                guard (1...schema.count).contains(ordinal) else {
                    throw SQLError("ORDER BY position \(ordinal) is out of range; the query has \(schema.count) columns", at: item.expression.range)
                }
                column = ordinal - 1
            } else if case .column(let name) = item.expression.kind, name.parts.count == 1,
                      let index = schema.fields.firstIndex(where: { $0.name == name.last.value }) {
                column = index
            } else {
                let bound = try ExpressionContext(binder: self, scope: Scope(schema), clause: "ORDER BY").bind(item.expression)
                if case .column(let index, _) = bound {
                    column = index
                } else {
                    column = schema.count + extra.count
                    extra.append(bound)
                }
            }
            keys.append(SortKey(column: column, descending: item.descending, nullsFirst: item.nullsFirst ?? !item.descending))
        }
        if !extra.isEmpty {
            let expressions = schema.fields.indices.map { BoundExpression.column($0, schema[$0].type) } + extra
            let fields = schema.fields + extra.enumerated().map { Field(name: "$sort\($0.offset)", type: $0.element.type) }
            input = .project(Project(input: plan, expressions: expressions, schema: Schema(fields)))
        }
        var limit: Int64?
        if let expression = query.limit {
            guard case .literal(.integer(let text)) = expression.kind, let value = Int64(text) else {
                throw SQLError("LIMIT takes a non-negative integer literal", at: expression.range)
            }
            limit = value
        }
        var sorted = LogicalPlan.sort(Sort(input: input, keys: keys, limit: limit))
        if !extra.isEmpty {
            sorted = .project(Project(input: sorted, expressions: schema.fields.indices.map { BoundExpression.column($0, schema[$0].type) }, schema: schema))
        }
        return sorted
    }
}
