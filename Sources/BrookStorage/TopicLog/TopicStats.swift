// Size figures for one topic, as `brook topic list` shows them.

/// A topic's totals over all partitions; bytes count keys, values and headers as stored.
public struct TopicStats: Sendable, Equatable {
    public var name: String
    public var partitions: Int32
    public var records: Int64
    public var bytes: Int64
    public var retention: RetentionPolicy

    public init(name: String, partitions: Int32, records: Int64, bytes: Int64, retention: RetentionPolicy) {
        self.name = name
        self.partitions = partitions
        self.records = records
        self.bytes = bytes
        self.retention = retention
    }

    /// Bytes in binary units with two decimals, as `brook topic list` prints them ("2.28 MiB").
    public var sizeDescription: String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) \(units[unit])"
    }
}
