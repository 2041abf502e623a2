// The broker's request handling in-process, without sockets: frames and typed requests.
import BrookStorage
import Testing
@testable import BrookKafka

@Suite struct RequestHandlerTests {
    let path = TestSupport.temporaryPath()

    func makeHandler(autoCreate: Bool = true) throws -> KafkaRequestHandler {
        var config = TestSupport.quietConfig()
        config.autoCreateTopics = autoCreate
        return KafkaRequestHandler(log: try TopicLog(path: path), config: config, advertisedHost: "127.0.0.1", advertisedPort: 19092)
    }

    func produce(_ handler: KafkaRequestHandler, topic: String, _ records: [UInt8], partition: Int32 = 0) async -> ProduceResponse.Partition? {
        let request = ProduceRequest(acks: -1, timeoutMs: 1000, topics: [.init(name: topic, partitions: [.init(index: partition, records: records)])])
        return await handler.produce(request).topics.first?.partitions.first
    }

    @Test func apiVersionsFrameAdvertisesEveryImplementedRange() async throws {
        let handler = try makeHandler()
        for version: Int16 in [0, 3] {
            let frame = TestSupport.frame(.apiVersions, version: version, correlationID: 99) { writer in
                if version >= 3 {
                    writer.string("kcat", flexible: true)
                    writer.string("1.7", flexible: true)
                    writer.emptyTaggedFields()
                }
            }
            let response = try #require(try await handler.handle(frame: frame))
            var reader = ByteReader(response)
            #expect(try reader.int32() == 99)
            #expect(try reader.int16() == 0)
            let ranges = try reader.array(flexible: version >= 3) { reader in
                let range = (try reader.int16(), try reader.int16(), try reader.int16())
                if version >= 3 { try reader.skipTaggedFields() }
                return range
            }
            #expect(ranges.count == ApiKey.allCases.count)
            #expect(ranges.contains { $0 == (1, 4, 12) })
            #expect(ranges.contains { $0 == (0, 3, 9) })
        }
    }

    @Test func unsupportedApiVersionsVersionGetsErrorInVersionZero() async throws {
        let handler = try makeHandler()
        let response = try #require(try await handler.handle(frame: TestSupport.frame(.apiVersions, version: 9)))
        var reader = ByteReader(response)
        #expect(try reader.int32() == 7)
        #expect(try reader.int16() == KafkaErrorCode.unsupportedVersion.rawValue)
    }

