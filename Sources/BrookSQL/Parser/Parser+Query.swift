// Grammar of queries: WITH, SELECT, set operations, FROM items, joins and window table functions.
import BrookCore

extension Parser {
    public mutating func parseQuery() throws(SQLError) -> Query {
        let entry = depth
        defer { depth = entry }
        try deeper()
        let start = current.range.start
        var ctes: [CommonTableExpression] = []
        if consumeKeyword("WITH") {
            repeat {
                let name = try parseIdentifier("a common table expression name")
                var columns: [Identifier] = []
                if current.isSymbol("(") { columns = try parseIdentifierList() }
                try expectKeyword("AS")
                try expectSymbol("(")
                let query = try parseQuery()
                try expectSymbol(")")
                ctes.append(CommonTableExpression(name: name, columns: columns, query: query))
            } while consumeSymbol(",")
        }
        let body = try parseSetOperation()
        var orderBy: [OrderItem] = []
        if consumeKeywords("ORDER", "BY") { orderBy = try parseOrderItems() }
        var limit: Expression?
        if consumeKeyword("LIMIT") { limit = try parsePrimary() }
        return Query(with: ctes, body: body, orderBy: orderBy, limit: limit, range: range(from: start))
    }

    private mutating func parseSetOperation() throws(SQLError) -> QueryBody {
        var left = try parseIntersect()
        while isKeyword("UNION") || isKeyword("EXCEPT") {
            let op: SetOperator = isKeyword("UNION") ? .union : .except
            advance()
            let all = consumeKeyword("ALL")
            if !all { _ = consumeKeyword("DISTINCT") }
            left = .setOperation(op, all: all, left, try parseIntersect())
        }
        return left
    }

    private mutating func parseIntersect() throws(SQLError) -> QueryBody {
        var left = try parseQueryPrimary()
        while consumeKeyword("INTERSECT") {
            let all = consumeKeyword("ALL")
            if !all { _ = consumeKeyword("DISTINCT") }
            left = .setOperation(.intersect, all: all, left, try parseQueryPrimary())
        }
        return left
    }

    private mutating func parseQueryPrimary() throws(SQLError) -> QueryBody {
        if current.isSymbol("(") {
            advance()
            let query = try parseQuery()
            try expectSymbol(")")
            return .nested(query)
        }
        if isKeyword("VALUES") {
            let start = current.range.start
            advance()
            let rows = try parseValuesRows()
            return .values(rows, range: range(from: start))
        }
        return .select(try parseSelect())
    }

    mutating func parseValuesRows() throws(SQLError) -> [[Expression]] {
        var rows: [[Expression]] = []
        repeat {
            rows.append(try parseParenthesizedList { (p: inout Parser) throws(SQLError) in try p.parseExpression() })
        } while consumeSymbol(",")
        return rows
    }

    private mutating func parseSelect() throws(SQLError) -> Select {
        let start = current.range.start
        try expectKeyword("SELECT")
        let distinct = consumeKeyword("DISTINCT")
        if !distinct { _ = consumeKeyword("ALL") }
        var items: [SelectItem] = []
        repeat { items.append(try parseSelectItem()) } while consumeSymbol(",")
        var select = Select(distinct: distinct, items: items)
        if consumeKeyword("FROM") { select.from = try parseFrom() }
        if consumeKeyword("WHERE") { select.whereClause = try parseExpression() }
        if consumeKeywords("GROUP", "BY") {
            repeat { select.groupBy.append(try parseExpression()) } while consumeSymbol(",")
        }
        if consumeKeyword("HAVING") { select.having = try parseExpression() }
        if consumeKeyword("WINDOW") {
            repeat {
                let name = try parseIdentifier("a window name")
                try expectKeyword("AS")
                select.windows.append(NamedWindow(name: name, specification: try parseWindowSpecification()))
            } while consumeSymbol(",")
        }
        select.range = range(from: start)
        return select
    }

    private mutating func parseSelectItem() throws(SQLError) -> SelectItem {
        let start = current.range
        if consumeSymbol("*") { return .wildcard(qualifier: nil, range: start) }
        if case .identifier = current.kind, peek().isSymbol("."), peek(2).isSymbol("*") {
            let qualifier = try parseIdentifier()
            advance()
            advance()
            return .wildcard(qualifier: qualifier, range: range(from: start.start))
        }
        let expression = try parseExpression()
        return .expression(expression, alias: try parseAlias())
    }

    /// `[AS] alias`, where a bare alias must not be a reserved word.
    mutating func parseAlias() throws(SQLError) -> Identifier? {
        if consumeKeyword("AS") { return try parseIdentifier("an alias") }
        if case .identifier = current.kind, !isReserved(current) { return try parseIdentifier() }
        return nil
    }

    private mutating func parseFrom() throws(SQLError) -> TableReference {
        var left = try parseJoinOperand()
        while true {
            if consumeSymbol(",") {
                left = .join(.cross, left, try parseJoinOperand(), on: nil)
                continue
            }
            let kind: JoinKind
            if consumeKeywords("CROSS", "JOIN") {
                left = .join(.cross, left, try parseJoinOperand(), on: nil)
                continue
            } else if consumeKeyword("JOIN") || consumeKeywords("INNER", "JOIN") {
                kind = .inner
            } else if consumeKeyword("LEFT") {
                _ = consumeKeyword("OUTER")
                try expectKeyword("JOIN")
                kind = .left
            } else if consumeKeyword("RIGHT") {
                _ = consumeKeyword("OUTER")
                try expectKeyword("JOIN")
                kind = .right
            } else if consumeKeyword("FULL") {
                _ = consumeKeyword("OUTER")
                try expectKeyword("JOIN")
                kind = .full
            } else {
                return left
            }
            let right = try parseJoinOperand()
            try expectKeyword("ON")
            left = .join(kind, left, right, on: try parseExpression())
        }
    }

