// Scores already paid for, kept in SQLite so a headline is sent to a remote model only once.
import BrookStorage
import Synchronization

/// A persistent `(model, text) -> score` table. A remote model is slow and billed per call while
/// headlines repeat across feeds and restarts, so answers outlive the process.
///
/// The cache takes its `Database` for itself (`sending`): a connection is not thread-safe, and
/// every use here goes through one lock. Give it its own connection; SQLite's WAL mode lets other
/// connections use the same file.
public final class SentimentCache: Sendable {
    private let database: Mutex<Database>

    public init(database: sending Database) throws {
        try database.execute(
            "CREATE TABLE IF NOT EXISTS sentiment_cache (model TEXT, text TEXT, score REAL, PRIMARY KEY (model, text))")
        self.database = Mutex(database)
    }

    /// Opens (or creates) the cache at `path`.
    public convenience init(path: String) throws {
        try self.init(database: try Database(path: path))
    }

    /// The stored score of `text` under `model`, or nil when it has never been stored.
    public func score(model: String, text: String) throws -> Double? {
        try scores(model: model, texts: [text])[text]
    }

    /// The stored scores among `texts` under `model`; texts never stored are absent from the result.
    public func scores(model: String, texts: [String]) throws -> [String: Double] {
        try database.withLock { database in
            var found: [String: Double] = [:]
            for text in Set(texts) {
                let rows = try database.query(
                    "SELECT score FROM sentiment_cache WHERE model = ? AND text = ?", [.text(model), .text(text)])
                switch rows.first?.first {
                case .real(let score)?: found[text] = score
                case .integer(let score)?: found[text] = Double(score)
                default: break
                }
            }
            return found
        }
    }

    /// Stores `scores` under `model` in one transaction, replacing earlier values for the same texts.
    public func store(model: String, scores: [String: Double]) throws {
        guard !scores.isEmpty else { return }
        try database.withLock { database in
            try database.transaction {
                for (text, score) in scores {
                    try database.run(
                        "INSERT OR REPLACE INTO sentiment_cache (model, text, score) VALUES (?, ?, ?)",
                        [.text(model), .text(text), .real(score)])
                }
            }
        }
    }

    /// How many scores are stored under `model`.
    public func count(model: String) throws -> Int {
        try database.withLock { database in
            let rows = try database.query("SELECT COUNT(*) FROM sentiment_cache WHERE model = ?", [.text(model)])
            return Int(rows.first?.first?.int64Value ?? 0)
        }
    }
}
