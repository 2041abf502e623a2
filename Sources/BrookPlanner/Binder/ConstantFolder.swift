// Evaluates constant expressions at plan time: window sizes, frame offsets, watermark delays, join bounds.
import BrookCore

/// Folds literals and arithmetic on them into a value, for the places where SQL requires a
/// constant. Returns nil when the expression reads a column or calls anything else. Integers
/// wrap as the runtime's do, so an overflowing constant never traps the planner.
public enum ConstantFolder {
    /// The longest day-time interval a constant may be, ±10,000 years (the span of TIMESTAMP), so
    /// that window sizes, frames, join bounds and watermark delays stay far from overflowing when
    /// operators turn them into microseconds or add them to times. Flink's limit is lower still.
    public static let maxIntervalMilliseconds: Int64 = 10_000 * 366 * 86_400_000

    /// A folded day-time interval, or nil when it lies beyond `maxIntervalMilliseconds`.
    static func interval(_ milliseconds: Int64, overflowed: Bool = false) -> Value? {
        overflowed || milliseconds.magnitude > UInt64(maxIntervalMilliseconds) ? nil : .intervalMilliseconds(milliseconds)
    }

    public static func evaluate(_ expression: BoundExpression) -> Value? {
        switch expression {
        case .literal(let value, _): return value
        case .call("NEGATE", let args, _):
            switch evaluate(args[0]) {
            case .intervalMilliseconds(let ms)?: return .intervalMilliseconds(0 &- ms)
            case .intervalMonths(let months)?: return .intervalMonths(0 &- months)
            case .integer(let value)?: return .integer(0 &- value)
            case .double(let value)?: return .double(-value)
            case .decimal(let value)?: return .decimal(DecimalValue(unscaled: -value.unscaled, scale: value.scale))
            default: return nil
            }
        case .call(let op, let args, _) where (op == "+" || op == "-") && args.count == 2:
            switch (evaluate(args[0]), evaluate(args[1])) {
            case (.intervalMilliseconds(let a)?, .intervalMilliseconds(let b)?): return interval(op == "+" ? a &+ b : a &- b)
            case (.integer(let a)?, .integer(let b)?): return .integer(op == "+" ? a &+ b : a &- b)
            default: return nil
            }
        case .call("*", let args, _) where args.count == 2:
            switch (evaluate(args[0]), evaluate(args[1])) {
            case (.intervalMilliseconds(let a)?, .integer(let b)?), (.integer(let b)?, .intervalMilliseconds(let a)?):
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                return interval(product, overflowed: overflow)
            case (.integer(let a)?, .integer(let b)?): return .integer(a &* b)
            default: return nil
            }
        case .cast(let inner, let type, _):
            guard let value = evaluate(inner) else { return nil }
            if case .integer = value, type.type.isInteger { return value }
            return value == .null ? .null : nil
        default:
            return nil
        }
    }

    /// The integer a constant expression evaluates to, if it is one.
    public static func integer(_ expression: BoundExpression) -> Int64? {
        if case .integer(let value)? = evaluate(expression) { return value }
        return nil
    }
}
