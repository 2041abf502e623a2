// Grammar of statements: CREATE, DROP, INSERT, statement sets, SHOW, DESCRIBE, EXPLAIN, SET, RESET.
import BrookCore

extension Parser {
    public mutating func parseStatement() throws(SQLError) -> Statement {
        let start = current.range.start
        let kind: StatementKind
        if isKeyword("CREATE") {
            kind = try parseCreate()
        } else if consumeKeyword("DROP") {
            kind = try parseDrop()
        } else if isKeyword("INSERT") {
            kind = .insert(try parseInsert())
        } else if consumeKeywords("EXECUTE", "STATEMENT", "SET") {
            kind = try parseStatementSet()
        } else if consumeKeyword("SHOW") {
            kind = try parseShow()
        } else if consumeKeyword("DESCRIBE") || consumeKeyword("DESC") {
            kind = .describe(try parseQualifiedName("a table or view name"))
        } else if consumeKeyword("EXPLAIN") {
            _ = consumeKeywords("PLAN", "FOR")
            kind = .explain(try parseStatement())
        } else if consumeKeyword("SET") {
            kind = try parseSet()
        } else if consumeKeyword("RESET") {
            kind = .reset(key: try parseOptionalSettingKey())
        } else if consumeKeywords("STOP", "JOB") {
            kind = .stopJob(try parseStringLiteral("a quoted job id, as in STOP JOB '3'"))
        } else if isKeyword("SELECT") || isKeyword("WITH") || isKeyword("VALUES") || current.isSymbol("(") {
            kind = .query(try parseQuery())
        } else {
            throw unexpected("expected a statement (CREATE, DROP, INSERT, SELECT, SHOW, DESCRIBE, EXPLAIN, SET, RESET, STOP JOB)")
        }
        return Statement(kind, range: range(from: start))
    }

    private mutating func parseCreate() throws(SQLError) -> StatementKind {
        try expectKeyword("CREATE")
        let orReplace = consumeKeywords("OR", "REPLACE")
        let temporary = consumeKeyword("TEMPORARY")
        if consumeKeyword("TABLE") {
            let ifNotExists = consumeKeywords("IF", "NOT", "EXISTS")
            let name = try parseQualifiedName("a table name")
            return .createTable(try parseTableBody(name: name, orReplace: orReplace, temporary: temporary, ifNotExists: ifNotExists))
        }
        if consumeKeyword("VIEW") {
            let ifNotExists = consumeKeywords("IF", "NOT", "EXISTS")
            let name = try parseQualifiedName("a view name")
            var columns: [Identifier] = []
            if current.isSymbol("(") { columns = try parseIdentifierList() }
            try expectKeyword("AS")
            let query = try parseQuery()
            return .createView(CreateView(name: name, orReplace: orReplace, temporary: temporary,
                                          ifNotExists: ifNotExists, columns: columns, query: query))
        }
        throw unexpected("expected TABLE or VIEW after CREATE")
    }

    private mutating func parseTableBody(name: QualifiedName, orReplace: Bool, temporary: Bool, ifNotExists: Bool) throws(SQLError) -> CreateTable {
        var table = CreateTable(name: name, orReplace: orReplace, temporary: temporary, ifNotExists: ifNotExists, columns: [])
        try expectSymbol("(")
        repeat {
            if consumeKeyword("WATERMARK") {
                guard table.watermark == nil else {
                    throw SQLError("a table can have only one WATERMARK", at: tokens[index - 1].range)
                }
                try expectKeyword("FOR")
                let column = try parseIdentifier("the time column of the watermark")
                try expectKeyword("AS")
                table.watermark = WatermarkDefinition(column: column, expression: try parseExpression())
            } else if isKeyword("PRIMARY") || (isKeyword("CONSTRAINT") && !peek().isSymbol(",")) {
                if consumeKeyword("CONSTRAINT") { _ = try parseIdentifier("a constraint name") }
                try expectKeyword("PRIMARY")
                try expectKeyword("KEY")
                table.primaryKey = try parseIdentifierList()
                try expectKeyword("NOT")
                try expectKeyword("ENFORCED")
            } else {
                table.columns.append(try parseColumnDefinition())
            }
        } while consumeSymbol(",")
        try expectSymbol(")")
        if consumeKeyword("COMMENT") { table.comment = try parseStringLiteral("a comment string") }
        if consumeKeyword("WITH") { table.options = try parseOptions() }
        return table
    }

