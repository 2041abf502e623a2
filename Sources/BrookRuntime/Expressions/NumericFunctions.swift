// Numeric built-ins: ABS, SIGN, ROUND, FLOOR, CEIL, POWER, SQRT, logarithms, EXP, MOD, GREATEST, LEAST.
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
            case .integer(let n): return .integer(n < 0 ? 0 &- n : n)
            case .double(let d): return .double(abs(d))
            case .decimal(let d): return .decimal(DecimalValue(unscaled: d.unscaled < 0 ? -d.unscaled : d.unscaled, scale: d.scale))
            default: return .null
            }
        }
        add("ROUND", true) { args throws(RuntimeError) in
            let places = args.values.count > 1 ? Int(args.integer(1) ?? 0) : 0
            switch args[0] {
            case .integer(let n):
                guard places < 0 else { return .integer(n) }
                let factor = Int64(pow(10, Double(-places)))
                return .integer(Int64(Arithmetic.divideRounding(Int128(n), by: Int128(factor))) * factor)
            case .double(let d):
                let factor = pow(10, Double(places))
                guard let exact = DecimalValue(d) else { return .double(d) }
                let rounded = exact.rescaled(to: max(places, 0)).doubleValue
                return .double(places >= 0 ? (args.types[0] == .float ? Double(Float(rounded)) : rounded) : (d / factor).rounded(.toNearestOrAwayFromZero) * factor)
            case .decimal(let d): return .decimal(d.rescaled(to: max(0, min(places, d.scale))))
            default: return .null
            }
        }
        add("FLOOR", true) { args throws(RuntimeError) in rounding(args[0], .down) }
        add("CEIL", true) { args throws(RuntimeError) in rounding(args[0], .up) }
        add("POWER", true) { args throws(RuntimeError) in .double(pow(args.double(0) ?? 0, args.double(1) ?? 0)) }
        add("SQRT", true) { args throws(RuntimeError) in .double((args.double(0) ?? 0).squareRoot()) }
        add("LN", true) { args throws(RuntimeError) in .double(log(args.double(0) ?? 0)) }
        add("LOG10", true) { args throws(RuntimeError) in .double(log10(args.double(0) ?? 0)) }
        add("LOG2", true) { args throws(RuntimeError) in .double(log2(args.double(0) ?? 0)) }
        add("LOG", true) { args throws(RuntimeError) in
            args.values.count == 1 ? .double(log(args.double(0) ?? 0)) : .double(log(args.double(1) ?? 0) / log(args.double(0) ?? 0))
        }
        add("EXP", true) { args throws(RuntimeError) in .double(exp(args.double(0) ?? 0)) }
        add("MOD", true) { args throws(RuntimeError) in
            switch (args[0], args[1]) {
            case (.integer(let a), .integer(let b)):
                guard b != 0 else { throw RuntimeError("division by zero in MOD") }
                return .integer(a % b)
            default:
                guard let a = args.double(0), let b = args.double(1) else { return .null }
                return .double(a.truncatingRemainder(dividingBy: b))
            }
        }
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
