// The catalog outlives the session: a later session on the same home sees earlier CREATEs.
import BrookCore
import BrookPlanner
import BrookStorage
import Foundation
import Testing

@Suite struct CatalogPersistenceTests {
    func temporaryHome() throws -> BrookHome {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brook-test-\(UUID().uuidString)").path
        return try BrookHome(path: path)
    }

    @Test func tablesAndViewsPersistAcrossSessions() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home.path) }
        let first = try Session(home: home)
        _ = try first.executeScript(marketTables + "CREATE VIEW busy AS SELECT symbol, qty FROM prices WHERE qty > 100; CREATE TEMPORARY VIEW scratch AS SELECT 1 AS one;")
        let second = try Session(home: try BrookHome(path: home.path))
        #expect(second.catalog.table("prices")?.watermark?.columnName == "event_time")
        #expect(second.catalog.entry("busy") != nil)
        #expect(second.catalog.entry("scratch") == nil, "temporary views live only in their session")
        #expect(second.loadWarnings.isEmpty)
        #expect(try schema(of: "SELECT * FROM busy", in: second) == ["symbol STRING", "qty INT"])
    }

    @Test func rerunningTheSameScriptSucceedsButADifferentDefinitionIsRefused() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home.path) }
        let script = marketTables + "CREATE VIEW busy AS SELECT symbol, qty FROM prices WHERE qty > 100;"
        _ = try Session(home: home).executeScript(script)
        let again = try Session(home: try BrookHome(path: home.path))
        let results = try again.executeScript(script)
        #expect(results.contains { if case .done(let message) = $0 { return message == "View 'busy' already exists with this definition; nothing changed." }; return false })
        #expect {
            try again.executeScript("CREATE VIEW busy AS SELECT symbol FROM prices")
        } throws: { error in
            "\(error)".contains("view 'busy' already exists")
        }
        #expect(try schema(of: "SELECT * FROM busy", in: again) == ["symbol STRING", "qty INT"], "the refused definition changed nothing")
    }

    @Test func dropsAndReplacementsPersist() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home.path) }
        let first = try Session(home: home)
        _ = try first.executeScript(marketTables + "DROP TABLE plain; CREATE OR REPLACE TABLE news (symbol STRING) WITH ('connector' = 'print');")
        let second = try Session(home: try BrookHome(path: home.path))
        #expect(second.catalog.entry("plain") == nil)
        #expect(second.catalog.table("news")?.columns.map(\.name) == ["symbol"])
        #expect(second.catalog.names == ["prices", "news", "out_append", "out_print"], "a replaced table keeps its place")
    }

    @Test func aViewWhoseTableWasDroppedReportsItWhenUsed() throws {
        let session = try marketSession("CREATE VIEW v AS SELECT symbol FROM plain; DROP TABLE plain;")
        let text = try #require(renderedError("SELECT * FROM v", in: session))
        #expect(text.contains("view 'v' no longer binds: unknown table or view 'plain'"))
    }

    @Test func explainSessionsDoNotChangeTheHome() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home.path) }
        let session = try Session(home: home, persist: false)
        _ = try session.executeScript(marketTables)
        #expect(try Session(home: try BrookHome(path: home.path)).catalog.names.isEmpty)
    }

    @Test func settingsAreValidated() throws {
        let session = try Session(home: nil)
        #expect(renderedError("SET 'execution.runtime-mode' = 'sometimes'", in: session)?
            .contains("'sometimes' is not a valid value for 'execution.runtime-mode'; use one of: batch, streaming") == true)
        #expect(renderedError("SET 'table.exec.state.ttl' = 'abc'", in: session)?
            .contains("'abc' is not a duration for 'table.exec.state.ttl'") == true)
        #expect(renderedError("SET 'table.exec.source.idle-timeout' = '99999999999999999 d'", in: session) != nil, "an overflowing duration is refused")
        _ = try session.executeScript("SET 'table.exec.state.ttl' = '1 h'; SET 'table.exec.source.idle-timeout' = '500 ms';")
        #expect(session.settings["table.exec.state.ttl"] == "1 h")
        _ = try session.executeScript("SET 'table.local-time-zone' = 'America/New_York'; RESET 'table.local-time-zone';")
        #expect(session.settings["table.local-time-zone"] == "UTC")
    }
}
