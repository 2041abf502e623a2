// A SQL session: the catalog, settings and functions, and the execution of statements against them.
import BrookCore
import BrookSQL
import BrookStorage

/// Executes statements as Flink's SQL client does: DDL changes the catalog (persisted in the
/// Brook home when there is one), SET changes settings, INSERT and SELECT are bound, optimized
/// and planned into physical jobs for the runtime.
public final class Session {
    public let catalog: Catalog
    public private(set) var settings = Settings()
    public var functions = FunctionRegistry.builtins
    /// Checks a table's WITH options when it is created; returns the bad option and why. The
    /// runtime installs the connectors' rules here, so the planner needs no connector code.
    public var tableValidator: (@Sendable (CatalogTable) -> (option: String, column: String?, message: String)?)?
    /// Stored objects that no longer bind (after an upgrade or a dropped dependency), with why.
    public private(set) var loadWarnings: [String] = []

    /// A session on `home`'s catalog. With `persist` false, statements see the stored catalog
    /// but change only this session's copy (for EXPLAIN of a file).
    /// `extendFunctions` adds functions from other modules (sentiment) before stored views, which
    /// may call them, are restored.
    public init(home: BrookHome?, persist: Bool = true, extendFunctions: (inout FunctionRegistry) -> Void = { _ in }) throws {
        extendFunctions(&functions)
        let store = try home.map { try CatalogStore(database: $0.database) }
        let stored = try store?.all() ?? []
        catalog = Catalog(store: persist ? store : nil)
        for object in stored {
            do {
                let statement = try Parser.parseStatement(object.sql)
                _ = try execute(statement, restoring: true)
            } catch let error as SQLError {
                loadWarnings.append("stored \(object.kind) '\(object.name)' no longer binds: \(error.message)")
            } catch let error as SessionError {
                loadWarnings.append("stored \(object.kind) '\(object.name)' could not be restored: \(error)")
            }
        }
    }

    /// Parses and executes every statement of a script, stopping at the first error; results of
    /// statements before it are kept (and their catalog changes stay).
    public func executeScript(_ text: String) throws(SessionError) -> [StatementResult] {
        let statements: [BrookSQL.Statement]
        do {
            statements = try Parser.parseScript(text)
        } catch {
            throw .sql(error)
        }
        var results: [StatementResult] = []
        for statement in statements { results.append(try execute(statement)) }
        return results
    }

