// Produce, Fetch and ListOffsets: moving records between clients and the topic log.
import BrookStorage

extension KafkaRequestHandler {
    public func produce(_ request: ProduceRequest) -> ProduceResponse {
        ProduceResponse(topics: request.topics.map { topic in
            ProduceResponse.Topic(name: topic.name, partitions: topic.partitions.map { partition in
                produce(topic: topic.name, partition: partition, transactional: request.transactionalID != nil)
            })
        })
    }

    private func produce(topic: String, partition: ProduceRequest.Partition, transactional: Bool) -> ProduceResponse.Partition {
        func failure(_ code: KafkaErrorCode, _ message: String? = nil) -> ProduceResponse.Partition {
            ProduceResponse.Partition(index: partition.index, errorCode: code, baseOffset: -1, logStartOffset: -1, errorMessage: message)
        }
        guard !transactional else { return failure(.invalidRequest, "transactions are not supported") }
        do {
            if try log.describeTopic(topic) == nil {
                guard config.autoCreateTopics, try autoCreate(topic) != nil else { return failure(.unknownTopicOrPartition) }
            }
            let batches = try RecordBatch.decodeAll(partition.records ?? [], decompressedLimit: config.maxFrameBytes)
            let now = TopicLog.nowMilliseconds()
            var firstOffset: Int64?
            var pending: [AppendRecord] = []
            var fresh: [(batch: RecordBatch, index: Int)] = []
            for batch in batches {
                if batch.producerID >= 0, batch.baseSequence >= 0,
                   let earlier = producers.duplicate(producerID: batch.producerID, topic: topic, partition: partition.index,
                                                     baseSequence: batch.baseSequence, count: Int32(batch.records.count)) {
                    firstOffset = firstOffset ?? earlier
                    continue
                }
                fresh.append((batch, pending.count))
                for record in batch.records {
                    let stamp = batch.usesLogAppendTime || batch.baseTimestamp < 0 ? now : batch.baseTimestamp &+ record.timestampDelta
                    pending.append(AppendRecord(timestamp: stamp, key: record.key, value: record.value, headers: record.headers))
                }
            }
            if !fresh.isEmpty {
                let base = try log.append(topic: topic, partition: partition.index, records: pending)
                appendWaiters.notifyAll()
                firstOffset = firstOffset ?? base
                for (batch, index) in fresh where batch.producerID >= 0 && batch.baseSequence >= 0 {
                    producers.record(producerID: batch.producerID, topic: topic, partition: partition.index,
                                     batch: .init(baseSequence: batch.baseSequence, count: Int32(batch.records.count), baseOffset: base + Int64(index)))
                }
            }
            let bounds = try log.offsets(topic: topic, partition: partition.index)
            return ProduceResponse.Partition(index: partition.index, errorCode: .none, baseOffset: firstOffset ?? bounds.next,
                                             logStartOffset: bounds.logStart, errorMessage: nil)
        } catch {
            return failure(KafkaErrorCode(error), "\(error)")
        }
    }

    /// Answers at once when `minBytes` of records are there, otherwise waits up to `maxWaitMs`,
    /// re-reading whenever something is appended.
    public func fetch(_ request: FetchRequest) async -> FetchResponse {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(max(0, request.maxWaitMs)))
        var response = readFetch(request)
        while request.minBytes > 0, Self.recordBytes(response) < Int(request.minBytes), clock.now < deadline, !Task.isCancelled {
            await waitForAppend(until: deadline)
            response = readFetch(request)
        }
        return response
    }

    /// Returns after the next append or at `deadline`, whichever comes first.
    private func waitForAppend(until deadline: ContinuousClock.Instant) async {
        let id = appendWaiters.reserve()
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: ContinuousClock())
            await self?.wakeWaiter(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                appendWaiters.park(id, continuation)
            }
        } onCancel: {
            Task { [weak self] in await self?.wakeWaiter(id) }
        }
        timer.cancel()
    }

    private func wakeWaiter(_ id: UInt64) {
        appendWaiters.wake(id)
    }

    private static func recordBytes(_ response: FetchResponse) -> Int {
        response.topics.reduce(0) { total, topic in total + topic.partitions.reduce(0) { $0 + $1.records.count } }
    }

    private func readFetch(_ request: FetchRequest) -> FetchResponse {
        var budget = request.maxBytes > 0 ? Int(request.maxBytes) : Int(Int32.max)
        let topics = request.topics.map { topic in
            FetchResponse.Topic(name: topic.name, partitions: topic.partitions.map { partition in
                let result = readPartition(topic: topic.name, partition: partition, budget: budget)
                budget = max(0, budget - result.records.count)
                return result
            })
        }
        return FetchResponse(errorCode: .none, topics: topics)
    }

    private func readPartition(topic: String, partition: FetchRequest.Partition, budget: Int) -> FetchResponse.Partition {
        do {
            let bounds = try log.offsets(topic: topic, partition: partition.index)
            var result = FetchResponse.Partition(index: partition.index, errorCode: .none, highWatermark: bounds.next,
                                                 logStartOffset: bounds.logStart, records: [])
            let limit = min(Int(max(0, partition.maxBytes)), budget)
            guard limit > 0 else { return result }
            let records = try log.read(topic: topic, partition: partition.index, offset: partition.fetchOffset, maxBytes: limit)
            guard let first = records.first else { return result }
            let batch = RecordBatch(
                baseOffset: first.offset, partitionLeaderEpoch: 0, lastOffsetDelta: Int32(clamping: (records.last?.offset ?? first.offset) - first.offset),
                baseTimestamp: first.timestamp,
                records: records.map {
                    KafkaRecord(timestampDelta: $0.timestamp &- first.timestamp, offsetDelta: Int32(clamping: $0.offset - first.offset),
                                key: $0.key, value: $0.value, headers: $0.headers)
                })
            result.records = try batch.encoded(compression: config.fetchCompression)
            return result
        } catch {
            let bounds = try? log.offsets(topic: topic, partition: partition.index)
            return FetchResponse.Partition(index: partition.index, errorCode: KafkaErrorCode(error), highWatermark: bounds?.next ?? -1,
                                           logStartOffset: bounds?.logStart ?? -1, records: [])
        }
    }

    public func listOffsets(_ request: ListOffsetsRequest) -> ListOffsetsResponse {
        ListOffsetsResponse(topics: request.topics.map { topic in
            ListOffsetsResponse.Topic(name: topic.name, partitions: topic.partitions.map { partition in
                let query: OffsetQuery
                switch partition.timestamp {
                case -1: query = .latest
                case -2: query = .earliest
                case let time where time >= 0: query = .timestamp(time)
                default:
                    return .init(index: partition.index, errorCode: .invalidRequest, timestamp: -1, offset: -1)
                }
                do {
                    let found = try log.listOffset(topic: topic.name, partition: partition.index, query: query)
                    return .init(index: partition.index, errorCode: .none, timestamp: found.timestamp, offset: found.offset)
                } catch {
                    return .init(index: partition.index, errorCode: KafkaErrorCode(error), timestamp: -1, offset: -1)
                }
            })
        })
    }
}
