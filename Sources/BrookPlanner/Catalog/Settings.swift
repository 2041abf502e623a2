// Session settings (`SET 'key' = 'value'`) and their defaults.

/// The session's configuration. Known keys get validated values; unknown keys are kept so a
/// connector or a later version can read them, as Flink's configuration does.
public struct Settings: Sendable {
    public private(set) var values: [String: String] = [:]

    public static let defaults: [String: String] = [
        "execution.runtime-mode": "streaming",
        "table.local-time-zone": "UTC",
        "parallelism.default": "1",
        "table.exec.state.ttl": "0 ms",
        "sql-client.execution.result-mode": "table",
        "sentiment.model": "vader",
    ]

    static let allowedValues: [String: Set<String>] = [
        "execution.runtime-mode": ["streaming", "batch"],
        "sql-client.execution.result-mode": ["table", "changelog", "tableau"],
        "sentiment.model": ["vader", "finance", "llm"],
    ]

    /// Settings whose value is a duration, read with `DurationText`.
    static let durationKeys: Set<String> = ["table.exec.state.ttl", "table.exec.source.idle-timeout"]

    public init() {}

    public subscript(key: String) -> String? { values[key] ?? Settings.defaults[key] }

    /// Sets `key`, or explains why `value` is not allowed for it.
    public mutating func set(_ key: String, _ value: String) throws(SettingError) {
        if let allowed = Settings.allowedValues[key], !allowed.contains(value.lowercased()) {
            throw SettingError(message: "'\(value)' is not a valid value for '\(key)'; use one of: \(allowed.sorted().joined(separator: ", "))")
        }
        if Settings.durationKeys.contains(key), DurationText.milliseconds(value) == nil {
            throw SettingError(message: "'\(value)' is not a duration for '\(key)'; write it like '1 h', '30 min', '10 s' or '500 ms'")
        }
        if key == "parallelism.default", Int(value).map({ $0 >= 1 }) != true {
            throw SettingError(message: "'parallelism.default' must be a positive integer, got '\(value)'")
        }
        values[key] = Settings.allowedValues[key] != nil ? value.lowercased() : value
    }

    public mutating func reset(_ key: String?) {
        if let key { values[key] = nil } else { values = [:] }
    }

    /// All settings in force (defaults included), sorted by key.
    public var all: [(key: String, value: String)] {
        Settings.defaults.merging(values) { $1 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public var isBatch: Bool { self["execution.runtime-mode"] == "batch" }
}

/// A setting that cannot take the value given.
public struct SettingError: Error, Sendable {
    public var message: String
}