    public func execute(_ statement: BrookSQL.Statement) throws(SessionError) -> StatementResult {
        do {
            return try execute(statement, restoring: false)
        } catch let error as SQLError {
            throw .sql(error)
        } catch let error as SessionError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    private var binder: Binder { Binder(catalog: catalog, functions: functions, settings: settings) }

    private func execute(_ statement: BrookSQL.Statement, restoring: Bool) throws -> StatementResult {
        switch statement.kind {
        case .createTable(let create):
            let name = create.name.description
            if let existing = catalog.entry(name) {
                if create.ifNotExists { return .done("Table '\(name)' already exists; nothing changed.") }
                if !create.orReplace, existing.isDefined(as: statement) {
                    return .done(restoring ? "" : "Table '\(name)' already exists with this definition; nothing changed.")
                }
                guard create.orReplace, case .table = existing else {
                    throw SQLError("\(existing.kindName) '\(name)' already exists", at: create.name.range,
                                   hint: "use CREATE OR REPLACE TABLE, or CREATE TABLE IF NOT EXISTS")
                }
            }
            let table = try binder.resolveTable(create, sql: SQLPrinter.print(statement))
            if let problem = tableValidator?(table) {
                if let column = problem.column {
                    let range = create.columns.first { $0.name.value == column }?.name.range ?? create.name.range
                    throw SQLError("column '\(column)' of table '\(name)': \(problem.message)", at: range)
                }
                let range = create.options.last { $0.key == problem.option }?.range ?? create.name.range
                throw SQLError("option '\(problem.option)' of table '\(name)': \(problem.message)", at: range)
            }
            try catalog.put(.table(table))
            return .done(restoring ? "" : "Table '\(name)' has been created.")
        case .createView(let create):
            let name = create.name.description
            if let existing = catalog.entry(name) {
                if create.ifNotExists { return .done("View '\(name)' already exists; nothing changed.") }
                if !create.orReplace, existing.isDefined(as: statement) {
                    return .done(restoring ? "" : "View '\(name)' already exists with this definition; nothing changed.")
                }
                guard create.orReplace, case .view = existing else {
                    throw SQLError("\(existing.kindName) '\(name)' already exists", at: create.name.range,
                                   hint: "use CREATE OR REPLACE VIEW, or CREATE VIEW IF NOT EXISTS")
                }
            }
            var inner = binder
            inner.expandingViews = [name]
            var plan = try inner.bindQuery(create.query)
            if !create.columns.isEmpty { plan = try inner.renamed(plan, to: create.columns, at: create.name.range) }
            let view = CatalogView(name: name, columnNames: create.columns.map(\.value), query: create.query,
                                   schema: plan.schema.qualified(by: nil), isTemporary: create.temporary, sql: SQLPrinter.print(statement))
            try catalog.put(.view(view))
            return .done(restoring ? "" : "View '\(name)' has been created.")
        case .drop(let kind, let target, let ifExists, _):
            let name = target.description
            guard let existing = catalog.entry(name) else {
                if ifExists { return .done("\(kind == .table ? "Table" : "View") '\(name)' does not exist; nothing changed.") }
                throw SQLError("\(kind == .table ? "table" : "view") '\(name)' does not exist", at: target.range)
            }
            let isTable: Bool
            if case .table = existing { isTable = true } else { isTable = false }
            guard isTable == (kind == .table) else {
                throw SQLError("'\(name)' is a \(existing.kindName), not a \(kind == .table ? "table" : "view")", at: target.range,
                               hint: "use DROP \(isTable ? "TABLE" : "VIEW") \(name)")
            }
            try catalog.remove(name)
            return .done("\(isTable ? "Table" : "View") '\(name)' has been dropped.")
        case .insert(let insert):
            return .job(try planJob([insert.table.description], [try binder.bindInsert(insert)], at: statement.range))
        case .statementSet(let inserts):
            var roots: [LogicalPlan] = []
            for insert in inserts { roots.append(try binder.bindInsert(insert)) }
            return .job(try planJob(inserts.map(\.table.description), roots, at: statement.range))
        case .query(let query):
            return .query(try planJob(["SELECT"], [try binder.bindQuery(query)], at: statement.range))
        case .explain(let inner):
            switch try execute(inner, restoring: false) {
            case .job(let job), .query(let job): return .explain(job.explanation)
            default: throw SQLError("EXPLAIN takes a SELECT, INSERT or statement set", at: inner.range)
            }
        case .show(let target):
            switch target {
            case .tables: return .rows(columns: ["table name"], rows: catalog.tables.map { [$0.name] })
            case .views: return .rows(columns: ["view name"], rows: catalog.views.map { [$0.name] })
            case .functions: return .rows(columns: ["function name", "kind", "description"], rows: functions.all.map { [$0.name, $0.kind.rawValue, $0.summary] })
            case .jobs: return .showJobs
            }
        case .describe(let target):
            return try describe(target)
        case .set(let key, let value):
            guard let key, let value else {
                return .rows(columns: ["key", "value"], rows: settings.all.map { [$0.key, $0.value] })
            }
            do {
                try settings.set(key, value)
            } catch {
                throw SQLError(error.message, at: statement.range)
            }
            return .done("Session property '\(key)' set to '\(value)'.")
        case .stopJob(let id):
            return .stopJob(id)
        case .reset(let key):
            settings.reset(key)
            return .done(key.map { "Session property '\($0)' reset to its default." } ?? "All session properties have been reset.")
        }
    }

    /// Optimizes and plans the roots of one job; a planning failure points at the statement.
    private func planJob(_ sinks: [String], _ roots: [LogicalPlan], at range: SourceRange) throws -> PlannedJob {
        let optimized = Optimizer.optimize(roots)
        do {
            let physical = try PhysicalPlanner.plan(optimized, catalog: catalog, settings: settings)
            var job = PlannedJob(name: sinks.joined(separator: ", "), logical: roots, optimized: optimized, physical: physical)
            job.parallelism = max(1, Int(settings["parallelism.default"] ?? "1") ?? 1)
            return job
        } catch {
            throw SQLError(error.message, at: range, hint: error.hint)
        }
    }

    private func describe(_ target: QualifiedName) throws -> StatementResult {
        let columns = ["name", "type", "null", "key", "extras", "watermark"]
        switch catalog.entry(target.description) {
        case .table(let table)?:
            let names = table.columns.map(\.name)
            let rows = table.columns.enumerated().map { index, column -> [String] in
                let extras: String
                switch column.kind {
                case .physical: extras = ""
                case .metadata(let key, let isVirtual): extras = "METADATA FROM '\(key)'" + (isVirtual ? " VIRTUAL" : "")
                case .computed(let expression): extras = "AS " + ExpressionPrinter.render(expression, names)
                }
                let isRowtime = table.watermark?.column == index
                let watermark = isRowtime ? ExpressionPrinter.render(table.watermark!.expression, names) : ""
                return [column.name, column.type.type.description + (isRowtime ? " *ROWTIME*" : ""), column.type.nullable ? "TRUE" : "FALSE",
                        table.primaryKey.contains(column.name) ? "PRI(\(column.name))" : "", extras, watermark]
            }
            return .rows(columns: columns, rows: rows)
        case .view(let view)?:
            let rows = view.schema.fields.map { field in
                [field.name, field.type.type.description + (field.isRowtime ? " *ROWTIME*" : ""), field.type.nullable ? "TRUE" : "FALSE", "", "", ""]
            }
            return .rows(columns: columns, rows: rows)
        case nil:
            throw binder.unknownTable(target)
        }
    }
}

extension Catalog.Entry {
    var kindName: String {
        if case .table = self { return "table" }
        return "view"
    }

    /// True when `statement` creates exactly this entry again (OR REPLACE / IF NOT EXISTS aside),
    /// so running the same script twice against a home's catalog succeeds, while a different
    /// definition under the same name is still an error.
    func isDefined(as statement: BrookSQL.Statement) -> Bool {
        let stored: String
        switch self {
        case .table(let table): stored = table.sql
        case .view(let view): stored = view.sql
        }
        guard let existing = try? Parser.parseStatement(stored) else { return false }
        return Catalog.Entry.definition(existing) == Catalog.Entry.definition(statement)
    }

    private static func definition(_ statement: BrookSQL.Statement) -> String? {
        switch statement.kind {
        case .createTable(var create):
            create.orReplace = false
            create.ifNotExists = false
            return SQLPrinter.print(BrookSQL.Statement(.createTable(create)))
        case .createView(var create):
            create.orReplace = false
            create.ifNotExists = false
            return SQLPrinter.print(BrookSQL.Statement(.createView(create)))
        default:
            return nil
        }
    }
}
