// Flink's rules for the result types of arithmetic, comparisons and mixed-type expressions.
import BrookCore

/// Type derivation shared by operators and functions, following Flink SQL: INT + INT is INT,
/// DECIMAL arithmetic widens precision and scale, anything with DOUBLE is DOUBLE, and CHAR
/// literals of different lengths meet as VARCHAR (so CASE ... 'BUY' ... 'SELL' is not padded).
public enum TypeRules {
    /// Fits a DECIMAL shape that overflows precision 38 the way Flink does: keep the integer
    /// digits and give up scale, but never below six digits of scale.
    public static func adjustedDecimal(precision: Int, scale: Int) -> DataType {
        guard precision > DataType.maxDecimalPrecision else { return .decimal(precision: max(precision, 1), scale: scale) }
        let integerDigits = precision - scale
        let newScale = max(DataType.maxDecimalPrecision - integerDigits, min(scale, 6))
        return .decimal(precision: DataType.maxDecimalPrecision, scale: min(newScale, DataType.maxDecimalPrecision))
    }

    /// The type both numeric operands widen to, or nil when one is not numeric.
    public static func widerNumeric(_ a: DataType, _ b: DataType) -> DataType? {
        if a == .null { return b.isNumeric ? b : nil }
        if b == .null { return a.isNumeric ? a : nil }
        guard let rankA = a.numericRank, let rankB = b.numericRank else { return nil }
        if a == .double || b == .double { return .double }
        if a == .float || b == .float { return .float }
        if a.isDecimal || b.isDecimal {
            let (pa, sa) = a.decimalShape!
            let (pb, sb) = b.decimalShape!
            let scale = max(sa, sb)
            return adjustedDecimal(precision: max(pa - sa, pb - sb) + scale, scale: scale)
        }
        return rankA >= rankB ? a : b
    }

    /// The type values of `a` and `b` share in CASE, COALESCE, UNION and comparisons.
    public static func commonType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return widerNumeric(a, b) }
        switch (a, b) {
        case (.char(let x), .char(let y)): return x == y ? a : .varchar(length: max(x, y))
        case (.char(let x), .varchar(let y)), (.varchar(let y), .char(let x)), (.varchar(let x), .varchar(let y)):
            return .varchar(length: max(x, y))
        case (.timestamp(let x), .timestamp(let y)): return .timestamp(precision: max(x, y))
        case (.timestampLTZ(let x), .timestampLTZ(let y)): return .timestampLTZ(precision: max(x, y))
        case (.time(let x), .time(let y)): return .time(precision: max(x, y))
        case (.binary(let x), .binary(let y)): return x == y ? a : .varbinary(length: max(x, y))
        case (.binary(let x), .varbinary(let y)), (.varbinary(let y), .binary(let x)), (.varbinary(let x), .varbinary(let y)):
            return .varbinary(length: max(x, y))
        case (.map(let shapeA), .map(let shapeB)):
            guard let key = commonType(shapeA.key, shapeB.key), let value = commonType(shapeA.value, shapeB.value) else { return nil }
            return .map(key: key, value: value)
        default: return nil
        }
    }

    /// Literal types as a collection keeps them: CHAR(n) becomes STRING and BINARY(n) BYTES, so
    /// MAP['a', 1, 'bb', 2] is MAP<STRING, INT> rather than a padded CHAR(2) key.
    public static func unpadded(_ type: DataType) -> DataType {
        switch type {
        case .char, .varchar: return .string
        case .binary, .varbinary: return .bytes
        default: return type
        }
    }

    /// The result type of `a op b` for + - * / %, or nil when the operands do not support it.
    public static func arithmetic(_ op: String, _ a: DataType, _ b: DataType) -> DataType? {
        if a.isNumeric || a == .null, b.isNumeric || b == .null {
            if a == .null && b == .null { return .int }
            let left = a == .null ? b : a
            let right = b == .null ? a : b
            if left.isApproximate || right.isApproximate { return widerNumeric(left, right) }
            if left.isDecimal || right.isDecimal {
                let (p1, s1) = left.decimalShape!
                let (p2, s2) = right.decimalShape!
                switch op {
                case "+", "-":
                    let scale = max(s1, s2)
                    return adjustedDecimal(precision: max(p1 - s1, p2 - s2) + scale + 1, scale: scale)
                case "*":
                    return adjustedDecimal(precision: p1 + p2, scale: s1 + s2)
                case "/":
                    let scale = max(6, s1 + p2 + 1)
                    return adjustedDecimal(precision: p1 - s1 + s2 + scale, scale: scale)
                default:
                    let scale = max(s1, s2)
                    return adjustedDecimal(precision: min(p1 - s1, p2 - s2) + scale, scale: scale)
                }
            }
            return op == "%" ? right : widerNumeric(left, right)
        }
        switch op {
        case "+":
            if a.isTemporal && b.isInterval { return a }
            if a.isInterval && b.isTemporal { return b }
            if a.isInterval && a == b { return a }
        case "-":
            if a.isTemporal && b.isInterval { return a }
            if a.isInterval && a == b { return a }
        case "*":
            if a.isInterval && b.isNumeric { return a }
            if a.isNumeric && b.isInterval { return b }
        case "/":
            if a.isInterval && b.isNumeric { return a }
        default:
            break
        }
        return nil
    }

    /// True when values of the two types can be compared with = < > and friends.
    public static func comparable(_ a: DataType, _ b: DataType) -> Bool {
        if a == .null || b == .null { return true }
        if a.isNumeric && b.isNumeric { return true }
        if a.isCharacter && b.isCharacter { return true }
        if a == .boolean && b == .boolean { return true }
        if a.isBinary && b.isBinary { return true }
        if a.isInterval && a == b { return true }
        switch (a, b) {
        case (.timestamp, .timestamp), (.timestampLTZ, .timestampLTZ), (.date, .date), (.time, .time): return true
        default: return false
        }
    }

    /// True when CAST from `source` to `target` is defined.
    public static func castable(_ source: DataType, to target: DataType) -> Bool {
        if source == .null || source == target { return true }
        if let (sourceKey, sourceValue) = source.mapShape {
            guard let (targetKey, targetValue) = target.mapShape else { return target.isCharacter }
            return castable(sourceKey, to: targetKey) && castable(sourceValue, to: targetValue)
        }
        if target.isMap { return false }
        if source.isBinary || target.isBinary {
            return (source.isBinary && (target.isBinary || target.isCharacter)) || (target.isBinary && source.isCharacter)
        }
        if target.isCharacter || source.isCharacter { return true }
        if source.isNumeric && (target.isNumeric || target == .boolean || target.isTimestamp) { return true }
        if source == .boolean && target.isNumeric { return true }
        if source.isTemporal && target.isTemporal { return true }
        if source.isTimestamp && target.isNumeric { return true }
        return false
    }
}
