// Persists catalog objects (tables, views) as their SQL text in the Brook home's database.

/// One stored catalog object: its name, kind and the CREATE statement that defines it.
public struct StoredCatalogObject: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var sql: String

    public init(name: String, kind: String, sql: String) {
        self.name = name
        self.kind = kind
        self.sql = sql
    }
}

/// The `catalog_objects` table. Objects are kept as SQL so a later Brook re-binds them with
/// its own rules, and a user can read them with any SQLite client.
public final class CatalogStore {
    private let database: Database

    public init(database: Database) throws {
        self.database = database
        try database.execute("""
            CREATE TABLE IF NOT EXISTS catalog_objects (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                sql TEXT NOT NULL,
                position INTEGER NOT NULL
            )
            """)
    }

    /// Every object, in the order they were first created.
    public func all() throws -> [StoredCatalogObject] {
        try database.query("SELECT name, kind, sql FROM catalog_objects ORDER BY position").map { row in
            StoredCatalogObject(name: row[0].stringValue ?? "", kind: row[1].stringValue ?? "", sql: row[2].stringValue ?? "")
        }
    }

    /// Creates or replaces `object`; a replaced object keeps its position.
    public func save(_ object: StoredCatalogObject) throws {
        try database.run("""
            INSERT INTO catalog_objects (name, kind, sql, position)
            VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM catalog_objects))
            ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, sql = excluded.sql
            """, [.text(object.name), .text(object.kind), .text(object.sql)])
    }

    public func remove(name: String) throws {
        try database.run("DELETE FROM catalog_objects WHERE name = ?", [.text(name)])
    }
}
