// The tables a topic log lives in, created idempotently on open.

/// Keeps the DDL in one place; `partitions` carries counters so stats and offsets never scan records.
enum TopicLogSchema {
    static let statements = """
        CREATE TABLE IF NOT EXISTS topics (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            partitions INTEGER NOT NULL,
            retention_ms INTEGER,
            retention_bytes INTEGER,
            created_ms INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS partitions (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            partition INTEGER NOT NULL,
            log_start_offset INTEGER NOT NULL DEFAULT 0,
            next_offset INTEGER NOT NULL DEFAULT 0,
            records INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (topic_id, partition)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS records (
            topic_id INTEGER NOT NULL,
            partition INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            key BLOB,
            value BLOB,
            headers BLOB,
            size INTEGER NOT NULL,
            PRIMARY KEY (topic_id, partition, offset)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS records_by_time ON records (topic_id, partition, timestamp);
        CREATE TABLE IF NOT EXISTS group_offsets (
            group_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            partition INTEGER NOT NULL,
            committed_offset INTEGER NOT NULL,
            leader_epoch INTEGER NOT NULL,
            metadata TEXT,
            commit_ms INTEGER NOT NULL,
            PRIMARY KEY (group_id, topic, partition)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS log_counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """
}
