// Reading and writing durations as Flink settings and EXPLAIN show them ('1 h', '60 s', '0 ms').

/// Converts between milliseconds and the short duration text of Flink's configuration.
public enum DurationText {
    static let units: [(suffixes: [String], milliseconds: Int64)] = [
        (["ms", "milli", "millis", "millisecond", "milliseconds"], 1),
        (["s", "sec", "secs", "second", "seconds"], 1000),
        (["min", "m", "minute", "minutes"], 60_000),
        (["h", "hour", "hours"], 3_600_000),
        (["d", "day", "days"], 86_400_000),
    ]

    /// Milliseconds of text like `90 s`, `1h`, `500` (plain numbers are milliseconds).
    public static func milliseconds(_ text: String) -> Int64? {
        let trimmed = text.lowercased().filter { $0 != " " }
        let digits = trimmed.prefix { $0.isNumber }
        guard let value = Int64(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count)
        if unit.isEmpty { return value }
        guard let scale = units.first(where: { $0.suffixes.contains(String(unit)) })?.milliseconds else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : product
    }

    /// The largest whole unit that states `milliseconds` exactly: `60 s`, `5 min`, `250 ms`.
    public static func describe(_ milliseconds: Int64) -> String {
        for (suffixes, scale) in units.reversed() where milliseconds != 0 && milliseconds % scale == 0 {
            return "\(milliseconds / scale) \(suffixes[0])"
        }
        return "\(milliseconds) ms"
    }
}
