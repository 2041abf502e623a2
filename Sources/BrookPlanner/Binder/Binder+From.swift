// Binding of FROM items: tables, views, CTEs, subqueries, VALUES, joins and window table functions.
import BrookCore
import BrookSQL

extension Binder {
    func bindFrom(_ reference: TableReference) throws(SQLError) -> LogicalPlan {
        switch reference {
        case .table(let name, let alias):
            return try bindNamedRelation(name, qualifier: alias?.value ?? name.last.value)
        case .subquery(let query, let alias, let columns):
            var plan = try bindQuery(query)
            if !columns.isEmpty { plan = try renamed(plan, to: columns, at: alias?.range ?? query.range) }
            return requalified(plan, alias?.value)
        case .values(let rows, let alias, let columns, let range):
            return try bindValues(rows, columns: columns, qualifier: alias?.value, range: range)
        case .windowFunction(let function, let alias):
            return try bindWindowTableFunction(function, qualifier: alias?.value)
        case .join(let kind, let left, let right, let condition):
            let leftPlan = try bindFrom(left)
            let rightPlan = try bindFrom(right)
            let repeated = Set(leftPlan.schema.fields.compactMap(\.qualifier)).intersection(rightPlan.schema.fields.compactMap(\.qualifier))
            if let name = repeated.sorted().first {
                throw SQLError("'\(name)' names two relations in FROM, so their columns could not be told apart", at: nameRange(of: right),
                               hint: "give one of them an alias, e.g. \(name) AS \(name)2")
            }
            return try bindJoin(kind, left: leftPlan, right: rightPlan, condition: condition)
        }
    }

    /// Where a FROM item's name (its alias, else its table name) is written, for errors about it.
    private func nameRange(of reference: TableReference) -> SourceRange {
        switch reference {
        case .table(let name, let alias): return alias?.range ?? name.range
        case .subquery(let query, let alias, _): return alias?.range ?? query.range
        case .values(_, let alias, _, let range): return alias?.range ?? range
        case .windowFunction(let function, let alias): return alias?.range ?? function.range
        case .join(_, _, let right, _): return nameRange(of: right)
        }
    }

    /// A table, view or CTE by name, its columns qualified by `qualifier`.
    func bindNamedRelation(_ name: QualifiedName, qualifier: String) throws(SQLError) -> LogicalPlan {
        let key = name.description
        if name.parts.count == 1 {
            for scope in commonTables.reversed() {
                if let plan = scope[key] { return requalified(plan, qualifier) }
            }
        }
        switch catalog.entry(key) {
        case .table(let table)?:
            let schema = table.schema.qualified(by: qualifier)
            return .scan(Scan(table: table.name, columns: Array(table.columns.indices), schema: schema))
        case .view(let view)?:
            // Each level of views is a level of recursion in the binder; bound it as the parser bounds nesting.
            guard expandingViews.count < 100 else {
                throw SQLError("views nest more than 100 deep here (\(expandingViews.prefix(3).joined(separator: " -> ")) -> ...)", at: name.range)
            }
            guard !expandingViews.contains(view.name) else {
                throw SQLError("view '\(view.name)' refers to itself (\((expandingViews + [view.name]).joined(separator: " -> ")))", at: name.range)
            }
            var inner = Binder(catalog: catalog, functions: functions, settings: settings)
            inner.expandingViews = expandingViews + [view.name]
            let plan: LogicalPlan
            do {
                plan = try inner.bindQuery(view.query)
            } catch {
                // A failure deeper in a chain of views is already named once; say it at this place.
                if error.message.hasPrefix("views nest") || error.message.hasPrefix("view '") { throw SQLError(error.message, at: name.range, hint: error.hint) }
                throw SQLError("view '\(view.name)' no longer binds: \(error.message)", at: name.range,
                               hint: "recreate it with CREATE OR REPLACE VIEW \(view.name)")
            }
            let named = view.columnNames.isEmpty ? plan : try renamed(plan, to: view.columnNames.map { Identifier($0) }, at: name.range)
            return requalified(named, qualifier)
        case nil:
            throw unknownTable(name)
        }
    }

