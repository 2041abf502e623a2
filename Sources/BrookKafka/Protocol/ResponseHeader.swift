// The header in front of every response.

/// Response header v0 (correlation id) or v1 (plus an empty tagged-field section).
public enum ResponseHeader {
    public static func encode(correlationID: Int32, version: Int16, into writer: inout ByteWriter) {
        writer.int32(correlationID)
        if version >= 1 { writer.emptyTaggedFields() }
    }
}
