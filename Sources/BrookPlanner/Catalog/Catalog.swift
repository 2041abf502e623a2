// The session's tables and views, persisted through the Brook home's catalog store.
import BrookCore
import BrookSQL
import BrookStorage

/// A view as stored: its query is kept as syntax and bound again wherever the view is used,
/// so it always sees the current definitions of what it reads.
public struct CatalogView: Sendable {
    public var name: String
    public var columnNames: [String]
    public var query: Query
    public var schema: Schema
    public var isTemporary: Bool
    public var sql: String
}

/// Tables and views by name. Permanent objects are written to the `CatalogStore` when one is
/// given; temporary ones live only as long as the session.
public final class Catalog {
    public enum Entry {
        case table(CatalogTable)
        case view(CatalogView)

        public var name: String {
            switch self {
            case .table(let table): return table.name
            case .view(let view): return view.name
            }
        }

        var isTemporary: Bool {
            switch self {
            case .table(let table): return table.isTemporary
            case .view(let view): return view.isTemporary
            }
        }
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    let store: CatalogStore?

    public init(store: CatalogStore? = nil) {
        self.store = store
    }

    public func entry(_ name: String) -> Entry? { entries[name] }

    public func table(_ name: String) -> CatalogTable? {
        if case .table(let table)? = entries[name] { return table }
        return nil
    }

    public var tables: [CatalogTable] {
        order.compactMap { name in
            if case .table(let table)? = entries[name] { return table }
            return nil
        }
    }

    public var views: [CatalogView] {
        order.compactMap { name in
            if case .view(let view)? = entries[name] { return view }
            return nil
        }
    }

    public var names: [String] { order }

    /// Adds or replaces an object, persisting it unless it is temporary.
    public func put(_ entry: Entry) throws {
        if entries[entry.name] == nil { order.append(entry.name) }
        entries[entry.name] = entry
        guard !entry.isTemporary, let store else { return }
        switch entry {
        case .table(let table): try store.save(StoredCatalogObject(name: table.name, kind: "table", sql: table.sql))
        case .view(let view): try store.save(StoredCatalogObject(name: view.name, kind: "view", sql: view.sql))
        }
    }

    public func remove(_ name: String) throws {
        guard let entry = entries.removeValue(forKey: name) else { return }
        order.removeAll { $0 == name }
        if !entry.isTemporary { try store?.remove(name: name) }
    }

    /// A known name close to `name`, for "did you mean" hints.
    public func suggestion(for name: String) -> String? {
        closestName(to: name, among: order)
    }
}
