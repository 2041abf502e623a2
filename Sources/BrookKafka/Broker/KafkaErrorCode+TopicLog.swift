// How topic-log failures read on the wire.
import BrookStorage

extension KafkaErrorCode {
    /// The Kafka error a client understands for `error`; anything unexpected is UNKNOWN_SERVER_ERROR.
    init(_ error: any Error) {
        switch error {
        case let logError as TopicLogError:
            switch logError {
            case .unknownTopic, .invalidPartition: self = .unknownTopicOrPartition
            case .topicExists: self = .topicAlreadyExists
            case .invalidTopicName: self = .invalidTopicException
            case .invalidPartitionCount: self = .invalidPartitions
            case .offsetOutOfRange: self = .offsetOutOfRange
            case .corruptHeaders: self = .unknownServerError
            }
        case let codecError as KafkaCodecError:
            switch codecError {
            case .unsupportedCompression: self = .unsupportedCompressionType
            case .unsupportedMagic: self = .unsupportedForMessageFormat
            default: self = .corruptMessage
            }
        default:
            self = .unknownServerError
        }
    }
}