    /// `plan` with every output column's qualifier set to `qualifier` (a FROM alias); a Project
    /// only when the qualifier changes, so the plan shape stays comparable for sharing.
    func requalified(_ plan: LogicalPlan, _ qualifier: String?) -> LogicalPlan {
        guard plan.schema.fields.contains(where: { $0.qualifier != qualifier }) else { return plan }
        let schema = plan.schema.qualified(by: qualifier)
        switch plan {
        case .scan(var scan):
            scan.schema = schema
            return .scan(scan)
        case .project(var project):
            project.schema = schema
            return .project(project)
        default:
            let expressions = plan.schema.fields.indices.map { BoundExpression.column($0, plan.schema[$0].type) }
            return .project(Project(input: plan, expressions: expressions, schema: schema))
        }
    }

    func bindWindowTableFunction(_ function: WindowTableFunction, qualifier: String?) throws(SQLError) -> LogicalPlan {
        let input = try bindNamedRelation(function.table, qualifier: function.table.last.value)
        let timeColumn = try Scope(input.schema).resolve(QualifiedName([function.timeColumn]))
        return try windowed(input, kind: function.kind, timeColumn: timeColumn, timeRange: function.timeColumn.range,
                            arguments: function.arguments, qualifier: qualifier ?? function.table.last.value)
    }

    /// `input` with TUMBLE, HOP or CUMULATE windows assigned on `timeColumn` (a time attribute):
    /// its columns (qualified by `qualifier`, or keeping their own when nil), then window_start,
    /// window_end and window_time.
    func windowed(_ input: LogicalPlan, kind: WindowFunctionKind, timeColumn: Int, timeRange: SourceRange, arguments: [Expression],
                  qualifier: String?) throws(SQLError) -> LogicalPlan {
        let timeField = input.schema[timeColumn]
        guard timeField.isRowtime else {
            throw SQLError("\(kind.rawValue) needs a time attribute, but '\(timeField.name)' is a plain \(timeField.type.type)",
                           at: timeRange,
                           hint: "declare a WATERMARK FOR '\(timeField.name)' on the table, or window by a column that has one")
        }
        let context = ExpressionContext(binder: self, scope: .empty, clause: kind.rawValue)
        var intervals: [Int64] = []
        for argument in arguments {
            let bound = try context.bind(argument)
            guard case .intervalMilliseconds(let milliseconds)? = ConstantFolder.evaluate(bound), milliseconds >= 0 else {
                throw SQLError("\(kind.rawValue) expects a non-negative day-time INTERVAL literal", at: argument.range)
            }
            intervals.append(milliseconds)
        }
        let size: Int64
        let step: Int64
        switch kind {
        case .tumble:
            size = intervals[0]
            step = intervals[0]
        case .hop, .cumulate:
            step = intervals[0]
            size = intervals[1]
            guard step > 0, size % step == 0 else {
                throw SQLError("\(kind.rawValue) size must be a whole multiple of its \(kind == .hop ? "slide" : "step")", at: arguments[1].range)
            }
            // Each row is copied into size / step windows; beyond ten thousand a job does little else.
            guard size / step <= 10_000 else {
                throw SQLError("\(kind.rawValue) would put each row in \(size / step) windows; at most 10000 (size / \(kind == .hop ? "slide" : "step"))",
                               at: arguments[1].range)
            }
        }
        guard size > 0 else { throw SQLError("window size must be positive", at: arguments[kind == .tumble ? 0 : 1].range) }
        let offset = intervals.count > (kind == .tumble ? 1 : 2) ? intervals.last! : 0
        var fields = input.schema.fields.map { field -> Field in
            var copy = field
            if let qualifier { copy.qualifier = qualifier }
            return copy
        }
        fields[timeColumn] = fields[timeColumn].materialized
        let windowBoundType = ColumnType(.timestamp(precision: 3), nullable: false)
        let windowTimeType: DataType
        if case .timestampLTZ = timeField.type.type { windowTimeType = .timestampLTZ(precision: 3) } else { windowTimeType = .timestamp(precision: 3) }
        fields.append(Field(name: "window_start", type: windowBoundType, qualifier: qualifier))
        fields.append(Field(name: "window_end", type: windowBoundType, qualifier: qualifier))
        fields.append(Field(name: "window_time", type: ColumnType(windowTimeType, nullable: false), timeAttribute: .rowtime, qualifier: qualifier))
        return .windowTableFunction(WindowTableFunctionNode(input: input, kind: kind, timeColumn: timeColumn, size: size,
                                                            step: step, offset: offset, schema: Schema(fields)))
    }
}
