// Integer wrap-around, exact decimal arithmetic and number text, shared by operators and casts.
import BrookCore

/// Arithmetic with Flink's semantics: INT arithmetic wraps at 32 bits as Java's does, DECIMAL
/// results round half up to the result type's scale, FLOAT results round to single precision.
public enum Arithmetic {
    /// `value` wrapped to the width of an integer type, as Java narrows.
    @inline(__always) public static func wrap(_ value: Int64, to type: DataType) -> Int64 {
        switch type {
        case .tinyint: return Int64(Int8(truncatingIfNeeded: value))
        case .smallint: return Int64(Int16(truncatingIfNeeded: value))
        case .int: return Int64(Int32(truncatingIfNeeded: value))
        default: return value
        }
    }

    /// Rescales an unscaled decimal from `from` to `to` digits of scale, rounding half up.
    @inline(__always) public static func rescale(_ unscaled: Int128, from: Int, to: Int) -> Int128 {
        if from == to { return unscaled }
        if to > from { return unscaled * DecimalValue.powerOfTen(to - from) }
        return divideRounding(unscaled, by: DecimalValue.powerOfTen(from - to))
    }

    /// `rescale` for operands whose widening may not fit in 128 bits; `overflow` says it did not.
    @inline(__always) public static func rescaleReportingOverflow(_ unscaled: Int128, from: Int, to: Int) -> (Int128, overflow: Bool) {
        guard to > from else { return (rescale(unscaled, from: from, to: to), false) }
        guard to - from <= DataType.maxDecimalPrecision else { return (0, unscaled != 0) }
        let (result, overflow) = unscaled.multipliedReportingOverflow(by: DecimalValue.powerOfTen(to - from))
        return (result, overflow)
    }

    /// `a / b` rounded half away from zero.
    @inline(__always) public static func divideRounding(_ a: Int128, by b: Int128) -> Int128 {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        if remainder.magnitude * 2 >= b.magnitude {
            return quotient + ((a < 0) != (b < 0) ? -1 : 1)
        }
        return quotient
    }
}