    @Test func malformedFramesThrowInsteadOfCrashing() async throws {
        let handler = try makeHandler()
        await #expect(throws: KafkaCodecError.self) { try await handler.handle(frame: [0x00, 0x03]) }
        await #expect(throws: KafkaCodecError.self) { try await handler.handle(frame: TestSupport.frame(.metadata, version: 9)) }
        let truncatedProduce = TestSupport.frame(.produce, version: 7) { writer in
            writer.nullableString(nil)
            writer.int16(-1)
        }
        await #expect(throws: KafkaCodecError.self) { try await handler.handle(frame: truncatedProduce) }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let api = ApiKey.allCases.randomElement(using: &random) ?? .metadata
            var frame = TestSupport.frame(api, version: api.supportedVersions.upperBound)
            frame += (0..<Int.random(in: 0..<64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = try? await handler.handle(frame: frame)
        }
    }

    @Test func produceThenFetchReturnsRecordsWithProducerTimestamps() async throws {
        let handler = try makeHandler()
        let produced = try #require(await produce(handler, topic: "prices", try TestSupport.records(["a", "b", "c"])))
        #expect(produced.errorCode == .none && produced.baseOffset == 0)
        let again = try #require(await produce(handler, topic: "prices", try TestSupport.records(["d"])))
        #expect(again.baseOffset == 3)

        let fetch = await handler.fetch(FetchRequest(maxWaitMs: 0, minBytes: 1, topics: [.init(name: "prices", partitions: [.init(index: 0, fetchOffset: 1, maxBytes: 1 << 20)])]))
        let partition = try #require(fetch.topics.first?.partitions.first)
        #expect(partition.errorCode == .none && partition.highWatermark == 4)
        let batch = try #require(try RecordBatch.decodeAll(partition.records).first)
        #expect(batch.baseOffset == 1)
        #expect(batch.records.map { String(decoding: $0.value ?? [], as: UTF8.self) } == ["b", "c", "d"])
        #expect(batch.baseTimestamp == 1_717_581_780_001)
        #expect(batch.records.map(\.offsetDelta) == [0, 1, 2])
    }

    @Test func fetchWaitsForAppendsUpToMaxWait() async throws {
        let handler = try makeHandler()
        _ = await produce(handler, topic: "live", try TestSupport.records([]))
        let clock = ContinuousClock()
        let start = clock.now
        let empty = await handler.fetch(FetchRequest(maxWaitMs: 200, minBytes: 1, topics: [.init(name: "live", partitions: [.init(index: 0, fetchOffset: 0, maxBytes: 1 << 20)])]))
        #expect(clock.now - start >= .milliseconds(190))
        #expect(empty.topics.first?.partitions.first?.records.isEmpty == true)

        async let waiting = handler.fetch(FetchRequest(maxWaitMs: 5_000, minBytes: 1, topics: [.init(name: "live", partitions: [.init(index: 0, fetchOffset: 0, maxBytes: 1 << 20)])]))
        try await Task.sleep(for: .milliseconds(50))
        let producedAt = clock.now
        _ = await produce(handler, topic: "live", try TestSupport.records(["new"]))
        let filled = await waiting
        #expect(filled.topics.first?.partitions.first?.records.isEmpty == false)
        #expect(clock.now - producedAt < .milliseconds(500))
    }

    @Test func fetchOutsideTheLogIsOffsetOutOfRange() async throws {
        let handler = try makeHandler()
        _ = await produce(handler, topic: "t", try TestSupport.records(["a"]))
        let fetch = await handler.fetch(FetchRequest(maxWaitMs: 0, minBytes: 0, topics: [.init(name: "t", partitions: [.init(index: 0, fetchOffset: 5, maxBytes: 100)])]))
        #expect(fetch.topics.first?.partitions.first?.errorCode == .offsetOutOfRange)
        #expect(fetch.topics.first?.partitions.first?.highWatermark == 1)
    }

    @Test func retriedIdempotentBatchIsNotAppendedTwice() async throws {
        let handler = try makeHandler()
        let id = await handler.initProducerID(InitProducerIDRequest())
        #expect(id.errorCode == .none && id.producerID >= 0)
        let batch = try TestSupport.records(["x", "y"], producerID: id.producerID, baseSequence: 0)
        let first = await produce(handler, topic: "idem", batch)
        let retry = await produce(handler, topic: "idem", batch)
        let next = await produce(handler, topic: "idem", try TestSupport.records(["z"], producerID: id.producerID, baseSequence: 2))
        #expect(first?.baseOffset == 0 && retry?.baseOffset == 0 && next?.baseOffset == 2)
        #expect(retry?.errorCode == KafkaErrorCode.none)
        let offsets = await handler.listOffsets(ListOffsetsRequest(topics: [.init(name: "idem", partitions: [.init(index: 0, timestamp: -1)])]))
        #expect(offsets.topics.first?.partitions.first?.offset == 3)
    }

    @Test func listOffsetsAnswersEarliestLatestAndByTime() async throws {
        let handler = try makeHandler()
        _ = await produce(handler, topic: "t", try TestSupport.records(["a", "b", "c"], at: 1_000))
        let response = await handler.listOffsets(ListOffsetsRequest(topics: [.init(name: "t", partitions: [
            .init(index: 0, timestamp: -2), .init(index: 0, timestamp: -1), .init(index: 0, timestamp: 1_001),
        ])]))
        #expect(response.topics.first?.partitions.map(\.offset) == [0, 3, 1])
        #expect(response.topics.first?.partitions.last?.timestamp == 1_001)
    }

    @Test func metadataAutoCreatesOnlyWhenAllowed() async throws {
        let closed = try makeHandler(autoCreate: false)
        let unknown = await closed.metadata(MetadataRequest(topics: ["ghost"]))
        #expect(unknown.topics.first?.errorCode == .unknownTopicOrPartition)
        #expect(unknown.brokers == [MetadataResponse.Broker(nodeID: 0, host: "127.0.0.1", port: 19092)])
        let missing = await produce(closed, topic: "ghost", try TestSupport.records(["a"]))
        #expect(missing?.errorCode == .unknownTopicOrPartition)

        let open = try makeHandler()
        let created = await open.metadata(MetadataRequest(topics: ["fresh"]))
        #expect(created.topics.first?.errorCode == KafkaErrorCode.none)
        #expect(created.topics.first?.partitions.count == 1)
        let all = await open.metadata(MetadataRequest(topics: nil))
        #expect(all.topics.map(\.name) == ["fresh"])
    }

    @Test func createAndDeleteTopicsReportPerTopicResults() async throws {
        let handler = try makeHandler(autoCreate: false)
        let created = await handler.createTopics(CreateTopicsRequest(topics: [
            .init(name: "market-news", partitions: 3, configs: ["retention.ms": "1000"]),
            .init(name: "bad name", partitions: 1),
            .init(name: "replicated", partitions: 1, replicationFactor: 3),
        ]))
        #expect(created.topics.map(\.errorCode) == [.none, .invalidTopicException, .invalidReplicationFactor])
        let again = await handler.createTopics(CreateTopicsRequest(topics: [.init(name: "market-news", partitions: 1)]))
        #expect(again.topics.first?.errorCode == .topicAlreadyExists)
        let stats = try await handler.stats()
        #expect(stats.first?.partitions == 3 && stats.first?.retention.milliseconds == 1000)
        let deleted = await handler.deleteTopics(DeleteTopicsRequest(names: ["market-news", "nope"]))
        #expect(deleted.results.map(\.errorCode) == [.none, .unknownTopicOrPartition])
    }

    @Test func committedOffsetsSurviveAHandlerRestart() async throws {
        do {
            let handler = try makeHandler()
            _ = await produce(handler, topic: "t", try TestSupport.records(["a", "b"]))
            let commit = await handler.offsetCommit(OffsetCommitRequest(groupID: "g", topics: [
                .init(name: "t", partitions: [.init(index: 0, offset: 2, metadata: "meta")]),
                .init(name: "missing", partitions: [.init(index: 0, offset: 1)]),
            ]))
            #expect(commit.topics.map { $0.partitions.first?.errorCode } == [KafkaErrorCode.none, .unknownTopicOrPartition])
        }
        let restarted = try makeHandler()
        let fetched = await restarted.offsetFetch(OffsetFetchRequest(groupID: "g", topics: [.init(name: "t", partitions: [0])]))
        #expect(fetched.topics.first?.partitions.first?.offset == 2)
        #expect(fetched.topics.first?.partitions.first?.metadata == "meta")
        let all = await restarted.offsetFetch(OffsetFetchRequest(groupID: "g", topics: nil))
        #expect(all.topics.map(\.name) == ["t"])
        let none = await restarted.offsetFetch(OffsetFetchRequest(groupID: "other", topics: [.init(name: "t", partitions: [0])]))
        #expect(none.topics.first?.partitions.first?.offset == -1)
    }

    @Test func gzipProducedBatchesAreStoredDecompressed() async throws {
        let handler = try makeHandler()
        let batch = try RecordBatch(baseOffset: 0, baseTimestamp: 5, records: [
            KafkaRecord(timestampDelta: 0, offsetDelta: 0, key: nil, value: Array(String(repeating: "q", count: 1000).utf8)),
        ]).encoded(compression: .gzip)
        let produced = await produce(handler, topic: "zipped", batch)
        #expect(produced?.errorCode == KafkaErrorCode.none)
        let stats = try await handler.stats()
        #expect(stats.first?.bytes == 1000)
    }

    @Test func acksZeroProduceSendsNoResponse() async throws {
        let handler = try makeHandler()
        let records = try TestSupport.records(["quiet"])
        let frame = TestSupport.frame(.produce, version: 7) { writer in
            writer.nullableString(nil)
            writer.int16(0)
            writer.int32(1000)
            writer.arrayCount(1)
            writer.string("silent")
            writer.arrayCount(1)
            writer.int32(0)
            writer.nullableBytes(records)
        }
        #expect(try await handler.handle(frame: frame) == nil)
        #expect(try await handler.stats().first?.records == 1)
    }

    @Test func fetchCompressesWhenConfiguredTo() async throws {
        var config = TestSupport.quietConfig()
        config.fetchCompression = .zstd
        let handler = KafkaRequestHandler(log: try TopicLog(path: path), config: config)
        _ = await produce(handler, topic: "z", try TestSupport.records(Array(repeating: "same bar", count: 50)))
        let fetch = await handler.fetch(FetchRequest(maxWaitMs: 0, minBytes: 1, topics: [.init(name: "z", partitions: [.init(index: 0, fetchOffset: 0, maxBytes: 1 << 20)])]))
        let batch = try #require(try RecordBatch.decodeAll(fetch.topics.first?.partitions.first?.records ?? []).first)
        #expect(batch.compressionCode == CompressionCodec.zstd.rawValue)
        #expect(batch.records.count == 50)
    }
}
