// The SQLite layer and the catalog store keep what they are given, in order, and roll back failures.
import BrookStorage
import Foundation
import Testing

@Suite struct CatalogStoreTests {
    @Test func savedObjectsComeBackInCreationOrder() throws {
        let store = try CatalogStore(database: Database(path: ":memory:"))
        try store.save(StoredCatalogObject(name: "b", kind: "table", sql: "CREATE TABLE b"))
        try store.save(StoredCatalogObject(name: "a", kind: "view", sql: "CREATE VIEW a"))
        try store.save(StoredCatalogObject(name: "b", kind: "table", sql: "CREATE OR REPLACE TABLE b"))
        #expect(try store.all().map(\.name) == ["b", "a"])
        #expect(try store.all().first?.sql == "CREATE OR REPLACE TABLE b")
        try store.remove(name: "b")
        #expect(try store.all().map(\.name) == ["a"])
    }

    @Test func aFailedTransactionLeavesNoTrace() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [1])
                throw Abort()
            }
        }
        #expect(try database.query("SELECT COUNT(*) FROM t") == [[.integer(0)]])
    }

    @Test func errorsCarryTheFailingSQL() throws {
        let database = try Database(path: ":memory:")
        do {
            try database.run("SELECT * FROM missing")
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.sql == "SELECT * FROM missing")
            #expect(error.message.contains("no such table"))
        }
    }

    @Test func homeDatabaseUsesWriteAheadLogging() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brook-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let home = try BrookHome(path: path)
        #expect(try home.database.query("PRAGMA journal_mode") == [[.text("wal")]])
    }
}
