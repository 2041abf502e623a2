// A record on its way into the log, before it has an offset.

/// What a producer hands the log: the log assigns the offset, everything else is kept as sent.
public struct AppendRecord: Sendable, Equatable {
    /// Create time in milliseconds since the epoch, as the producer stamped it.
    public var timestamp: Int64
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [RecordHeader]

    public init(timestamp: Int64, key: [UInt8]?, value: [UInt8]?, headers: [RecordHeader] = []) {
        self.timestamp = timestamp
        self.key = key
        self.value = value
        self.headers = headers
    }
}
