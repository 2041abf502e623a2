// Prints syntax trees back to SQL text that parses to the same tree.
import BrookCore

/// Renders statements, queries and expressions as canonical SQL: keywords upper case, identifiers
/// quoted only when they must be, and parentheses only where precedence needs them.
public enum SQLPrinter {
    public static func print(_ statement: Statement) -> String {
        switch statement.kind {
        case .createTable(let table): return print(table)
        case .createView(let view):
            var out = "CREATE "
            if view.orReplace { out += "OR REPLACE " }
            if view.temporary { out += "TEMPORARY " }
            out += "VIEW "
            if view.ifNotExists { out += "IF NOT EXISTS " }
            out += name(view.name)
            if !view.columns.isEmpty { out += " (" + view.columns.map(identifier).joined(separator: ", ") + ")" }
            return out + " AS " + print(view.query)
        case .drop(let kind, let target, let ifExists, let temporary):
            return "DROP " + (temporary ? "TEMPORARY " : "") + kind.rawValue + (ifExists ? " IF EXISTS " : " ") + name(target)
        case .insert(let insert): return print(insert)
        case .statementSet(let inserts):
            return "EXECUTE STATEMENT SET BEGIN " + inserts.map { print($0) + "; " }.joined() + "END"
        case .query(let query): return print(query)
        case .show(let target): return "SHOW " + target.rawValue
        case .describe(let target): return "DESCRIBE " + name(target)
        case .explain(let inner): return "EXPLAIN " + print(inner)
        case .set(let key, let value):
            guard let key else { return "SET" }
            return "SET " + string(key) + " = " + string(value ?? "")
        case .reset(let key): return key.map { "RESET " + string($0) } ?? "RESET"
        case .stopJob(let id): return "STOP JOB " + string(id)
        }
    }

    static func print(_ table: CreateTable) -> String {
        var out = "CREATE "
        if table.orReplace { out += "OR REPLACE " }
        if table.temporary { out += "TEMPORARY " }
        out += "TABLE "
        if table.ifNotExists { out += "IF NOT EXISTS " }
        out += name(table.name) + " ("
        var elements = table.columns.map(print)
        if let watermark = table.watermark {
            elements.append("WATERMARK FOR " + identifier(watermark.column) + " AS " + print(watermark.expression))
        }
        if !table.primaryKey.isEmpty {
            elements.append("PRIMARY KEY (" + table.primaryKey.map(identifier).joined(separator: ", ") + ") NOT ENFORCED")
        }
        out += elements.joined(separator: ", ") + ")"
        if let comment = table.comment { out += " COMMENT " + string(comment) }
        if !table.options.isEmpty {
            out += " WITH (" + table.options.map { string($0.key) + " = " + string($0.value) }.joined(separator: ", ") + ")"
        }
        return out
    }

    static func print(_ column: ColumnDefinition) -> String {
        func withComment(_ text: String, _ comment: String?) -> String {
            comment.map { text + " COMMENT " + string($0) } ?? text
        }
        switch column {
        case .physical(let columnName, let type, let comment):
            return withComment(identifier(columnName) + " " + print(type), comment)
        case .computed(let columnName, let expression, let comment):
            return withComment(identifier(columnName) + " AS " + print(expression), comment)
        case .metadata(let columnName, let type, let key, let isVirtual, let comment):
            var out = identifier(columnName) + " " + print(type) + " METADATA"
            if let key { out += " FROM " + string(key) }
            if isVirtual { out += " VIRTUAL" }
            return withComment(out, comment)
        }
    }

    static func print(_ insert: Insert) -> String {
        var out = (insert.overwrite ? "INSERT OVERWRITE " : "INSERT INTO ") + name(insert.table)
        if !insert.columns.isEmpty { out += " (" + insert.columns.map(identifier).joined(separator: ", ") + ")" }
        return out + " " + print(insert.query)
    }

    public static func print(_ type: TypeName) -> String {
        type.type.description + (type.nullable ? "" : " NOT NULL")
    }

    // MARK: names and strings

    /// Words that would be read as syntax if written bare, so names spelled like them are quoted.
    static let wordsNeedingQuotes: Set<String> = Parser.reservedWords.union([
        "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ", "CAST", "TRY_CAST", "EXTRACT", "TRIM", "SUBSTRING",
        "JSON_OBJECT", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME",
        "ROWS", "RANGE", "WATERMARK", "PRIMARY", "CONSTRAINT", "METADATA", "VIRTUAL", "COMMENT", "KEY",
        "PRECEDING", "FOLLOWING", "UNBOUNDED", "CURRENT", "ESCAPE", "ASC", "DESC", "NULLS", "VALUE", "ABSENT",
        "DESCRIPTOR", "FOR", "TO", "ENFORCED", "EXISTS", "IF",
    ])

    public static func identifier(_ id: Identifier) -> String { identifier(id.value) }

    public static func identifier(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let plain = !bytes.isEmpty && bytes.enumerated().allSatisfy { index, b in
            let letter = (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95
            return letter || (index > 0 && ((b >= 48 && b <= 57) || b == 36))
        }
        if plain && !wordsNeedingQuotes.contains(text.uppercased()) { return text }
        return "`" + text.replacingOccurrences(of: "`", with: "``") + "`"
    }

    static func name(_ qualified: QualifiedName) -> String {
        qualified.parts.map(identifier).joined(separator: ".")
    }

    public static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
