// The header in front of every request: which API, which version, and the correlation id.

/// Request header v1 (or v2 with tagged fields for flexible versions); v0, without a client
/// id, is only used by versions Brook does not serve.
public struct RequestHeader: Sendable, Equatable {
    public var apiKey: Int16
    public var apiVersion: Int16
    public var correlationID: Int32
    public var clientID: String?

    public init(apiKey: Int16, apiVersion: Int16, correlationID: Int32, clientID: String?) {
        self.apiKey = apiKey
        self.apiVersion = apiVersion
        self.correlationID = correlationID
        self.clientID = clientID
    }

    /// Reads the header and leaves `reader` at the request body. The client id stays a classic
    /// nullable string even in header v2, as the protocol specifies.
    public static func decode(from reader: inout ByteReader) throws -> RequestHeader {
        let apiKey = try reader.int16()
        let apiVersion = try reader.int16()
        let correlationID = try reader.int32()
        let clientID = try reader.nullableString()
        if let key = ApiKey(rawValue: apiKey), key.isFlexible(apiVersion) {
            try reader.skipTaggedFields()
        }
        return RequestHeader(apiKey: apiKey, apiVersion: apiVersion, correlationID: correlationID, clientID: clientID)
    }

    public func encode(into writer: inout ByteWriter) {
        writer.int16(apiKey)
        writer.int16(apiVersion)
        writer.int32(correlationID)
        writer.nullableString(clientID)
        if let key = ApiKey(rawValue: apiKey), key.isFlexible(apiVersion) { writer.emptyTaggedFields() }
    }
}
