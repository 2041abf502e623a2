// Grammar of expressions, by precedence from OR down to primaries.
import BrookCore

extension Parser {
    public mutating func parseExpression() throws(SQLError) -> Expression {
        let entry = depth
        defer { depth = entry }
        try deeper()
        return try parseOr()
    }

    private mutating func parseOr() throws(SQLError) -> Expression {
        let entry = depth
        defer { depth = entry }
        var left = try parseAnd()
        while consumeKeyword("OR") {
            try deeper()
            let right = try parseAnd()
            left = Expression(.binary(.or, left, right), range: left.range.union(right.range))
        }
        return left
    }

    private mutating func parseAnd() throws(SQLError) -> Expression {
        let entry = depth
        defer { depth = entry }
        var left = try parseNot()
        while consumeKeyword("AND") {
            try deeper()
            let right = try parseNot()
            left = Expression(.binary(.and, left, right), range: left.range.union(right.range))
        }
        return left
    }

    private mutating func parseNot() throws(SQLError) -> Expression {
        let start = current.range
        if consumeKeyword("NOT") {
            let entry = depth
            defer { depth = entry }
            try deeper()
            let operand = try parseNot()
            return Expression(.unary(.not, operand), range: start.union(operand.range))
        }
        return try parsePredicate()
    }

