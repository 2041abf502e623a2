// Recent batches of idempotent producers, so a retried batch is acknowledged, not appended twice.

/// Per producer id and partition, the last few batches' sequence ranges and the offsets they got.
/// Kept in memory: after a restart a retry of a batch from before it would be appended again.
struct ProducerStateTable {
    struct Batch: Equatable {
        var baseSequence: Int32
        var count: Int32
        var baseOffset: Int64
    }

    private struct Key: Hashable {
        var producerID: Int64
        var topic: String
        var partition: Int32
    }

    /// Kafka keeps five batches per producer and partition, matching max.in.flight=5.
    static let remembered = 5
    private var batches: [Key: [Batch]] = [:]

    /// The offset a batch with these sequences was already appended at, if it was.
    func duplicate(producerID: Int64, topic: String, partition: Int32, baseSequence: Int32, count: Int32) -> Int64? {
        batches[Key(producerID: producerID, topic: topic, partition: partition)]?
            .first { $0.baseSequence == baseSequence && $0.count == count }?.baseOffset
    }

    mutating func record(producerID: Int64, topic: String, partition: Int32, batch: Batch) {
        let key = Key(producerID: producerID, topic: topic, partition: partition)
        var recent = batches[key, default: []]
        recent.append(batch)
        if recent.count > Self.remembered { recent.removeFirst(recent.count - Self.remembered) }
        batches[key] = recent
    }

    mutating func forgetTopic(_ topic: String) {
        batches = batches.filter { $0.key.topic != topic }
    }
}
