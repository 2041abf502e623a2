// Helpers shared by the broker tests: temp logs and hand-built request frames.
import BrookStorage
import Foundation
@testable import BrookKafka

enum TestSupport {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("brook-kafka-\(UUID().uuidString).sqlite").path
    }

    static func quietConfig() -> BrokerConfig {
        var config = BrokerConfig()
        config.initialRebalanceDelay = .milliseconds(50)
        return config
    }

    /// A request frame (no length prefix) for `api` at `version` with `body` written after the header.
    static func frame(_ api: ApiKey, version: Int16, correlationID: Int32 = 7, body: (inout ByteWriter) -> Void = { _ in }) -> [UInt8] {
        var writer = ByteWriter()
        RequestHeader(apiKey: api.rawValue, apiVersion: version, correlationID: correlationID, clientID: "tests").encode(into: &writer)
        body(&writer)
        return writer.bytes
    }

    static func records(_ values: [String], key: String = "AAPL", at timestamp: Int64 = 1_717_581_780_000,
                        producerID: Int64 = -1, baseSequence: Int32 = -1) throws -> [UInt8] {
        try RecordBatch(
            baseOffset: 0, baseTimestamp: timestamp, producerID: producerID, producerEpoch: producerID >= 0 ? 0 : -1,
            baseSequence: baseSequence,
            records: values.enumerated().map {
                KafkaRecord(timestampDelta: Int64($0.offset), offsetDelta: Int32($0.offset), key: Array(key.utf8), value: Array($0.element.utf8))
            }).encoded()
    }
}
