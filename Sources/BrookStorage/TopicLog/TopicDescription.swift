// What the log knows about one topic's shape.

/// A topic's name, partition count and retention, as metadata requests need them.
public struct TopicDescription: Sendable, Equatable {
    public var name: String
    public var partitions: Int32
    public var retention: RetentionPolicy

    public init(name: String, partitions: Int32, retention: RetentionPolicy) {
        self.name = name
        self.partitions = partitions
        self.retention = retention
    }
}