    private static let comparisonSymbols: [String: BinaryOperator] = [
        "=": .equal, "<>": .notEqual, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func parsePredicate() throws(SQLError) -> Expression {
        let entry = depth
        defer { depth = entry }
        var left = try parseAdditive()
        var links = 0
        while true {
            if links > 0 { try deeper() }
            links += 1
            if case .symbol(let symbol) = current.kind, let op = Parser.comparisonSymbols[symbol] {
                advance()
                let right = try parseAdditive()
                left = Expression(.binary(op, left, right), range: left.range.union(right.range))
                continue
            }
            if consumeKeyword("IS") {
                let negated = consumeKeyword("NOT")
                if consumeKeywords("DISTINCT", "FROM") {
                    let right = try parseAdditive()
                    left = Expression(.isDistinctFrom(left, right, negated: negated), range: left.range.union(right.range))
                } else if consumeKeyword("UNKNOWN") {
                    left = Expression(.isUnknown(left, negated: negated), range: range(from: left.range.start))
                } else if consumeKeyword("NULL") {
                    left = Expression(.isNull(left, negated: negated), range: range(from: left.range.start))
                } else if consumeKeyword("TRUE") {
                    left = Expression(.isBoolean(left, value: true, negated: negated), range: range(from: left.range.start))
                } else if consumeKeyword("FALSE") {
                    left = Expression(.isBoolean(left, value: false, negated: negated), range: range(from: left.range.start))
                } else {
                    throw unexpected("expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS")
                }
                continue
            }
            let negated = current.isKeyword("NOT") && (peek().isKeyword("BETWEEN") || peek().isKeyword("IN") || peek().isKeyword("LIKE"))
            if negated { advance() }
            if consumeKeyword("BETWEEN") {
                let symmetric = consumeKeyword("SYMMETRIC")
                if !symmetric { _ = consumeKeyword("ASYMMETRIC") }
                let low = try parseAdditive()
                try expectKeyword("AND")
                let high = try parseAdditive()
                left = Expression(.between(left, low: low, high: high, symmetric: symmetric, negated: negated), range: left.range.union(high.range))
            } else if consumeKeyword("IN") {
                let list = try parseParenthesizedList { (p: inout Parser) throws(SQLError) in try p.parseExpression() }
                left = Expression(.inList(left, list, negated: negated), range: range(from: left.range.start))
            } else if consumeKeyword("LIKE") {
                let pattern = try parseAdditive()
                var escape: Expression?
                if consumeKeyword("ESCAPE") { escape = try parseAdditive() }
                left = Expression(.like(left, pattern: pattern, escape: escape, negated: negated), range: range(from: left.range.start))
            } else {
                return left
            }
        }
    }

    mutating func parseAdditive() throws(SQLError) -> Expression {
        let entry = depth
        defer { depth = entry }
        var left = try parseMultiplicative()
        while true {
            let op: BinaryOperator
            if current.isSymbol("+") { op = .add }
            else if current.isSymbol("-") { op = .subtract }
            else if current.isSymbol("||") { op = .concat }
            else { return left }
            try deeper()
            advance()
            let right = try parseMultiplicative()
            left = Expression(.binary(op, left, right), range: left.range.union(right.range))
        }
    }

    private mutating func parseMultiplicative() throws(SQLError) -> Expression {
        let entry = depth
        defer { depth = entry }
        var left = try parseUnary()
        while true {
            let op: BinaryOperator
            if current.isSymbol("*") { op = .multiply }
            else if current.isSymbol("/") { op = .divide }
            else if current.isSymbol("%") { op = .modulo }
            else { return left }
            try deeper()
            advance()
            let right = try parseUnary()
            left = Expression(.binary(op, left, right), range: left.range.union(right.range))
        }
    }

    private mutating func parseUnary() throws(SQLError) -> Expression {
        let start = current.range
        if consumeSymbol("-") {
            let entry = depth
            defer { depth = entry }
            try deeper()
            let operand = try parseUnary()
            return Expression(.unary(.negate, operand), range: start.union(operand.range))
        }
        if consumeSymbol("+") {
            let operand = try parseUnary()
            return Expression(.unary(.plus, operand), range: start.union(operand.range))
        }
        return try parseItems(try parsePrimary())
    }

    /// `base[key]`, repeated: MAP element access binds tighter than any operator.
    private mutating func parseItems(_ base: Expression) throws(SQLError) -> Expression {
        var result = base
        while consumeSymbol("[") {
            let key = try parseExpression()
            try expectSymbol("]")
            result = Expression(.item(result, key: key), range: range(from: base.range.start))
        }
        return result
    }

    mutating func parsePrimary() throws(SQLError) -> Expression {
        let token = current
        let start = token.range.start
        switch token.kind {
        case .integer(let text):
            advance()
            return Expression(.literal(.integer(text)), range: token.range)
        case .decimal(let text):
            advance()
            let isApproximate = text.contains("e") || text.contains("E")
            return Expression(.literal(isApproximate ? .double(text) : .decimal(text)), range: token.range)
        case .string(let text):
            advance()
            return Expression(.literal(.string(text)), range: token.range)
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            try expectSymbol(")")
            return Expression(inner.kind, range: range(from: start))
        case .identifier(let word, let quoted):
            if !quoted, ["SELECT", "WITH", "VALUES"].contains(word.uppercased()) {
                throw SQLError("a subquery cannot appear inside an expression", at: token.range,
                               hint: "IN (SELECT ...), EXISTS and scalar subqueries are not supported yet; join the query instead, or use a view")
            }
            if !quoted, let special = try parseKeywordExpression(word.uppercased(), start: start) {
                return special
            }
            return try parseNameOrCall()
        default:
            throw unexpected("expected an expression")
        }
    }

    /// Literals and special forms introduced by a keyword; nil when the word is an ordinary name.
    private mutating func parseKeywordExpression(_ word: String, start: SourcePosition) throws(SQLError) -> Expression? {
        switch word {
        case "NULL":
            advance()
            return Expression(.literal(.null), range: range(from: start))
        case "TRUE", "FALSE":
            advance()
            return Expression(.literal(.boolean(word == "TRUE")), range: range(from: start))
        case "INTERVAL":
            advance()
            return try parseIntervalLiteral(start: start)
        case "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ":
            guard case .string(let text) = peek().kind else { return nil }
            advance()
            advance()
            let type: DataType
            switch word {
            case "DATE": type = .date
            case "TIME": type = .time(precision: 0)
            case "TIMESTAMP": type = .timestamp(precision: 0)
            default: type = .timestampLTZ(precision: 0)
            }
            return Expression(.literal(.typed(type, text)), range: range(from: start))
        case "X":
            // X'0aff' only when the quote follows the X directly.
            guard case .string(let hex) = peek().kind, peek().range.start.offset == current.range.end.offset else { return nil }
            advance()
            let literalRange = current.range
            advance()
            guard BinaryText.bytes(fromHex: hex) != nil else {
                throw SQLError("a binary literal needs an even number of hexadecimal digits", at: literalRange, hint: "write bytes as X'0aff'")
            }
            return Expression(.literal(.binary(hex)), range: range(from: start))
        case "MAP":
            guard peek().isSymbol("[") else { return nil }
            advance()
            advance()
            var arguments: [Expression] = []
            repeat { arguments.append(try parseExpression()) } while consumeSymbol(",")
            try expectSymbol("]")
            guard arguments.count % 2 == 0 else {
                throw SQLError("MAP[...] needs keys and values in pairs, got \(arguments.count) expressions", at: range(from: start),
                               hint: "write MAP['key1', value1, 'key2', value2]")
            }
            return Expression(.mapValue(arguments), range: range(from: start))
        case "CASE":
            advance()
            return try parseCase(start: start)
        case "CAST", "TRY_CAST":
            guard peek().isSymbol("(") else { return nil }
            advance()
            advance()
            let operand = try parseExpression()
            try expectKeyword("AS")
            let type = try parseTypeName()
            try expectSymbol(")")
            return Expression(.cast(operand, type, isTry: word == "TRY_CAST"), range: range(from: start))
        case "EXTRACT":
            guard peek().isSymbol("(") else { return nil }
            advance()
            advance()
            let unit = try parseTimeUnit()
            try expectKeyword("FROM")
            let operand = try parseExpression()
            try expectSymbol(")")
            return Expression(.extract(unit, operand), range: range(from: start))
        case "TRIM":
            guard peek().isSymbol("(") else { return nil }
            advance()
            advance()
            return try parseTrim(start: start)
        case "SUBSTRING":
            guard peek().isSymbol("("), !peekCallHasComma() else { return nil }
            advance()
            advance()
            let source = try parseExpression()
            try expectKeyword("FROM")
            let from = try parseExpression()
            var length: Expression?
            if consumeKeyword("FOR") { length = try parseExpression() }
            try expectSymbol(")")
            return Expression(.substring(source, from: from, length: length), range: range(from: start))
        case "FLOOR", "CEIL", "CEILING":
            guard peek().isSymbol("("), peekCallHasKeyword("TO") else { return nil }
            advance()
            advance()
            let operand = try parseExpression()
            try expectKeyword("TO")
            let unit = try parseTimeUnit()
            try expectSymbol(")")
            return Expression(.roundTime(operand, unit: unit, up: word != "FLOOR"), range: range(from: start))
        case "TIMESTAMPADD", "TIMESTAMPDIFF":
            guard peek().isSymbol("(") else { return nil }
            advance()
            advance()
            let unit = try parseTimeUnit()
            try expectSymbol(",")
            let first = try parseExpression()
            try expectSymbol(",")
            let second = try parseExpression()
            try expectSymbol(")")
            let kind: ExpressionKind = word == "TIMESTAMPADD" ? .timestampAdd(unit, count: first, second) : .timestampDiff(unit, first, second)
            return Expression(kind, range: range(from: start))
        case "POSITION":
            guard peek().isSymbol("("), peekCallHasKeyword("IN") else { return nil }
            guard case .identifier(let written, _) = current.kind else { return nil }
            let name = Identifier(written, range: current.range)
            advance()
            advance()
            let needle = try parseAdditive()
            try expectKeyword("IN")
            let haystack = try parseExpression()
            try expectSymbol(")")
            return Expression(.function(FunctionCall(name: name, arguments: [needle, haystack])), range: range(from: start))
        case "OVERLAY":
            guard peek().isSymbol("("), peekCallHasKeyword("PLACING") else { return nil }
            guard case .identifier(let written, _) = current.kind else { return nil }
            let name = Identifier(written, range: current.range)
            advance()
            advance()
            var arguments = [try parseExpression()]
            try expectKeyword("PLACING")
            arguments.append(try parseExpression())
            try expectKeyword("FROM")
            arguments.append(try parseExpression())
            if consumeKeyword("FOR") { arguments.append(try parseExpression()) }
            try expectSymbol(")")
            return Expression(.function(FunctionCall(name: name, arguments: arguments)), range: range(from: start))
        case "JSON_OBJECT":
            guard peek().isSymbol("(") else { return nil }
            advance()
            advance()
            return try parseJSONObject(start: start)
        case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME":
            guard !peek().isSymbol("(") else { return nil }
            advance()
            return Expression(.function(FunctionCall(name: Identifier(word, range: range(from: start)), arguments: [])), range: range(from: start))
        default:
            return nil
        }
    }

    /// True when the parenthesised call starting at the next token separates arguments with commas
    /// at its top level, which tells `SUBSTRING(s, 1, 2)` from `SUBSTRING(s FROM 1)`.
    private func peekCallHasComma() -> Bool {
        peekCallTopLevel { token in token.isSymbol(",") ? true : token.isKeyword("FROM") ? false : nil }
    }

    /// True when the parenthesised call starting at the next token has `keyword` at its top level,
    /// which tells `FLOOR(ts TO HOUR)` or `POSITION(a IN b)` from the ordinary calls of those names.
    private func peekCallHasKeyword(_ keyword: String) -> Bool {
        peekCallTopLevel { token in token.isKeyword(keyword) ? true : nil }
    }

    /// Scans the parenthesised call starting at the next token, without consuming it, until
    /// `decide` answers for a token at the call's top level; false when the call ends first.
    private func peekCallTopLevel(_ decide: (Token) -> Bool?) -> Bool {
        var depth = 0
        var offset = 1
        while true {
            let token = peek(offset)
            if token.kind == .end { return false }
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") {
                depth -= 1
                if depth == 0 { return false }
            }
            if depth == 1, let answer = decide(token) { return answer }
            offset += 1
        }
    }

