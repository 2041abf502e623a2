// Turns parsed statements into typed logical plans against the catalog.
import BrookCore
import BrookSQL

/// Resolves names and types, expands views and CTEs, and tracks time attributes. One binder
/// binds one statement; it reads the catalog but never changes it.
struct Binder {
    let catalog: Catalog
    let functions: FunctionRegistry
    let settings: Settings
    /// CTEs in scope, innermost last.
    var commonTables: [[String: LogicalPlan]] = []
    /// Views being expanded, to report a view that reads itself.
    var expandingViews: [String] = []

    init(catalog: Catalog, functions: FunctionRegistry, settings: Settings) {
        self.catalog = catalog
        self.functions = functions
        self.settings = settings
    }

    /// `INSERT INTO table [(columns)] query`: the query cast to the table's persisted columns.
    func bindInsert(_ insert: Insert) throws(SQLError) -> LogicalPlan {
        let tableName = insert.table.description
        guard let table = catalog.table(tableName) else {
            if catalog.entry(tableName) != nil {
                throw SQLError("cannot INSERT INTO view '\(tableName)'; INSERT INTO a table", at: insert.table.range)
            }
            throw unknownTable(insert.table)
        }
        let query = try bindQuery(insert.query)
        let writable = table.columns.indices.filter { table.columns[$0].isPersisted }
        let targets: [Int]
        if insert.columns.isEmpty {
            targets = writable
        } else {
            var chosen: [Int] = []
            for column in insert.columns {
                guard let index = table.columns.firstIndex(where: { $0.name == column.value }) else {
                    let hint = closestName(to: column.value, among: table.columns.map(\.name))
                    throw SQLError("table '\(tableName)' has no column '\(column.value)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""), at: column.range)
                }
                guard writable.contains(index) else {
                    throw SQLError("column '\(column.value)' of '\(tableName)' is computed or virtual and cannot be written", at: column.range)
                }
                chosen.append(index)
            }
            targets = chosen
        }
        let source = query.schema
        guard source.count == targets.count else {
            throw SQLError("INSERT INTO '\(tableName)' writes \(targets.count) column\(targets.count == 1 ? "" : "s") but the query gives \(source.count)",
                           at: insert.query.range)
        }
        var expressions: [BoundExpression] = []
        var fields: [Field] = []
        for (position, target) in targets.enumerated() {
            let column = table.columns[target]
            let given = source[position].type
            var expression = BoundExpression.column(position, given)
            if given.type != column.type.type {
                guard TypeRules.castable(given.type, to: column.type.type), implicitlyWritable(given.type, column.type.type) else {
                    throw SQLError("column '\(column.name)' of '\(tableName)' is \(column.type.type) but the query gives \(given.type) (column \(position + 1), '\(source[position].name)')",
                                   at: insert.query.range, hint: "CAST it: CAST(... AS \(column.type.type))")
                }
                expression = .cast(expression, ColumnType(column.type.type, nullable: given.nullable), isTry: false)
            }
            if !column.type.nullable, given.nullable {
                expression = .call("ASSERT_NOT_NULL", [expression], column.type)
            }
            expressions.append(expression)
            fields.append(Field(name: column.name, type: expression.type, timeAttribute: given.type == column.type.type ? source[position].timeAttribute : .none))
        }
        var mapping = [Int?](repeating: nil, count: table.columns.count)
        for (position, target) in targets.enumerated() { mapping[target] = position }
        let identity = expressions.enumerated().allSatisfy { index, expression in expression == .column(index, source[index].type) }
        let input = identity ? query : .project(Project(input: query, expressions: expressions, schema: Schema(fields)))
        return .sink(Sink(input: input, table: tableName, columnMapping: mapping))
    }

    /// Whether INSERT may convert `source` to `target` without an explicit CAST, as Flink allows:
    /// numbers only to a type that holds every value of theirs (TINYINT to SMALLINT to INT to
    /// BIGINT to DECIMAL to FLOAT to DOUBLE; any DECIMAL to another), so a value is never wrapped
    /// silently; strings to strings; timestamps to timestamps.
    private func implicitlyWritable(_ source: DataType, _ target: DataType) -> Bool {
        if source == .null { return true }
        if let sourceRank = source.numericRank, let targetRank = target.numericRank { return sourceRank <= targetRank }
        if source.isCharacter && target.isCharacter { return true }
        if source.isTimestamp && target.isTimestamp { return true }
        return source.isTemporal && target.isTemporal && source.isTimestamp == target.isTimestamp
    }

    func unknownTable(_ name: QualifiedName) -> SQLError {
        let hint = catalog.suggestion(for: name.description)
        return SQLError("unknown table or view '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""), at: name.range)
    }
}
