// The broker's settings, with defaults suited to one machine and local clients.
import BrookStorage

/// Tunables for `KafkaBroker`; defaults follow Kafka's where Kafka has one.
public struct BrokerConfig: Sendable {
    /// Create a topic when a client asks for one that does not exist (Kafka's auto.create.topics.enable).
    public var autoCreateTopics: Bool = true
    /// Partition count for auto-created topics and CreateTopics requests that pass -1.
    public var defaultPartitions: Int32 = 1
    /// Retention for topics created over the wire without retention configs.
    public var defaultRetention: RetentionPolicy = RetentionPolicy()
    /// The host Metadata and FindCoordinator hand to clients; nil means the listen host, which is
    /// wrong only when listening on a wildcard address such as 0.0.0.0.
    public var advertisedHost: String?
    /// Frames larger than this are refused by closing the connection, before they are buffered.
    public var maxFrameBytes: Int = 100 * 1024 * 1024
    /// How long an empty group waits for more members before its first generation (Kafka: 3 s).
    public var initialRebalanceDelay: Duration = .milliseconds(300)
    public var minSessionTimeoutMs: Int32 = 1_000
    public var maxSessionTimeoutMs: Int32 = 1_800_000
    /// How often sessions are checked for expiry.
    public var sessionCheckInterval: Duration = .milliseconds(250)
    /// How often `enforceRetention` runs.
    public var retentionCheckInterval: Duration = .seconds(60)
    /// Compression for batches sent to consumers; stored records are kept uncompressed.
    public var fetchCompression: CompressionCodec = .none

    public init() {}
}
