// Values as text: what CAST(... AS STRING) gives, and how a value reads in an error message.
import BrookCore

/// Renders values in Flink's SQL-standard text forms: timestamps as `2024-05-31 10:00:00.123`
/// with only the fraction digits needed, booleans as TRUE/FALSE, decimals at their scale.
public enum ValueText {
    public static func plain(_ value: Value, type: DataType, context: EvaluationContext) -> String {
        switch value {
        case .null: return "NULL"
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .integer(let n): return String(n)
        case .double(let d): return type == .float ? floatText(Float(d)) : doubleText(d)
        case .decimal(let d): return d.description
        case .string(let s): return s
        case .timestamp(let micros):
            let local = type.isTimestampLTZ ? micros + context.timeZone.offsetMicros(atInstant: micros) : micros
            return TemporalText.formatTimestamp(local, precision: timestampPrecision(type))
        case .date(let days): return TemporalText.formatDate(Int(days))
        case .time(let micros): return TemporalText.formatTime(micros)
        case .intervalMilliseconds(let ms): return intervalText(ms)
        case .intervalMonths(let months): return "\(months < 0 ? "-" : "+")\(abs(months) / 12)-\(abs(months) % 12)"
        case .bytes(let bytes): return "x'" + BinaryText.hex(bytes) + "'"
        case .map(let entries):
            // Flink prints a map as Java does: {key=value, ...}.
            guard let (keyType, valueType) = type.mapShape else { return "{}" }
            return "{" + entries.map { plain($0.key, type: keyType, context: context) + "=" + plain($0.value, type: valueType, context: context) }.joined(separator: ", ") + "}"
        }
    }

    /// The value as it would be written in SQL, for error messages.
    public static func sql(_ value: Value, type: DataType, context: EvaluationContext) -> String {
        switch value {
        case .string(let s): return "'" + s + "'"
        default: return plain(value, type: type, context: context)
        }
    }

    static func timestampPrecision(_ type: DataType) -> Int {
        switch type {
        case .timestamp(let p), .timestampLTZ(let p): return p
        default: return 6
        }
    }

    /// Java's Double.toString shape for ordinary magnitudes: always a fraction digit (`5.0`).
    public static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        let text = d.description
        return text.contains(".") || text.contains("e") ? text.replacingOccurrences(of: "e", with: "E") : text + ".0"
    }

    public static func floatText(_ f: Float) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Infinity" : "Infinity" }
        let text = f.description
        return text.contains(".") || text.contains("e") ? text.replacingOccurrences(of: "e", with: "E") : text + ".0"
    }

    /// Flink's day-time interval text: `+0 00:01:00.000`.
    static func intervalText(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : "+"
        var rest = abs(milliseconds)
        let days = rest / 86_400_000
        rest %= 86_400_000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = rest % 1000
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(sign)\(days) \(two(rest / 3_600_000)):\(two(rest / 60_000 % 60)):\(two(rest / 1000 % 60)).\(fraction)"
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
