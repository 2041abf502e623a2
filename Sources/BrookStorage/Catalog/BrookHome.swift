// The Brook home directory: where the catalog, topics and checkpoints live.
import Foundation

/// A Brook home (`--home`, default `./.brook`) and its one SQLite database, `brook.db`.
public final class BrookHome {
    public let path: String
    public let database: Database

    /// Opens the home at `path`, creating the directory and database when missing.
    public init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        self.database = try Database(path: (path as NSString).appendingPathComponent("brook.db"))
    }
}
