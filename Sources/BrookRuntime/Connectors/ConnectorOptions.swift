// Validation of WITH options for every connector Brook knows, so mistakes surface at CREATE TABLE.
import BrookCore
import BrookPlanner

/// The options each connector and format accepts, and checks on their values. Unknown options
/// are errors with a "did you mean" hint, as a misspelt option silently ignored costs hours.
public enum ConnectorOptions {
    static let formats = ["json", "csv"]
    static let formatOptions: [String: Set<String>] = [
        "json": ["json.fail-on-missing-field", "json.ignore-parse-errors", "json.timestamp-format.standard", "json.encode.decimal-as-plain-number", "json.map-null-key.mode"],
        "csv": ["csv.field-delimiter", "csv.ignore-parse-errors", "csv.allow-comments", "csv.null-literal", "csv.quote-character", "csv.disable-quote-character"],
    ]
    static let connectorOptions: [String: Set<String>] = [
        "filesystem": ["path", "format", "source.monitor-interval", "sink.rolling-policy.file-size", "sink.rolling-policy.rollover-interval"],
        "print": ["print-identifier", "standard-error", "sink.parallelism"],
        "blackhole": [],
        "datagen": ["rows-per-second", "number-of-rows", "seed"],
        "kafka": ["topic", "topic-pattern", "properties.bootstrap.servers", "properties.group.id", "scan.startup.mode", "scan.startup.specific-offsets",
                  "scan.startup.timestamp-millis", "format", "key.format", "key.fields", "value.format", "value.fields-include", "sink.partitioner",
                  "sink.delivery-guarantee", "properties.auto.offset.reset", "scan.bounded.mode", "scan.bounded.timestamp-millis",
                  "scan.bounded.specific-offsets"],
    ]

    /// The check a `Session` runs on every CREATE TABLE.
    public static let sessionValidator: @Sendable (CatalogTable) -> (option: String, column: String?, message: String)? = { table in
        do throws(ConnectorError) {
            try validate(table)
            return nil
        } catch {
            return (error.option, error.column, error.message)
        }
    }

    /// The datagen connector's `fields.<column>.<option>` options: a declared column, a known
    /// option, numbers where numbers belong, and ranges that are not empty.
    static func validateDatagenFields(_ table: CatalogTable) throws(ConnectorError) {
        let columns = Set(table.columns.map(\.name))
        if let map = table.columns.first(where: { $0.isPersisted && $0.type.type.isMap }) {
            throw ConnectorError(table: table.name, option: "connector",
                                 message: "datagen cannot generate column '\(map.name)' of type \(map.type.type); it generates numbers, strings, bytes, booleans and timestamps")
        }
        let fieldOptions: Set<String> = ["kind", "min", "max", "length", "start", "end"]
        var numbers: [String: Double] = [:]
        for entry in table.options where entry.key.hasPrefix("fields.") {
            let key = entry.key
            let value = entry.value
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            let column = parts.dropFirst().dropLast().joined(separator: ".")
            let option = String(parts.last ?? "")
            guard parts.count >= 3, columns.contains(column) else {
                throw ConnectorError(table: table.name, option: key, message: "names no column of the table")
            }
            guard fieldOptions.contains(option) else {
                throw ConnectorError(table: table.name, option: key, message: "is not a datagen field option; use one of \(fieldOptions.sorted().joined(separator: ", "))")
            }
            switch option {
            case "kind":
                guard value == "random" || value == "sequence" else {
                    throw ConnectorError(table: table.name, option: key, message: "'\(value)' is not random or sequence")
                }
            case "length", "start", "end":
                guard let number = Int64(value), option != "length" || (0...1_048_576).contains(number) else {
                    throw ConnectorError(table: table.name, option: key,
                                         message: "'\(value)' is not \(option == "length" ? "a length from 0 to 1048576" : "an integer")")
                }
                numbers[key] = Double(number)
            default:
                guard let number = Double(value), number.isFinite else {
                    throw ConnectorError(table: table.name, option: key, message: "'\(value)' is not a number")
                }
                numbers[key] = number
            }
        }
        for column in columns {
            for (low, high) in [("min", "max"), ("start", "end")] {
                if let lower = numbers["fields.\(column).\(low)"], let upper = numbers["fields.\(column).\(high)"], lower > upper {
                    throw ConnectorError(table: table.name, option: "fields.\(column).\(low)",
                                         message: "\(low) \(table.option("fields.\(column).\(low)")!) is above \(high) \(table.option("fields.\(column).\(high)")!)")
                }
            }
        }
    }

    /// Checks `table`'s options; throws naming the first bad one.
    public static func validate(_ table: CatalogTable) throws(ConnectorError) {
        guard let connector = table.connector else {
            throw ConnectorError(table: table.name, option: "connector", message: "is missing")
        }
        guard var allowed = connectorOptions[connector] else {
            let hint = closestName(to: connector, among: connectorOptions.keys)
            throw ConnectorError(table: table.name, option: "connector", message: "unknown connector '\(connector)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "")
                + "; Brook has \(connectorOptions.keys.sorted().joined(separator: ", "))")
        }
        allowed.insert("connector")
        let declaredFormat = table.option("format") ?? table.option("value.format")
        if connector == "filesystem" || connector == "kafka" {
            for (format, extra) in formatOptions where declaredFormat == nil || declaredFormat == format { allowed.formUnion(extra) }
        }
        for option in table.options where !allowed.contains(option.key) && !(connector == "kafka" && option.key.hasPrefix("properties.")) {
            if connector == "datagen", option.key.hasPrefix("fields.") { continue }
            let hint = closestName(to: option.key, among: allowed)
            throw ConnectorError(table: table.name, option: option.key,
                                 message: "is not an option of the \(connector) connector" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        if connector == "filesystem" || connector == "kafka" {
            guard let format = declaredFormat else {
                throw ConnectorError(table: table.name, option: "format", message: "is required for the \(connector) connector (json or csv)")
            }
            guard formatOptions[format] != nil else {
                throw ConnectorError(table: table.name, option: "format", message: "unknown format '\(format)'; use json or csv")
            }
        }
        switch connector {
        case "filesystem":
            guard table.option("path") != nil else { throw ConnectorError(table: table.name, option: "path", message: "is required for the filesystem connector") }
            if let interval = table.option("source.monitor-interval"), DurationText.milliseconds(interval) == nil {
                throw ConnectorError(table: table.name, option: "source.monitor-interval", message: "'\(interval)' is not a duration such as '1 s'")
            }
        case "datagen":
            for key in ["rows-per-second", "number-of-rows"] {
                if let value = table.option(key), Int(value) == nil || Int(value)! < 0 {
                    throw ConnectorError(table: table.name, option: key, message: "'\(value)' is not a non-negative integer")
                }
            }
            try validateDatagenFields(table)
        case "kafka":
            _ = try KafkaOptions(table: table)
            try KafkaMetadata.validate(table)
        default:
            break
        }
        for key in ["json.fail-on-missing-field", "json.ignore-parse-errors", "csv.ignore-parse-errors", "csv.allow-comments"] {
            if let value = table.option(key), value != "true", value != "false" {
                throw ConnectorError(table: table.name, option: key, message: "'\(value)' is not true or false")
            }
        }
    }
}