    private mutating func parseColumnDefinition() throws(SQLError) -> ColumnDefinition {
        let name = try parseIdentifier("a column name")
        if consumeKeyword("AS") {
            let expression = try parseExpression()
            return .computed(name: name, expression: expression, comment: try parseOptionalComment())
        }
        let type = try parseTypeName()
        if consumeKeyword("METADATA") {
            var key: String?
            if consumeKeyword("FROM") { key = try parseStringLiteral("a metadata key string") }
            let isVirtual = consumeKeyword("VIRTUAL")
            return .metadata(name: name, type: type, key: key, isVirtual: isVirtual, comment: try parseOptionalComment())
        }
        if consumeKeywords("PRIMARY", "KEY") {
            try expectKeyword("NOT")
            try expectKeyword("ENFORCED")
        }
        return .physical(name: name, type: type, comment: try parseOptionalComment())
    }

    private mutating func parseOptionalComment() throws(SQLError) -> String? {
        consumeKeyword("COMMENT") ? try parseStringLiteral("a comment string") : nil
    }

    private mutating func parseOptions() throws(SQLError) -> [TableOption] {
        try parseParenthesizedList { (p: inout Parser) throws(SQLError) -> TableOption in
            let start = p.current.range
            let key = try p.parseStringLiteral("an option key string such as 'connector'")
            try p.expectSymbol("=")
            let value = try p.parseStringLiteral("an option value string")
            return TableOption(key: key, value: value, range: start)
        }
    }

    private mutating func parseDrop() throws(SQLError) -> StatementKind {
        let temporary = consumeKeyword("TEMPORARY")
        let kind: ObjectKind
        if consumeKeyword("TABLE") {
            kind = .table
        } else if consumeKeyword("VIEW") {
            kind = .view
        } else {
            throw unexpected("expected TABLE or VIEW after DROP")
        }
        let ifExists = consumeKeywords("IF", "EXISTS")
        return .drop(kind, try parseQualifiedName(), ifExists: ifExists, temporary: temporary)
    }

    mutating func parseInsert() throws(SQLError) -> Insert {
        try expectKeyword("INSERT")
        let overwrite: Bool
        if consumeKeyword("OVERWRITE") {
            overwrite = true
        } else {
            try expectKeyword("INTO")
            overwrite = false
        }
        let table = try parseQualifiedName("a table name")
        var columns: [Identifier] = []
        if current.isSymbol("("), !peek().isKeyword("SELECT"), !peek().isKeyword("WITH"), !peek().isKeyword("VALUES") {
            columns = try parseIdentifierList()
        }
        return Insert(table: table, overwrite: overwrite, columns: columns, query: try parseQuery())
    }

    private mutating func parseStatementSet() throws(SQLError) -> StatementKind {
        try expectKeyword("BEGIN")
        var inserts: [Insert] = []
        while !consumeKeyword("END") {
            guard isKeyword("INSERT") else { throw unexpected("expected INSERT or END in a statement set") }
            inserts.append(try parseInsert())
            try expectSymbol(";")
        }
        return .statementSet(inserts)
    }

    private mutating func parseShow() throws(SQLError) -> StatementKind {
        for target in [ShowTarget.tables, .views, .functions, .jobs] where consumeKeyword(target.rawValue) {
            return .show(target)
        }
        throw unexpected("expected TABLES, VIEWS, FUNCTIONS or JOBS after SHOW")
    }

    private mutating func parseSet() throws(SQLError) -> StatementKind {
        guard let key = try parseOptionalSettingKey() else { return .set(key: nil, value: nil) }
        try expectSymbol("=")
        if case .string(let value) = current.kind {
            advance()
            return .set(key: key, value: value)
        }
        if case .identifier(let value, _) = current.kind {
            advance()
            return .set(key: key, value: value)
        }
        if case .integer(let value) = current.kind {
            advance()
            return .set(key: key, value: value)
        }
        throw unexpected("expected a quoted value, as in SET 'key' = 'value'")
    }

    private mutating func parseOptionalSettingKey() throws(SQLError) -> String? {
        if case .string(let key) = current.kind {
            advance()
            return key
        }
        guard case .identifier = current.kind else { return nil }
        var parts = [try parseIdentifier("a setting key")]
        while consumeSymbol(".") { parts.append(try parseIdentifier("a setting key")) }
        return parts.map(\.value).joined(separator: ".")
    }
}
