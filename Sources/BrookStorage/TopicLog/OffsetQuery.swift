// The questions ListOffsets asks of a partition, and the answer.

/// Which offset a consumer wants to start from.
public enum OffsetQuery: Sendable, Equatable {
    case earliest
    case latest
    /// The first record whose create time is at or after this many milliseconds since the epoch.
    case timestamp(Int64)
}

/// An offset found by an `OffsetQuery`; timestamp is -1 unless the query was by time.
/// Offset -1 with timestamp -1 means no record is that recent, as Kafka answers.
public struct ListedOffset: Sendable, Equatable {
    public var offset: Int64
    public var timestamp: Int64

    public init(offset: Int64, timestamp: Int64) {
        self.offset = offset
        self.timestamp = timestamp
    }
}