    private mutating func parseTimeUnit() throws(SQLError) -> TimeUnit {
        guard case .identifier(let word, false) = current.kind else { throw unexpected("expected a time unit") }
        var name = word.uppercased()
        if name.hasSuffix("S"), TimeUnit(rawValue: String(name.dropLast())) != nil { name = String(name.dropLast()) }
        guard let unit = TimeUnit(rawValue: name) else {
            throw unexpected("expected a time unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND)")
        }
        advance()
        return unit
    }

    private mutating func parseIntervalLiteral(start: SourcePosition) throws(SQLError) -> Expression {
        let valueText: String
        switch current.kind {
        case .string(let text): valueText = text
        case .integer(let text): valueText = text
        default: throw unexpected("expected a quoted interval value such as INTERVAL '1' MINUTE")
        }
        let valueRange = current.range
        advance()
        let unit = try parseTimeUnit()
        if current.isSymbol("("), case .integer = peek().kind, peek(2).isSymbol(")") {
            advance(); advance(); advance()
        }
        var to: TimeUnit?
        if consumeKeyword("TO") { to = try parseTimeUnit() }
        let trimmed = valueText.trimmingSpaces
        let body = trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
        let allowed = Set("0123456789:. -")
        if body.isEmpty || !body.allSatisfy(allowed.contains) {
            throw SQLError("invalid interval value '\(valueText)'", at: valueRange, hint: "write a number in quotes, as in INTERVAL '5' SECOND")
        }
        return Expression(.literal(.interval(value: trimmed, unit: unit, to: to)), range: range(from: start))
    }

