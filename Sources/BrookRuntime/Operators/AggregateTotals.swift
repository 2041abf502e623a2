// Running counts and sums shared by group, window and over aggregation, and the results derived from them.
import BrookCore

/// The totals COUNT, SUM, AVG, STDDEV and VAR are computed from. Values are added with sign 1
/// and retracted with -1; `result` turns the totals into a function's value in its result type
/// (AVG of INT is INT, of DECIMAL(p, s) DECIMAL(38, max(6, s)), FLOAT results single precision).
struct AggregateTotals {
    var count: Int64 = 0
    var nonNull: Int64 = 0
    var sumInteger: Int64 = 0
    var sumDouble = 0.0
    var sumSquares = 0.0
    var sumDecimal: Int128 = 0
    /// The DECIMAL sum went beyond 128 bits once; its SUM and AVG are NULL from then on, as
    /// Flink's decimal arithmetic gives NULL on overflow.
    var decimalOverflowed = false

    /// Adds (`sign` 1) or removes (`sign` -1) one row's value; `scale` is the argument's DECIMAL scale.
    mutating func apply(_ value: Value, sign: Int, scale: Int) {
        count += Int64(sign)
        guard !value.isNull else { return }
        nonNull += Int64(sign)
        let weight = Double(sign)
        switch value {
        case .integer(let n):
            sumInteger &+= Int64(sign) &* n
            sumDouble += weight * Double(n)
            sumSquares += weight * Double(n) * Double(n)
        case .double(let d):
            sumDouble += weight * d
            sumSquares += weight * d * d
        case .decimal(let d):
            let (sum, overflow) = sumDecimal.addingReportingOverflow(Int128(sign) * d.rescaled(to: scale).unscaled)
            sumDecimal = sum
            if overflow { decimalOverflowed = true }
            let x = d.doubleValue
            sumDouble += weight * x
            sumSquares += weight * x * x
        default:
            break
        }
    }

    /// COUNT, SUM, AVG, STDDEV_* or VAR_* over these totals.
    func result(_ function: String, countsRows: Bool, argumentType: DataType, resultType: DataType) -> Value {
        if function == "COUNT" { return .integer(countsRows ? count : nonNull) }
        guard nonNull > 0 else { return .null }
        let scale = argumentType.decimalShape?.scale ?? 0
        switch function {
        case "SUM":
            if argumentType.isDecimal {
                guard !decimalOverflowed, sumDecimal.magnitude < DecimalValue.powerOfTen(38).magnitude else { return .null }
                return .decimal(DecimalValue(unscaled: sumDecimal, scale: scale))
            }
            if argumentType.isInteger { return .integer(Arithmetic.wrap(sumInteger, to: resultType)) }
            return .double(resultType == .float ? Double(Float(sumDouble)) : sumDouble)
        case "AVG":
            if case .decimal(_, let resultScale) = resultType {
                let (shifted, overflow) = Arithmetic.rescaleReportingOverflow(sumDecimal, from: scale, to: resultScale)
                guard !decimalOverflowed, !overflow else { return .null }
                return .decimal(DecimalValue(unscaled: Arithmetic.divideRounding(shifted, by: Int128(nonNull)), scale: resultScale))
            }
            if argumentType.isInteger { return .integer(sumInteger / nonNull) }
            let average = sumDouble / Double(nonNull)
            return .double(resultType == .float ? Double(Float(average)) : average)
        default:
            let mean = sumDouble / Double(nonNull)
            var variance = max(0, sumSquares / Double(nonNull) - mean * mean)
            if function == "VAR_SAMP" || function == "STDDEV_SAMP" {
                guard nonNull > 1 else { return .null }
                variance *= Double(nonNull) / Double(nonNull - 1)
            }
            let result = function.hasPrefix("STDDEV") ? variance.squareRoot() : variance
            // Java's (long) cast saturates, as Flink's integer VAR and STDDEV results do.
            if resultType.isInteger { return .integer(Arithmetic.wrap(Int64(exactly: result.rounded(.towardZero)) ?? .max, to: resultType)) }
            if case .decimal(_, let resultScale) = resultType { return DecimalValue(result).map { .decimal($0.rescaled(to: resultScale)) } ?? .null }
            return .double(resultType == .float ? Double(Float(result)) : result)
        }
    }
}
