// Writes values as Flink's json format does: compact JSON, SQL-standard timestamp strings.
import BrookCore

/// JSON rendering of cells for the json format and JSON_OBJECT. Timestamps are strings in the
/// SQL standard form with only the fraction digits needed (`2024-06-03 14:59:53.044`);
/// TIMESTAMP_LTZ is shown in the session time zone with `Z` appended, as Flink writes it;
/// BYTES are base64 strings and a MAP is an object.
public enum JSONText {
    public static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    public static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                out.append(contentsOf: text[start..<index])
                switch byte {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    let hex = String(byte, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.append(contentsOf: text[start..<utf8.endIndex])
        out.append("\"")
    }

    public static func append(_ value: Value, type: DataType, context: EvaluationContext, to out: inout String) {
        switch value {
        case .null: out.append("null")
        case .boolean(let b): out.append(b ? "true" : "false")
        case .integer(let n): out.append(String(n))
        case .double(let d):
            if d.isFinite { out.append(type == .float ? ValueText.floatText(Float(d)) : ValueText.doubleText(d)) } else { appendQuoted(ValueText.doubleText(d), to: &out) }
        case .decimal(let d): out.append(d.description)
        case .string(let s): appendQuoted(s, to: &out)
        case .timestamp(let micros):
            let precision = ValueText.timestampPrecision(type)
            if type.isTimestampLTZ {
                // An instant, written in UTC whatever the session time zone, as Flink's json format does.
                appendQuoted(TemporalText.formatTimestamp(micros, precision: precision) + "Z", to: &out)
            } else {
                appendQuoted(TemporalText.formatTimestamp(micros, precision: precision), to: &out)
            }
        case .date(let days): appendQuoted(TemporalText.formatDate(Int(days)), to: &out)
        case .time(let micros): appendQuoted(TemporalText.formatTime(micros), to: &out)
        case .intervalMilliseconds, .intervalMonths: appendQuoted(ValueText.plain(value, type: type, context: context), to: &out)
        case .bytes(let bytes): appendQuoted(BinaryText.base64(bytes), to: &out)
        case .map(let entries):
            guard let (keyType, valueType) = type.mapShape else { return out.append("null") }
            out.append("{")
            for (position, entry) in entries.enumerated() {
                if position > 0 { out.append(",") }
                appendQuoted(ValueText.plain(entry.key, type: keyType, context: context), to: &out)
                out.append(":")
                append(entry.value, type: valueType, context: context, to: &out)
            }
            out.append("}")
        }
    }
}
