// ApiVersions (key 18): how a client learns which versions Brook speaks.

/// ApiVersions request; v3 adds the client's software name and version, which Brook ignores.
public struct ApiVersionsRequest: KafkaRequest {
    public var clientSoftwareName: String?
    public var clientSoftwareVersion: String?

    public init(clientSoftwareName: String? = nil, clientSoftwareVersion: String? = nil) {
        self.clientSoftwareName = clientSoftwareName
        self.clientSoftwareVersion = clientSoftwareVersion
    }

    public init(from reader: inout ByteReader, version: Int16) throws {
        if version >= 3 {
            clientSoftwareName = try reader.compactString()
            clientSoftwareVersion = try reader.compactString()
            try reader.skipTaggedFields()
        }
    }
}

/// ApiVersions response: the advertised ranges, taken from `ApiKey.supportedVersions`.
public struct ApiVersionsResponse: KafkaResponse {
    /// One API and the versions Brook serves of it.
    public struct ApiRange: Sendable, Equatable {
        public var apiKey: Int16
        public var minVersion: Int16
        public var maxVersion: Int16
    }

    public var errorCode: KafkaErrorCode
    public var apiKeys: [ApiRange]

    public init(errorCode: KafkaErrorCode = .none, apiKeys: [ApiRange] = ApiVersionsResponse.advertised) {
        self.errorCode = errorCode
        self.apiKeys = apiKeys
    }

    public static let advertised: [ApiRange] = ApiKey.allCases.map {
        ApiRange(apiKey: $0.rawValue, minVersion: $0.supportedVersions.lowerBound, maxVersion: $0.supportedVersions.upperBound)
    }

    public func encode(into writer: inout ByteWriter, version: Int16) {
        let flexible = version >= 3
        writer.int16(errorCode.rawValue)
        writer.array(apiKeys, flexible: flexible) { writer, range in
            writer.int16(range.apiKey)
            writer.int16(range.minVersion)
            writer.int16(range.maxVersion)
            if flexible { writer.emptyTaggedFields() }
        }
        if version >= 1 { writer.int32(0) }
        if flexible { writer.emptyTaggedFields() }
    }
}
