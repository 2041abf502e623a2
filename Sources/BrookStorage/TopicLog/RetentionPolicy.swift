// How long and how much a topic keeps before `enforceRetention` drops its oldest records.

/// A topic's retention limits, with Kafka's defaults: seven days, no size limit.
/// The byte limit applies to each partition separately, as Kafka's `retention.bytes` does.
public struct RetentionPolicy: Sendable, Equatable {
    public static let kafkaDefaultMilliseconds: Int64 = 7 * 24 * 60 * 60 * 1000

    /// Records older than this (by create time) are dropped; nil keeps them forever.
    public var milliseconds: Int64?
    /// A partition larger than this drops its oldest records; nil means no limit.
    public var bytes: Int64?

    public init(milliseconds: Int64? = RetentionPolicy.kafkaDefaultMilliseconds, bytes: Int64? = nil) {
        self.milliseconds = milliseconds
        self.bytes = bytes
    }

    public static let forever = RetentionPolicy(milliseconds: nil, bytes: nil)
}
