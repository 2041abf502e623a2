// Metadata, CreateTopics and DeleteTopics: the topic-shaped requests.
import BrookStorage

extension KafkaRequestHandler {
    public func metadata(_ request: MetadataRequest) -> MetadataResponse {
        let names: [String]
        do {
            names = try request.topics ?? log.topicNames()
        } catch {
            names = []
        }
        let topics = names.map { name -> MetadataResponse.Topic in
            do {
                var description = try log.describeTopic(name)
                if description == nil, request.allowAutoTopicCreation, config.autoCreateTopics {
                    description = try autoCreate(name)
                }
                guard let description else {
                    return MetadataResponse.Topic(errorCode: .unknownTopicOrPartition, name: name, partitions: [])
                }
                let partitions = (0..<description.partitions).map {
                    MetadataResponse.Partition(errorCode: .none, index: $0, leaderID: 0)
                }
                return MetadataResponse.Topic(errorCode: .none, name: name, partitions: partitions)
            } catch {
                return MetadataResponse.Topic(errorCode: KafkaErrorCode(error), name: name, partitions: [])
            }
        }
        return MetadataResponse(
            brokers: [MetadataResponse.Broker(nodeID: 0, host: advertisedHost, port: advertisedPort)],
            clusterID: "brook", controllerID: 0, topics: topics)
    }

    func autoCreate(_ name: String) throws -> TopicDescription? {
        do {
            try log.createTopic(name, partitions: config.defaultPartitions, retention: config.defaultRetention)
        } catch TopicLogError.topicExists {
            // Another request created it in between; the existing topic is what the caller wants.
        }
        return try log.describeTopic(name)
    }

    public func createTopics(_ request: CreateTopicsRequest) -> CreateTopicsResponse {
        let results = request.topics.map { topic -> CreateTopicsResponse.Result in
            let partitions = topic.partitions == -1 ? config.defaultPartitions : topic.partitions
            guard topic.replicationFactor == -1 || topic.replicationFactor == 1 else {
                return .init(name: topic.name, errorCode: .invalidReplicationFactor,
                             errorMessage: "Brook is a single node: replication factor must be 1")
            }
            var retention = config.defaultRetention
            if let value = topic.configs["retention.ms"], let value, let number = Int64(value) {
                retention.milliseconds = number < 0 ? nil : number
            }
            if let value = topic.configs["retention.bytes"], let value, let number = Int64(value) {
                retention.bytes = number < 0 ? nil : number
            }
            do {
                if request.validateOnly {
                    guard TopicLog.isValidTopicName(topic.name) else { throw TopicLogError.invalidTopicName(topic.name) }
                    guard partitions > 0 else { throw TopicLogError.invalidPartitionCount(partitions) }
                    if try log.describeTopic(topic.name) != nil { throw TopicLogError.topicExists(topic.name) }
                } else {
                    try log.createTopic(topic.name, partitions: partitions, retention: retention)
                }
                return .init(name: topic.name, errorCode: .none, errorMessage: nil, partitions: partitions)
            } catch {
                return .init(name: topic.name, errorCode: KafkaErrorCode(error), errorMessage: "\(error)")
            }
        }
        return CreateTopicsResponse(topics: results)
    }

    public func deleteTopics(_ request: DeleteTopicsRequest) -> DeleteTopicsResponse {
        DeleteTopicsResponse(results: request.names.map { name in
            do {
                try log.deleteTopic(name)
                producers.forgetTopic(name)
                return .init(name: name, errorCode: .none)
            } catch {
                return .init(name: name, errorCode: KafkaErrorCode(error))
            }
        })
    }
}