    private mutating func parseJoinOperand() throws(SQLError) -> TableReference {
        if current.isSymbol("(") {
            advance()
            if isKeyword("SELECT") || isKeyword("WITH") || isKeyword("VALUES") || current.isSymbol("(") {
                let query = try parseQuery()
                try expectSymbol(")")
                let alias = try parseAlias()
                var columns: [Identifier] = []
                if alias != nil, current.isSymbol("(") { columns = try parseIdentifierList() }
                return .subquery(query, alias: alias, columns: columns)
            }
            let inner = try parseFrom()
            try expectSymbol(")")
            return inner
        }
        if isKeyword("VALUES") {
            let start = current.range.start
            advance()
            let rows = try parseValuesRows()
            let valuesRange = range(from: start)
            let alias = try parseAlias()
            var columns: [Identifier] = []
            if alias != nil, current.isSymbol("(") { columns = try parseIdentifierList() }
            return .values(rows, alias: alias, columns: columns, range: valuesRange)
        }
        if isKeyword("TABLE"), peek().isSymbol("(") {
            let function = try parseWindowTableFunction()
            return .windowFunction(function, alias: try parseAlias())
        }
        let name = try parseQualifiedName("a table name")
        return .table(name, alias: try parseAlias())
    }

    private mutating func parseWindowTableFunction() throws(SQLError) -> WindowTableFunction {
        let start = current.range.start
        try expectKeyword("TABLE")
        try expectSymbol("(")
        let kindToken = current
        guard case .identifier(let word, false) = kindToken.kind, let kind = WindowFunctionKind(rawValue: word.uppercased()) else {
            throw unexpected("expected TUMBLE, HOP or CUMULATE")
        }
        advance()
        try expectSymbol("(")
        _ = consumeNamedArgument("DATA")
        try expectKeyword("TABLE")
        let table = try parseQualifiedName("a table name")
        try expectSymbol(",")
        _ = consumeNamedArgument("TIMECOL")
        try expectKeyword("DESCRIPTOR")
        try expectSymbol("(")
        let column = try parseIdentifier("a time column")
        try expectSymbol(")")
        var arguments: [Expression] = []
        while consumeSymbol(",") {
            for name in ["SIZE", "SLIDE", "STEP", "OFFSET"] where consumeNamedArgument(name) { break }
            arguments.append(try parseExpression())
        }
        try expectSymbol(")")
        try expectSymbol(")")
        let expected: ClosedRange<Int> = kind == .tumble ? 1...2 : 2...3
        guard expected.contains(arguments.count) else {
            let shape = kind == .tumble ? "TUMBLE(TABLE t, DESCRIPTOR(col), size [, offset])"
                : "\(kind.rawValue)(TABLE t, DESCRIPTOR(col), \(kind == .hop ? "slide" : "step"), size [, offset])"
            throw SQLError("\(kind.rawValue) takes \(expected.lowerBound) or \(expected.upperBound) interval arguments, got \(arguments.count)",
                           at: range(from: start), hint: "write \(shape)")
        }
        return WindowTableFunction(kind: kind, table: table, timeColumn: column, arguments: arguments, range: range(from: start))
    }

    private mutating func consumeNamedArgument(_ name: String) -> Bool {
        guard current.isKeyword(name), peek().isSymbol("=>") else { return false }
        advance()
        advance()
        return true
    }

    mutating func parseOrderItems() throws(SQLError) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            let expression = try parseExpression()
            var item = OrderItem(expression: expression)
            if consumeKeyword("DESC") {
                item.descending = true
            } else {
                _ = consumeKeyword("ASC")
            }
            if consumeKeywords("NULLS", "FIRST") {
                item.nullsFirst = true
            } else if consumeKeywords("NULLS", "LAST") {
                item.nullsFirst = false
            }
            items.append(item)
        } while consumeSymbol(",")
        return items
    }

    mutating func parseWindowSpecification() throws(SQLError) -> WindowSpecification {
        let start = current.range.start
        try expectSymbol("(")
        var spec = WindowSpecification()
        if case .identifier = current.kind, !isReserved(current), !isKeyword("ROWS"), !isKeyword("RANGE") {
            spec.base = try parseIdentifier("a window name")
        }
        if consumeKeywords("PARTITION", "BY") {
            repeat { spec.partitionBy.append(try parseExpression()) } while consumeSymbol(",")
        }
        if consumeKeywords("ORDER", "BY") { spec.orderBy = try parseOrderItems() }
        if isKeyword("ROWS") || isKeyword("RANGE") {
            let unit: FrameUnit = isKeyword("ROWS") ? .rows : .range
            advance()
            if consumeKeyword("BETWEEN") {
                let lower = try parseFrameBound()
                try expectKeyword("AND")
                spec.frame = WindowFrame(unit: unit, start: lower, end: try parseFrameBound())
            } else {
                spec.frame = WindowFrame(unit: unit, start: try parseFrameBound(), end: .currentRow)
            }
        }
        try expectSymbol(")")
        spec.range = range(from: start)
        return spec
    }

    private mutating func parseFrameBound() throws(SQLError) -> FrameBound {
        if consumeKeywords("UNBOUNDED", "PRECEDING") { return .unboundedPreceding }
        if consumeKeywords("UNBOUNDED", "FOLLOWING") { return .unboundedFollowing }
        if consumeKeywords("CURRENT", "ROW") { return .currentRow }
        let offset = try parseAdditive()
        if consumeKeyword("PRECEDING") { return .preceding(offset) }
        if consumeKeyword("FOLLOWING") { return .following(offset) }
        throw unexpected("expected PRECEDING or FOLLOWING")
    }
}
