// Renders bound expressions for EXPLAIN, with input columns shown by name.
import BrookCore

/// Prints a bound expression in SQL-like form, naming each input column after the input schema
/// (duplicated names get a numeric suffix, as Flink's plans show `symbol0`).
enum ExpressionPrinter {
    static let infix: Set<String> = ["+", "-", "*", "/", "%", "||", "=", "<>", "<", "<=", ">", ">=", "AND", "OR"]

    /// Column names for display, unique within one input row.
    static func names(_ schema: Schema) -> [String] {
        var seen: [String: Int] = [:]
        return schema.fields.map { field in
            let count = seen[field.name, default: 0]
            seen[field.name] = count + 1
            return count == 0 ? field.name : "\(field.name)\(count - 1)"
        }
    }

    static func render(_ expression: BoundExpression, _ names: [String]) -> String {
        func nested(_ child: BoundExpression) -> String {
            let text = render(child, names)
            if case .call(let name, let args, _) = child, infix.contains(name), args.count == 2 { return "(" + text + ")" }
            return text
        }
        switch expression {
        case .column(let index, _):
            return index < names.count ? names[index] : "$\(index)"
        case .literal(let value, _):
            return render(value)
        case .call(let name, let args, _):
            if infix.contains(name), args.count == 2 { return nested(args[0]) + " " + name + " " + nested(args[1]) }
            switch name {
            case "NOT": return "NOT " + nested(args[0])
            case "NEGATE": return "-" + nested(args[0])
            case "IS NULL", "IS NOT NULL", "IS TRUE", "IS FALSE", "IS NOT TRUE", "IS NOT FALSE": return nested(args[0]) + " " + name
            case "IN", "NOT IN": return nested(args[0]) + " \(name) (" + args.dropFirst().map { render($0, names) }.joined(separator: ", ") + ")"
            case "LIKE", "NOT LIKE": return nested(args[0]) + " \(name) " + nested(args[1])
            default: return name + "(" + args.map { render($0, names) }.joined(separator: ", ") + ")"
            }
        case .caseWhen(let pairs, let otherwise, _):
            var text = "CASE"
            for index in stride(from: 0, to: pairs.count, by: 2) {
                text += " WHEN " + render(pairs[index], names) + " THEN " + render(pairs[index + 1], names)
            }
            return text + " ELSE " + render(otherwise, names) + " END"
        case .cast(let inner, let type, let isTry):
            return (isTry ? "TRY_CAST(" : "CAST(") + render(inner, names) + " AS " + type.type.description + ")"
        }
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .integer(let i): return String(i)
        case .double(let d): return String(d)
        case .decimal(let d): return d.description
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .timestamp(let micros): return "TIMESTAMP '\(TemporalText.formatTimestamp(micros))'"
        case .date(let days): return "DATE '\(TemporalText.formatDate(Int(days)))'"
        case .time(let micros): return "TIME '\(TemporalText.formatTime(micros))'"
        case .intervalMilliseconds(let ms): return "INTERVAL " + DurationText.describe(ms)
        case .intervalMonths(let months): return "INTERVAL \(months) months"
        case .bytes(let bytes): return "X'" + BinaryText.hex(bytes) + "'"
        case .map(let entries): return "MAP[" + entries.map { render($0.key) + ", " + render($0.value) }.joined(separator: ", ") + "]"
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
