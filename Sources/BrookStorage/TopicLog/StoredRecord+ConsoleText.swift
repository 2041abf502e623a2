// How `brook topic consume` shows a record's key and value.

extension StoredRecord {
    /// A key or value as console text: its UTF-8 text, or `NULL` when the record has none (a
    /// tombstone's value), as `kcat -Z` prints it, so it differs from a value that is the text `null`.
    public static func consoleText(_ bytes: [UInt8]?) -> String {
        bytes.map { String(decoding: $0, as: UTF8.self) } ?? "NULL"
    }
}
