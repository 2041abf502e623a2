// FindCoordinator, offset commits and fetches, and producer ids.
import BrookStorage

extension KafkaRequestHandler {
    public func findCoordinator(_ request: FindCoordinatorRequest) -> FindCoordinatorResponse {
        guard request.keyType == 0 else {
            return FindCoordinatorResponse(errorCode: .coordinatorNotAvailable, nodeID: -1, host: "", port: -1)
        }
        return FindCoordinatorResponse(errorCode: .none, nodeID: 0, host: advertisedHost, port: advertisedPort)
    }

    public func offsetCommit(_ request: OffsetCommitRequest) async -> OffsetCommitResponse {
        let verdict = await coordinator.validateCommit(groupID: request.groupID, memberID: request.memberID,
                                                       generationID: request.generationID)
        var codes: [String: [Int32: KafkaErrorCode]] = [:]
        var accepted: [CommittedOffset] = []
        for topic in request.topics {
            let partitions = (try? log.describeTopic(topic.name))??.partitions ?? 0
            for partition in topic.partitions {
                if verdict != .none {
                    codes[topic.name, default: [:]][partition.index] = verdict
                } else if partition.index < 0 || partition.index >= partitions {
                    codes[topic.name, default: [:]][partition.index] = .unknownTopicOrPartition
                } else {
                    codes[topic.name, default: [:]][partition.index] = KafkaErrorCode.none
                    accepted.append(CommittedOffset(topic: topic.name, partition: partition.index, offset: partition.offset,
                                                    leaderEpoch: partition.leaderEpoch, metadata: partition.metadata))
                }
            }
        }
        if !accepted.isEmpty {
            do {
                try log.commitOffsets(group: request.groupID, offsets: accepted)
            } catch {
                for offset in accepted { codes[offset.topic]?[offset.partition] = KafkaErrorCode(error) }
            }
        }
        return OffsetCommitResponse(topics: request.topics.map { topic in
            OffsetCommitResponse.Topic(name: topic.name, partitions: topic.partitions.map {
                .init(index: $0.index, errorCode: codes[topic.name]?[$0.index] ?? .unknownServerError)
            })
        })
    }

    public func offsetFetch(_ request: OffsetFetchRequest) -> OffsetFetchResponse {
        do {
            let committed = try log.committedOffsets(group: request.groupID)
            let wanted = request.topics ?? Dictionary(grouping: committed, by: \.topic)
                .sorted { $0.key < $1.key }
                .map { OffsetFetchRequest.Topic(name: $0.key, partitions: $0.value.map(\.partition)) }
            let byPartition = Dictionary(committed.map { ("\($0.topic)\u{0}\($0.partition)", $0) }, uniquingKeysWith: { $1 })
            return OffsetFetchResponse(topics: wanted.map { topic in
                OffsetFetchResponse.Topic(name: topic.name, partitions: topic.partitions.map { index in
                    let found = byPartition["\(topic.name)\u{0}\(index)"]
                    return .init(index: index, offset: found?.offset ?? -1, leaderEpoch: found?.leaderEpoch ?? -1,
                                 metadata: found?.metadata ?? "", errorCode: .none)
                })
            }, errorCode: .none)
        } catch {
            return OffsetFetchResponse(topics: [], errorCode: KafkaErrorCode(error))
        }
    }

    public func initProducerID(_ request: InitProducerIDRequest) -> InitProducerIDResponse {
        guard request.transactionalID == nil else {
            return InitProducerIDResponse(errorCode: .invalidRequest, producerID: -1, producerEpoch: -1)
        }
        do {
            return InitProducerIDResponse(errorCode: .none, producerID: try log.nextProducerID(), producerEpoch: 0)
        } catch {
            return InitProducerIDResponse(errorCode: KafkaErrorCode(error), producerID: -1, producerEpoch: -1)
        }
    }
}
