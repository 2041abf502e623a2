// Printing of expressions with the fewest parentheses that keep the parse the same.
import BrookCore

extension SQLPrinter {
    /// Binding strength of each level of the expression grammar, weakest first.
    enum Precedence: Int, Comparable {
        case or = 1, and, not, predicate, additive, multiplicative, unary, primary

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    static func precedence(_ expression: Expression) -> Precedence {
        switch expression.kind {
        case .binary(let op, _, _):
            switch op {
            case .or: return .or
            case .and: return .and
            case .add, .subtract, .concat: return .additive
            case .multiply, .divide, .modulo: return .multiplicative
            default: return .predicate
            }
        case .unary(.not, _): return .not
        case .unary: return .unary
        case .isNull, .isBoolean, .between, .inList, .like, .isDistinctFrom, .isUnknown: return .predicate
        case .literal(.integer(let text)), .literal(.decimal(let text)), .literal(.double(let text)):
            return text.hasPrefix("-") ? .unary : .primary
        default: return .primary
        }
    }

    /// `expression`, parenthesised when it binds less tightly than `minimum`.
    static func print(_ expression: Expression, atLeast minimum: Precedence) -> String {
        let text = print(expression)
        return precedence(expression) < minimum ? "(" + text + ")" : text
    }

    public static func print(_ expression: Expression) -> String {
        switch expression.kind {
        case .column(let columnName): return name(columnName)
        case .literal(let literal): return print(literal)
        case .unary(let op, let operand):
            switch op {
            case .not: return "NOT " + print(operand, atLeast: .not)
            case .negate, .plus:
                let inner = print(operand, atLeast: .primary)
                let separator = inner.hasPrefix("-") || inner.hasPrefix("+") ? " " : ""
                return op.rawValue + separator + inner
            }
        case .binary(let op, let left, let right):
            let level = precedence(expression)
            let leftMinimum: Precedence = level == .predicate ? .predicate : level
            let rightMinimum = Precedence(rawValue: level.rawValue + 1) ?? .primary
            return print(left, atLeast: leftMinimum) + " " + op.rawValue + " " + print(right, atLeast: rightMinimum)
        case .isNull(let operand, let negated):
            return print(operand, atLeast: .predicate) + (negated ? " IS NOT NULL" : " IS NULL")
        case .isBoolean(let operand, let value, let negated):
            return print(operand, atLeast: .predicate) + " IS " + (negated ? "NOT " : "") + (value ? "TRUE" : "FALSE")
        case .between(let operand, let low, let high, let symmetric, let negated):
            return print(operand, atLeast: .predicate) + (negated ? " NOT BETWEEN " : " BETWEEN ") + (symmetric ? "SYMMETRIC " : "")
                + print(low, atLeast: .additive) + " AND " + print(high, atLeast: .additive)
        case .isDistinctFrom(let left, let right, let negated):
            return print(left, atLeast: .predicate) + (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + print(right, atLeast: .additive)
        case .isUnknown(let operand, let negated):
            return print(operand, atLeast: .predicate) + (negated ? " IS NOT UNKNOWN" : " IS UNKNOWN")
        case .inList(let operand, let list, let negated):
            return print(operand, atLeast: .predicate) + (negated ? " NOT IN (" : " IN (") + list.map(print).joined(separator: ", ") + ")"
        case .like(let operand, let pattern, let escape, let negated):
            var out = print(operand, atLeast: .predicate) + (negated ? " NOT LIKE " : " LIKE ") + print(pattern, atLeast: .additive)
            if let escape { out += " ESCAPE " + print(escape, atLeast: .additive) }
            return out
        case .caseWhen(let operand, let branches, let otherwise):
            var out = "CASE"
            if let operand { out += " " + print(operand) }
            for branch in branches { out += " WHEN " + print(branch.condition) + " THEN " + print(branch.result) }
            if let otherwise { out += " ELSE " + print(otherwise) }
            return out + " END"
        case .cast(let operand, let type, let isTry):
            return (isTry ? "TRY_CAST(" : "CAST(") + print(operand) + " AS " + print(type) + ")"
        case .function(let call): return print(call)
        case .jsonObject(let entries, let onNull):
            var out = entries.map { "KEY " + print($0.key, atLeast: .additive) + " VALUE " + print($0.value) }.joined(separator: ", ")
            if onNull == .absent { out += (entries.isEmpty ? "" : " ") + "ABSENT ON NULL" }
            return "JSON_OBJECT(" + out + ")"
        case .extract(let unit, let operand):
            return "EXTRACT(" + unit.rawValue + " FROM " + print(operand) + ")"
        case .roundTime(let operand, let unit, let up):
            // An operand ending in an interval literal would take TO as its own qualifier.
            var inner = print(operand, atLeast: .primary)
            if case .literal(.interval) = operand.kind { inner = "(" + inner + ")" }
            return (up ? "CEIL(" : "FLOOR(") + inner + " TO " + unit.rawValue + ")"
        case .timestampAdd(let unit, let count, let operand):
            return "TIMESTAMPADD(" + unit.rawValue + ", " + print(count) + ", " + print(operand) + ")"
        case .timestampDiff(let unit, let from, let to):
            return "TIMESTAMPDIFF(" + unit.rawValue + ", " + print(from) + ", " + print(to) + ")"
        case .trim(let side, let characters, let source):
            return "TRIM(" + side.rawValue + " " + (characters.map { print($0) + " " } ?? "") + "FROM " + print(source) + ")"
        case .substring(let source, let from, let length):
            return "SUBSTRING(" + print(source) + " FROM " + print(from) + (length.map { " FOR " + print($0) } ?? "") + ")"
        case .item(let base, let key):
            return print(base, atLeast: .primary) + "[" + print(key) + "]"
        case .mapValue(let arguments):
            return "MAP[" + arguments.map(print).joined(separator: ", ") + "]"
        }
    }

    static let niladicFunctions: Set<String> = ["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME"]

    /// `POSITION(a IN b)` and `OVERLAY(s PLACING r FROM n [FOR m])`, the standard's forms of two
    /// plain calls, which the parser reads back into the same calls.
    static func printSpecialForm(_ call: FunctionCall) -> String? {
        guard !call.star, !call.distinct, call.filter == nil, call.over == nil else { return nil }
        let args = call.arguments
        switch call.name.value.uppercased() {
        case "POSITION" where args.count == 2:
            return call.name.value + "(" + print(args[0], atLeast: .additive) + " IN " + print(args[1]) + ")"
        case "OVERLAY" where args.count == 3 || args.count == 4:
            return call.name.value + "(" + print(args[0]) + " PLACING " + print(args[1]) + " FROM " + print(args[2])
                + (args.count == 4 ? " FOR " + print(args[3]) : "") + ")"
        default:
            return nil
        }
    }

    static func print(_ call: FunctionCall) -> String {
        if let special = printSpecialForm(call) { return special }
        var out: String
        if call.arguments.isEmpty, !call.star, niladicFunctions.contains(call.name.value.uppercased()) {
            out = call.name.value
        } else {
            out = call.name.value + "("
            if call.star {
                out += "*"
            } else {
                if call.distinct { out += "DISTINCT " }
                out += call.arguments.map(print).joined(separator: ", ")
            }
            out += ")"
        }
        if let filter = call.filter { out += " FILTER (WHERE " + print(filter) + ")" }
        switch call.over {
        case nil: break
        case .named(let window): out += " OVER " + identifier(window)
        case .specification(let spec): out += " OVER " + print(spec)
        }
        return out
    }

    public static func print(_ literal: Literal) -> String {
        switch literal {
        case .null: return "NULL"
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .integer(let text), .decimal(let text), .double(let text): return text
        case .string(let text): return string(text)
        case .interval(let value, let unit, let to):
            return "INTERVAL " + string(value) + " " + unit.rawValue + (to.map { " TO " + $0.rawValue } ?? "")
        case .typed(let type, let text):
            let keyword: String
            switch type {
            case .date: keyword = "DATE"
            case .time: keyword = "TIME"
            case .timestampLTZ: keyword = "TIMESTAMP_LTZ"
            default: keyword = "TIMESTAMP"
            }
            return keyword + " " + string(text)
        case .binary(let hex): return "X'" + hex + "'"
        }
    }
}
