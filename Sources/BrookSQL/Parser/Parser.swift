// The recursive-descent parser's cursor and shared helpers; the grammar lives in the Parser+ files.
import BrookCore

/// Parses Brook's Flink SQL dialect into `Statement`s. Hand-written so that every node keeps
/// its source range and every error names the token it stopped at.
public struct Parser {
    var tokens: [Token]
    var index = 0
    /// How deep the expression being parsed nests (parentheses, calls, subqueries, operator
    /// chains); bounded so that a pathological statement is an error, not a stack overflow.
    var depth = 0
    public static let maximumDepth = 200

    public init(_ text: String) throws(SQLError) {
        self.tokens = try Lexer.tokenize(text)
    }

    /// Parses a script of `;`-separated statements.
    public static func parseScript(_ text: String) throws(SQLError) -> [Statement] {
        var parser = try Parser(text)
        return try parser.parseScript()
    }

    /// Parses exactly one statement (a trailing `;` is allowed).
    public static func parseStatement(_ text: String) throws(SQLError) -> Statement {
        var parser = try Parser(text)
        let statement = try parser.parseStatement()
        _ = parser.consumeSymbol(";")
        try parser.expectEnd()
        return statement
    }

    /// Parses one expression, for tests and for computed columns stored as text.
    public static func parseExpression(_ text: String) throws(SQLError) -> Expression {
        var parser = try Parser(text)
        let expression = try parser.parseExpression()
        try parser.expectEnd()
        return expression
    }

    public mutating func parseScript() throws(SQLError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while consumeSymbol(";") {}
            if current.kind == .end { return statements }
            statements.append(try parseStatement())
            if current.kind != .end && !current.isSymbol(";") {
                throw unexpected("expected ';' between statements")
            }
        }
    }

    /// Counts one more level of nesting at the current token.
    mutating func deeper() throws(SQLError) {
        depth += 1
        guard depth <= Parser.maximumDepth else {
            throw SQLError("this expression nests more than \(Parser.maximumDepth) levels deep", at: current.range,
                           hint: "split it into views or subqueries, or use IN (...) instead of a long chain of OR")
        }
    }

    // MARK: cursor

    var current: Token { tokens[index] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    /// The end of the last consumed token, for closing a node's range.
    var previousEnd: SourcePosition { tokens[max(index - 1, 0)].range.end }

    func range(from start: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: previousEnd)
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func isKeyword(_ keyword: String) -> Bool { current.isKeyword(keyword) }

    mutating func consumeKeyword(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes a sequence of keywords only if all of them are there.
    mutating func consumeKeywords(_ keywords: String...) -> Bool {
        for (offset, keyword) in keywords.enumerated() where !peek(offset).isKeyword(keyword) { return false }
        index += keywords.count
        return true
    }

    mutating func expectKeyword(_ keyword: String) throws(SQLError) {
        guard consumeKeyword(keyword) else { throw unexpected("expected \(keyword)") }
    }

    mutating func consumeSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expectSymbol(_ symbol: String) throws(SQLError) {
        guard consumeSymbol(symbol) else { throw unexpected("expected '\(symbol)'") }
    }

    mutating func expectEnd() throws(SQLError) {
        guard current.kind == .end else { throw unexpected("expected end of statement") }
    }

    func unexpected(_ expectation: String) -> SQLError {
        SQLError("\(expectation), found \(current.display)", at: current.range)
    }

    /// Words that end an expression or a FROM item, so they cannot be bare aliases.
    static let reservedWords: Set<String> = [
        "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "INTERSECT", "EXCEPT",
        "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "ON", "AS", "AND", "OR", "NOT", "WINDOW",
        "WITH", "VALUES", "CASE", "WHEN", "THEN", "ELSE", "END", "OVER", "PARTITION", "BY", "IS", "IN",
        "BETWEEN", "LIKE", "NULL", "TRUE", "FALSE", "INTERVAL", "DISTINCT", "ALL", "INSERT", "INTO",
        "CREATE", "DROP", "TABLE", "SET", "RESET", "USING", "NATURAL", "OFFSET", "FETCH",
    ]

    func isReserved(_ token: Token) -> Bool {
        if case .identifier(let text, false) = token.kind { return Parser.reservedWords.contains(text.uppercased()) }
        return false
    }

    /// An identifier that is not a reserved word (quoted identifiers never are).
    mutating func parseIdentifier(_ what: String = "an identifier") throws(SQLError) -> Identifier {
        guard case .identifier(let text, _) = current.kind, !isReserved(current) else {
            throw unexpected("expected \(what)")
        }
        let identifier = Identifier(text, range: current.range)
        advance()
        return identifier
    }

    mutating func parseQualifiedName(_ what: String = "a name") throws(SQLError) -> QualifiedName {
        var parts = [try parseIdentifier(what)]
        while current.isSymbol("."), case .identifier = peek().kind {
            advance()
            parts.append(try parseIdentifier(what))
        }
        return QualifiedName(parts)
    }

    mutating func parseStringLiteral(_ what: String) throws(SQLError) -> String {
        guard case .string(let value) = current.kind else { throw unexpected("expected \(what)") }
        advance()
        return value
    }

    /// `( item, item, ... )` with at least one item.
    mutating func parseParenthesizedList<T>(_ item: (inout Parser) throws(SQLError) -> T) throws(SQLError) -> [T] {
        try expectSymbol("(")
        var items = [try item(&self)]
        while consumeSymbol(",") { items.append(try item(&self)) }
        try expectSymbol(")")
        return items
    }

    mutating func parseIdentifierList() throws(SQLError) -> [Identifier] {
        try parseParenthesizedList { (p: inout Parser) throws(SQLError) in try p.parseIdentifier("a column name") }
    }
}
