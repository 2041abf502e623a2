// The two shapes every API's messages share: requests are read, responses are written.

/// A request body Brook can decode at any version in its API's `supportedVersions`.
public protocol KafkaRequest: Sendable {
    init(from reader: inout ByteReader, version: Int16) throws
}

/// A response body Brook can encode at any version in its API's `supportedVersions`.
public protocol KafkaResponse: Sendable {
    func encode(into writer: inout ByteWriter, version: Int16)
}
