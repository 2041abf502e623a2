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

    /// CAST's text of a value: `plain`, except that a TIMESTAMP(p) or TIMESTAMP_LTZ(p) shows all p
    /// fraction digits (`13:44:05.120`), as Flink pads them since FLINK-15602; sinks and the shell
    /// keep `plain`, as Flink's formats do.
    public static func cast(_ value: Value, type: DataType, context: EvaluationContext) -> String {
        guard case .timestamp(let micros) = value else { return plain(value, type: type, context: context) }
        let local = type.isTimestampLTZ ? micros + context.timeZone.offsetMicros(atInstant: micros) : micros
        return TemporalText.formatTimestamp(local, precision: timestampPrecision(type), fullPrecision: true)
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

    /// Java's Double.toString, which Flink's CAST, json and csv formats use: `100.0`, `0.001`,
    /// and from 10^7 up or below 10^-3 `1.0E20`, `1.0E-7`, `1.23456789E7`.
    public static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return javaLayout(d.description)
    }

    /// Java's Float.toString, laid out as `doubleText`.
    public static func floatText(_ f: Float) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Infinity" : "Infinity" }
        return javaLayout(f.description)
    }

    /// Swift's shortest round-trip digits (`1e+20`, `12345678.9`) in Java's layout.
    static func javaLayout(_ description: String) -> String {
        var text = Substring(description)
        let sign = text.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { text = text.dropFirst() }
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        let point = text.firstIndex(of: ".")
        let integerPart = point.map { text[..<$0] } ?? text
        var digits = Array(integerPart + (point.map { text[text.index(after: $0)...] } ?? ""))
        // The value is 0.d1d2... times 10^(pointPosition) once leading zeros are gone.
        var pointPosition = integerPart.count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        if digits == ["0"] { return sign + "0.0" }
        let scientific = pointPosition - 1
        guard (-3..<7).contains(scientific) else {
            return sign + String(digits[0]) + "." + (digits.count > 1 ? String(digits[1...]) : "0") + "E" + String(scientific)
        }
        if pointPosition <= 0 { return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits) }
        if pointPosition >= digits.count { return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0" }
        return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
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
