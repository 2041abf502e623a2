// The bounds of one partition's readable offsets.

/// The first readable offset and the offset the next record will get (Kafka's high watermark,
/// since a single node commits everything it appends).
public struct PartitionOffsets: Sendable, Equatable {
    public var logStart: Int64
    public var next: Int64

    public init(logStart: Int64, next: Int64) {
        self.logStart = logStart
        self.next = next
    }
}
