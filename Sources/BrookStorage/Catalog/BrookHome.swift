// The Brook home directory: where the catalog, topics and checkpoints live.
import Foundation

/// A Brook home (`--home`, default `./.brook`) and its one SQLite database, `brook.db`.
public final class BrookHome {
    public let path: String
    public let database: Database
    /// The database file, for components that open their own connection (the topic log, a broker).
    public let databasePath: String

    /// Opens the home at `path`, creating the directory and database when missing.
    public init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        databasePath = (path as NSString).appendingPathComponent("brook.db")
        database = try Database(path: databasePath)
    }
}
