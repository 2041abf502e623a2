// Numeric built-ins: ABS, SIGN, ROUND, TRUNCATE, FLOOR, CEIL, POWER, SQRT, logarithms, EXP, trigonometry, GREATEST, LEAST.
import BrookCore
import BrookPlanner
import Foundation

/// Numeric functions; results keep the planner's type (ROUND of DECIMAL stays DECIMAL).
enum NumericFunctions {
    static func register(into add: (String, Bool, @escaping ScalarImplementation) -> Void) {
        add("SIGN", true) { args throws(RuntimeError) in
            switch args[0] {
            case .integer(let value): return .integer(value.signum())
            case .double(let value): return .double(value > 0 ? 1 : value < 0 ? -1 : 0)
            case .decimal(let value):
                let sign = value.unscaled > 0 ? 1 : value.unscaled < 0 ? -1 : 0
                return .decimal(DecimalValue(unscaled: Int128(sign), scale: 0).rescaled(to: value.scale))
            default: return .null
            }
        }
        for (name, wantsLargest) in [("GREATEST", true), ("LEAST", false)] {
            add(name, true) { args throws(RuntimeError) in
                let type = args.types.dropFirst().reduce(args.types[0]) { TypeRules.commonType($0, $1) ?? $0 }
                var best = try Cast.value(args[0], from: args.types[0], to: type, isTry: false, context: args.context)
                for index in 1..<args.values.count {
                    let candidate = try Cast.value(args[index], from: args.types[index], to: type, isTry: false, context: args.context)
                    let order = ValueOrder.compare(candidate, best)
                    if wantsLargest ? order > 0 : order < 0 { best = candidate }
                }
                return best
            }
        }
        add("ABS", true) { args throws(RuntimeError) in
            switch args[0] {
            // Java's Math.abs: the minimum of a type is its own absolute value.
            case .integer(let n): return .integer(Arithmetic.wrap(n < 0 ? 0 &- n : n, to: args.types[0]))
            case .double(let d): return .double(abs(d))
            case .decimal(let d): return .decimal(DecimalValue(unscaled: d.unscaled < 0 ? -d.unscaled : d.unscaled, scale: d.scale))
            default: return .null
            }
        }
        add("ROUND", true) { args throws(RuntimeError) in fit(args, truncating: false) }
        add("TRUNCATE", true) { args throws(RuntimeError) in fit(args, truncating: true) }
        for (name, rule) in [("FLOOR", FloatingPointRoundingRule.down), ("CEIL", .up), ("CEILING", .up)] {
            add(name, true) { args throws(RuntimeError) in
                guard args.values.count == 2, let unit = args.string(1) else { return rounding(args[0], rule) }
                return CalendarFunctions.round(args[0], unit: unit, type: args.types[0], up: rule == .up, context: args.context)
            }
        }
        add("POWER", true) { args throws(RuntimeError) in .double(pow(args.double(0) ?? 0, args.double(1) ?? 0)) }
        add("SQRT", true) { args throws(RuntimeError) in .double((args.double(0) ?? 0).squareRoot()) }
        add("LN", true) { args throws(RuntimeError) in .double(log(args.double(0) ?? 0)) }
        add("LOG10", true) { args throws(RuntimeError) in .double(log10(args.double(0) ?? 0)) }
        add("LOG2", true) { args throws(RuntimeError) in .double(log2(args.double(0) ?? 0)) }
        add("LOG", true) { args throws(RuntimeError) in
            args.values.count == 1 ? .double(log(args.double(0) ?? 0)) : .double(log(args.double(1) ?? 0) / log(args.double(0) ?? 0))
        }
        add("EXP", true) { args throws(RuntimeError) in .double(exp(args.double(0) ?? 0)) }
        add("PI", false) { _ throws(RuntimeError) in .double(Double.pi) }
        add("E", false) { _ throws(RuntimeError) in .double(M_E) }
        let unary: [(String, @Sendable (Double) -> Double)] = [
            ("SIN", sin), ("COS", cos), ("TAN", tan), ("ASIN", asin), ("ACOS", acos), ("ATAN", atan),
            ("DEGREES", { $0 * 180 / Double.pi }), ("RADIANS", { $0 / 180 * Double.pi }),
        ]
        for (name, function) in unary {
            add(name, true) { args throws(RuntimeError) in .double(function(args.double(0) ?? 0)) }
        }
        add("ATAN2", true) { args throws(RuntimeError) in .double(atan2(args.double(0) ?? 0, args.double(1) ?? 0)) }
    }

    /// ROUND or TRUNCATE to `places` digits after the point (left of it when negative), as Flink
    /// does through BigDecimal: half up for ROUND, toward zero for TRUNCATE; integers wrap to their type.
    static func fit(_ args: ScalarArguments, truncating: Bool) -> Value {
        let places = args.values.count > 1 ? Int(args.integer(1) ?? 0) : 0
        switch args[0] {
        case .integer(let n):
            guard places < 0 else { return .integer(n) }
            let fitted = fitted(DecimalValue(unscaled: Int128(n), scale: 0), places: places, truncating: truncating)
            return .integer(Arithmetic.wrap(Int64(truncatingIfNeeded: fitted.unscaled), to: args.types[0]))
        case .double(let d):
            guard let exact = DecimalValue(d) else { return .double(d.magnitude < 1 ? 0 : d) }
            let result = fitted(exact, places: places, truncating: truncating).doubleValue
            return .double(args.types[0] == .float ? Double(Float(result)) : result)
        case .decimal(let d):
            let scale = args.resultType.decimalShape?.scale ?? 0
            return .decimal(fitted(d, places: places, truncating: truncating).rescaled(to: scale))
        default: return .null
        }
    }

    /// `value` with the digits after `places` rounded half up or dropped; a negative `places`
    /// zeroes that many digits left of the point (1234.5 at -2 is 1200).
    static func fitted(_ value: DecimalValue, places: Int, truncating: Bool) -> DecimalValue {
        guard places < value.scale else { return value }
        let resultScale = max(places, 0)
        // A DECIMAL has at most 38 digits, so dropping more than that many leaves zero.
        guard places >= -DataType.maxDecimalPrecision else { return DecimalValue(unscaled: 0, scale: 0) }
        let dropped = value.scale - places
        guard dropped <= DataType.maxDecimalPrecision else { return DecimalValue(unscaled: 0, scale: resultScale) }
        let divisor = DecimalValue.powerOfTen(dropped)
        let kept = truncating ? value.unscaled / divisor : Arithmetic.divideRounding(value.unscaled, by: divisor)
        guard places < 0 else { return DecimalValue(unscaled: kept, scale: resultScale) }
        let (unscaled, overflow) = kept.multipliedReportingOverflow(by: DecimalValue.powerOfTen(-places))
        return DecimalValue(unscaled: overflow ? 0 : unscaled, scale: 0)
    }

    static func rounding(_ value: Value, _ rule: FloatingPointRoundingRule) -> Value {
        switch value {
        case .integer: return value
        case .double(let d): return .double(d.rounded(rule))
        case .decimal(let d):
            let factor = DecimalValue.powerOfTen(d.scale)
            var (quotient, remainder) = d.unscaled.quotientAndRemainder(dividingBy: factor)
            if remainder != 0 {
                if rule == .down && d.unscaled < 0 { quotient -= 1 }
                if rule == .up && d.unscaled > 0 { quotient += 1 }
            }
            return .decimal(DecimalValue(unscaled: quotient, scale: 0))
        default: return .null
        }
    }
}
