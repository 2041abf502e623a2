// The failures a topic log reports, as values a broker can map onto Kafka error codes.

/// Why a `TopicLog` call was refused; SQLite failures pass through as `SQLiteError`.
public enum TopicLogError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTopic(String)
    case topicExists(String)
    case invalidTopicName(String)
    case invalidPartitionCount(Int32)
    case invalidPartition(topic: String, partition: Int32)
    case offsetOutOfRange(topic: String, partition: Int32, offset: Int64)
    case corruptHeaders(topic: String, partition: Int32, offset: Int64)

    public var description: String {
        switch self {
        case .unknownTopic(let name): return "unknown topic '\(name)'"
        case .topicExists(let name): return "topic '\(name)' already exists"
        case .invalidTopicName(let name): return "invalid topic name '\(name)'"
        case .invalidPartitionCount(let count): return "invalid partition count \(count)"
        case .invalidPartition(let topic, let partition): return "topic '\(topic)' has no partition \(partition)"
        case .offsetOutOfRange(let topic, let partition, let offset):
            return "offset \(offset) is out of range for \(topic)-\(partition)"
        case .corruptHeaders(let topic, let partition, let offset):
            return "stored headers of \(topic)-\(partition)@\(offset) cannot be decoded"
        }
    }
}