    private mutating func parseCase(start: SourcePosition) throws(SQLError) -> Expression {
        var operand: Expression?
        if !isKeyword("WHEN") { operand = try parseExpression() }
        var branches: [CaseBranch] = []
        while consumeKeyword("WHEN") {
            let condition = try parseExpression()
            try expectKeyword("THEN")
            branches.append(CaseBranch(condition: condition, result: try parseExpression()))
        }
        guard !branches.isEmpty else { throw unexpected("expected WHEN in CASE") }
        var otherwise: Expression?
        if consumeKeyword("ELSE") { otherwise = try parseExpression() }
        try expectKeyword("END")
        return Expression(.caseWhen(operand: operand, branches: branches, otherwise: otherwise), range: range(from: start))
    }

    private mutating func parseTrim(start: SourcePosition) throws(SQLError) -> Expression {
        var side = TrimSide.both
        var sideWritten = false
        for candidate in [TrimSide.both, .leading, .trailing] where consumeKeyword(candidate.rawValue) {
            side = candidate
            sideWritten = true
            break
        }
        var characters: Expression?
        let source: Expression
        if consumeKeyword("FROM") {
            source = try parseExpression()
        } else {
            let first = try parseExpression()
            if consumeKeyword("FROM") {
                characters = first
                source = try parseExpression()
            } else if sideWritten {
                throw unexpected("expected FROM in TRIM")
            } else {
                source = first
            }
        }
        try expectSymbol(")")
        return Expression(.trim(side: side, characters: characters, source: source), range: range(from: start))
    }

