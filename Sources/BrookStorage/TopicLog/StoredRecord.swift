// A record read back from the log, with the offset the log gave it.

/// A record as stored in one partition; offsets only grow, though retention may remove a prefix.
public struct StoredRecord: Sendable, Equatable {
    public var offset: Int64
    /// Create time in milliseconds since the epoch.
    public var timestamp: Int64
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [RecordHeader]

    public init(offset: Int64, timestamp: Int64, key: [UInt8]?, value: [UInt8]?, headers: [RecordHeader] = []) {
        self.offset = offset
        self.timestamp = timestamp
        self.key = key
        self.value = value
        self.headers = headers
    }
}
