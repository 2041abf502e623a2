// Printing of queries, FROM items and window specifications.
import BrookCore

extension SQLPrinter {
    public static func print(_ query: Query) -> String {
        var out = ""
        if !query.with.isEmpty {
            out += "WITH " + query.with.map { cte in
                var text = identifier(cte.name)
                if !cte.columns.isEmpty { text += " (" + cte.columns.map(identifier).joined(separator: ", ") + ")" }
                return text + " AS (" + print(cte.query) + ")"
            }.joined(separator: ", ") + " "
        }
        out += print(query.body, rightOperandOf: nil)
        if !query.orderBy.isEmpty { out += " ORDER BY " + query.orderBy.map(print).joined(separator: ", ") }
        if let limit = query.limit { out += " LIMIT " + print(limit) }
        return out
    }

    private static func print(_ body: QueryBody, rightOperandOf parent: SetOperator?) -> String {
        switch body {
        case .select(let select): return print(select)
        case .values(let rows, _): return "VALUES " + values(rows)
        case .nested(let query): return "(" + print(query) + ")"
        case .setOperation(let op, let all, let left, let right):
            let text = print(left, rightOperandOf: nil) + " " + op.rawValue + (all ? " ALL " : " ") + print(right, rightOperandOf: op)
            let needsParentheses = parent != nil && (parent == .intersect || op != .intersect)
            return needsParentheses ? "(" + text + ")" : text
        }
    }

    static func values(_ rows: [[Expression]]) -> String {
        rows.map { "(" + $0.map(print).joined(separator: ", ") + ")" }.joined(separator: ", ")
    }

    static func print(_ select: Select) -> String {
        var out = "SELECT "
        if select.distinct { out += "DISTINCT " }
        out += select.items.map { item in
            switch item {
            case .wildcard(let qualifier, _): return qualifier.map { identifier($0) + ".*" } ?? "*"
            case .expression(let expression, let alias):
                return print(expression) + (alias.map { " AS " + identifier($0) } ?? "")
            }
        }.joined(separator: ", ")
        if let from = select.from { out += " FROM " + print(from, asJoinRight: false) }
        if let condition = select.whereClause { out += " WHERE " + print(condition) }
        if !select.groupBy.isEmpty { out += " GROUP BY " + select.groupBy.map(print).joined(separator: ", ") }
        if let having = select.having { out += " HAVING " + print(having) }
        if !select.windows.isEmpty {
            out += " WINDOW " + select.windows.map { identifier($0.name) + " AS " + print($0.specification) }.joined(separator: ", ")
        }
        return out
    }

    static func print(_ reference: TableReference, asJoinRight: Bool) -> String {
        func aliased(_ text: String, _ alias: Identifier?, _ columns: [Identifier] = []) -> String {
            guard let alias else { return text }
            var out = text + " AS " + identifier(alias)
            if !columns.isEmpty { out += " (" + columns.map(identifier).joined(separator: ", ") + ")" }
            return out
        }
        switch reference {
        case .table(let tableName, let alias): return aliased(name(tableName), alias)
        case .subquery(let query, let alias, let columns): return aliased("(" + print(query) + ")", alias, columns)
        case .values(let rows, let alias, let columns, _): return aliased("VALUES " + values(rows), alias, columns)
        case .windowFunction(let function, let alias): return aliased(print(function), alias)
        case .join(let kind, let left, let right, let condition):
            var text = print(left, asJoinRight: false) + " " + kind.rawValue + " JOIN " + print(right, asJoinRight: true)
            if let condition { text += " ON " + print(condition) }
            return asJoinRight ? "(" + text + ")" : text
        }
    }

    static func print(_ function: WindowTableFunction) -> String {
        "TABLE(" + function.kind.rawValue + "(TABLE " + name(function.table) + ", DESCRIPTOR(" + identifier(function.timeColumn) + ")"
            + function.arguments.map { ", " + print($0) }.joined() + "))"
    }

    static func print(_ item: OrderItem) -> String {
        var out = print(item.expression)
        if item.descending { out += " DESC" }
        if let nullsFirst = item.nullsFirst { out += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return out
    }

    public static func print(_ spec: WindowSpecification) -> String {
        var parts: [String] = []
        if let base = spec.base { parts.append(identifier(base)) }
        if !spec.partitionBy.isEmpty { parts.append("PARTITION BY " + spec.partitionBy.map(print).joined(separator: ", ")) }
        if !spec.orderBy.isEmpty { parts.append("ORDER BY " + spec.orderBy.map(print).joined(separator: ", ")) }
        if let frame = spec.frame {
            parts.append(frame.unit.rawValue + " BETWEEN " + print(frame.start) + " AND " + print(frame.end))
        }
        return "(" + parts.joined(separator: " ") + ")"
    }

    static func print(_ bound: FrameBound) -> String {
        switch bound {
        case .unboundedPreceding: return "UNBOUNDED PRECEDING"
        case .preceding(let offset): return print(offset) + " PRECEDING"
        case .currentRow: return "CURRENT ROW"
        case .following(let offset): return print(offset) + " FOLLOWING"
        case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
        }
    }
}
