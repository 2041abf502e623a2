// Frames at flexible versions (compact types, tagged fields, header v2 / response header v1).
import BrookStorage
import Testing
@testable import BrookKafka

@Suite struct FlexibleVersionTests {
    func makeHandler() throws -> KafkaRequestHandler {
        KafkaRequestHandler(log: try TopicLog(path: TestSupport.temporaryPath()), config: TestSupport.quietConfig(),
                            advertisedHost: "127.0.0.1", advertisedPort: 19092)
    }

    @Test func requestHeaderV2KeepsAClassicClientIDAndSkipsTags() throws {
        var writer = ByteWriter()
        RequestHeader(apiKey: ApiKey.metadata.rawValue, apiVersion: 9, correlationID: 3, clientID: "rdkafka").encode(into: &writer)
        writer.int8(0x2A)
        var reader = ByteReader(writer.bytes)
        let header = try RequestHeader.decode(from: &reader)
        #expect(header.clientID == "rdkafka" && header.correlationID == 3)
        #expect(try reader.int8() == 0x2A)
        #expect(writer.bytes[8...9] == [0x00, 0x07])
    }

    @Test func metadataV9AnswersWithCompactFieldsAndHeaderV1() async throws {
        let handler = try makeHandler()
        let frame = TestSupport.frame(.metadata, version: 9, correlationID: 11) { writer in
            writer.arrayCount(1, flexible: true)
            writer.string("flex", flexible: true)
            writer.emptyTaggedFields()
            writer.bool(true)
            writer.bool(false)
            writer.bool(false)
            writer.emptyTaggedFields()
        }
        let response = try #require(try await handler.handle(frame: frame))
        var reader = ByteReader(response)
        #expect(try reader.int32() == 11)
        try reader.skipTaggedFields()
        #expect(try reader.int32() == 0)
        let brokers = try reader.array(flexible: true) { reader in
            let broker = (try reader.int32(), try reader.compactString(), try reader.int32(), try reader.compactNullableString())
            try reader.skipTaggedFields()
            return broker
        }
        #expect(brokers.count == 1 && brokers[0].1 == "127.0.0.1" && brokers[0].2 == 19092)
        #expect(try reader.compactNullableString() == "brook")
        #expect(try reader.int32() == 0)
        let topics = try reader.array(flexible: true) { reader in
            let error = try reader.int16()
            let name = try reader.compactString()
            _ = try reader.bool()
            let partitions = try reader.array(flexible: true) { reader in
                _ = try reader.int16()
                let index = try reader.int32()
                _ = try reader.int32()
                _ = try reader.int32()
                _ = try reader.array(flexible: true) { try $0.int32() }
                _ = try reader.array(flexible: true) { try $0.int32() }
                _ = try reader.array(flexible: true) { try $0.int32() }
                try reader.skipTaggedFields()
                return index
            }
            _ = try reader.int32()
            try reader.skipTaggedFields()
            return (error, name, partitions)
        }
        #expect(topics.count == 1 && topics[0].0 == 0 && topics[0].1 == "flex" && topics[0].2 == [0])
        _ = try reader.int32()
        try reader.skipTaggedFields()
        #expect(reader.isAtEnd)
    }

    @Test func produceV9ThenFetchV12RoundTripsRecords() async throws {
        let handler = try makeHandler()
        let records = try TestSupport.records(["one", "two"])
        let produce = TestSupport.frame(.produce, version: 9, correlationID: 1) { writer in
            writer.nullableString(nil, flexible: true)
            writer.int16(-1)
            writer.int32(1000)
            writer.arrayCount(1, flexible: true)
            writer.string("flex", flexible: true)
            writer.arrayCount(1, flexible: true)
            writer.int32(0)
            writer.nullableBytes(records, flexible: true)
            writer.emptyTaggedFields()
            writer.emptyTaggedFields()
            writer.emptyTaggedFields()
        }
        var produced = ByteReader(try #require(try await handler.handle(frame: produce)))
        #expect(try produced.int32() == 1)
        try produced.skipTaggedFields()
        let result = try produced.array(flexible: true) { reader in
            _ = try reader.compactString()
            let partitions = try reader.array(flexible: true) { reader in
                let values = (try reader.int32(), try reader.int16(), try reader.int64())
                _ = try reader.int64()
                _ = try reader.int64()
                _ = try reader.array(flexible: true) { try $0.int8() }
                _ = try reader.compactNullableString()
                try reader.skipTaggedFields()
                return values
            }
            try reader.skipTaggedFields()
            return partitions
        }
        #expect(result.first?.first?.1 == 0 && result.first?.first?.2 == 0)

        let fetch = TestSupport.frame(.fetch, version: 12, correlationID: 2) { writer in
            writer.int32(-1)
            writer.int32(0)
            writer.int32(1)
            writer.int32(1 << 20)
            writer.int8(0)
            writer.int32(0)
            writer.int32(-1)
            writer.arrayCount(1, flexible: true)
            writer.string("flex", flexible: true)
            writer.arrayCount(1, flexible: true)
            writer.int32(0)
            writer.int32(-1)
            writer.int64(0)
            writer.int32(-1)
            writer.int64(-1)
            writer.int32(1 << 20)
            writer.emptyTaggedFields()
            writer.emptyTaggedFields()
            writer.arrayCount(0, flexible: true)
            writer.string("", flexible: true)
            writer.emptyTaggedFields()
        }
        var fetched = ByteReader(try #require(try await handler.handle(frame: fetch)))
        #expect(try fetched.int32() == 2)
        try fetched.skipTaggedFields()
        _ = try fetched.int32()
        #expect(try fetched.int16() == 0)
        _ = try fetched.int32()
        let batches = try fetched.array(flexible: true) { reader in
            _ = try reader.compactString()
            let partitions = try reader.array(flexible: true) { reader in
                _ = try reader.int32()
                _ = try reader.int16()
                let highWatermark = try reader.int64()
                _ = try reader.int64()
                _ = try reader.int64()
                _ = try reader.nullableArray(flexible: true) { try $0.int64() }
                _ = try reader.int32()
                let bytes = try reader.compactNullableBytes() ?? []
                try reader.skipTaggedFields()
                return (highWatermark, try RecordBatch.decodeAll(bytes))
            }
            try reader.skipTaggedFields()
            return partitions
        }
        try fetched.skipTaggedFields()
        #expect(fetched.isAtEnd)
        let partition = try #require(batches.first?.first)
        #expect(partition.0 == 2)
        #expect(partition.1.first?.records.map { String(decoding: $0.value ?? [], as: UTF8.self) } == ["one", "two"])
    }
}
