// One Kafka record header: a string key with optional bytes.

/// A record header as Kafka clients send it; the value may be null, distinct from empty.
public struct RecordHeader: Sendable, Equatable {
    public var key: String
    public var value: [UInt8]?

    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }
}