    private mutating func parseJSONObject(start: SourcePosition) throws(SQLError) -> Expression {
        var entries: [JSONObjectEntry] = []
        var onNull = JSONNullBehavior.null
        if !current.isSymbol(")") {
            repeat {
                if isKeyword("NULL") || isKeyword("ABSENT"), peek().isKeyword("ON") { break }
                _ = consumeKeyword("KEY")
                let key = try parseAdditive()
                try expectKeyword("VALUE")
                entries.append(JSONObjectEntry(key: key, value: try parseExpression()))
            } while consumeSymbol(",")
            if consumeKeywords("NULL", "ON", "NULL") {
                onNull = .null
            } else if consumeKeywords("ABSENT", "ON", "NULL") {
                onNull = .absent
            }
        }
        try expectSymbol(")")
        return Expression(.jsonObject(entries: entries, onNull: onNull), range: range(from: start))
    }

    private mutating func parseNameOrCall() throws(SQLError) -> Expression {
        let start = current.range.start
        guard case .identifier(let word, _) = current.kind else { throw unexpected("expected an expression") }
        if peek().isSymbol("(") {
            if isReserved(current), !["LEFT", "RIGHT", "IF"].contains(word.uppercased()) {
                throw unexpected("expected an expression")
            }
            let name = Identifier(word, range: current.range)
            advance()
            return try parseCall(name: name, start: start)
        }
        let name = try parseQualifiedName("a column name")
        return Expression(.column(name), range: name.range)
    }

    private mutating func parseCall(name: Identifier, start: SourcePosition) throws(SQLError) -> Expression {
        try expectSymbol("(")
        var call = FunctionCall(name: name, arguments: [])
        if consumeSymbol("*") {
            call.star = true
        } else if !current.isSymbol(")") {
            call.distinct = consumeKeyword("DISTINCT")
            if !call.distinct { _ = consumeKeyword("ALL") }
            repeat { call.arguments.append(try parseExpression()) } while consumeSymbol(",")
        }
        try expectSymbol(")")
        if isKeyword("FILTER"), peek().isSymbol("(") {
            advance()
            try expectSymbol("(")
            guard consumeKeyword("WHERE") else { throw SQLError("expected WHERE after FILTER (", at: current.range) }
            call.filter = try parseExpression()
            try expectSymbol(")")
        }
        if consumeKeyword("OVER") {
            if current.isSymbol("(") {
                call.over = .specification(try parseWindowSpecification())
            } else {
                call.over = .named(try parseIdentifier("a window name or '('"))
            }
        }
        return Expression(.function(call), range: range(from: start))
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
