// The running state of one aggregate call over a group: values added and, for updating input, retracted.
import BrookCore
import BrookPlanner

/// Accumulates COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE, STDDEV and VAR over a group,
/// with retraction for updating input: sums and counts subtract, MIN and MAX keep value counts
/// so a retracted extreme can be replaced, and DISTINCT counts each value once.
final class AggregateAccumulator {
    let function: String
    let distinct: Bool
    let countsRows: Bool
    let argumentType: DataType
    let resultType: DataType
    private var count: Int64 = 0
    private var nonNull: Int64 = 0
    private var sumInteger: Int64 = 0
    private var sumDecimal: Int128 = 0
    private var sumDouble = 0.0
    private var sumSquares = 0.0
    private var valueCounts: [Value: Int] = [:]
    private var sequence: [Value] = []

    init(call: AggregateCall) {
        function = call.function
        distinct = call.distinct
        countsRows = call.arguments.isEmpty
        argumentType = call.arguments.first?.type.type ?? .null
        resultType = call.type.type
    }

    /// Adds (`sign` 1) or retracts (`sign` -1) one row's argument value.
    func apply(_ value: Value, sign: Int) {
        count += Int64(sign)
        guard !value.isNull else { return }
        if distinct || ["MIN", "MAX"].contains(function) {
            let previous = valueCounts[value, default: 0]
            let updated = previous + sign
            valueCounts[value] = updated > 0 ? updated : nil
            if distinct && !((previous == 0 && sign > 0) || (updated == 0 && sign < 0)) { return }
        }
        if function == "FIRST_VALUE" || function == "LAST_VALUE" {
            if sign > 0 {
                sequence.append(value)
            } else if let index = sequence.lastIndex(of: value) {
                sequence.remove(at: index)
            }
        }
        nonNull += Int64(sign)
        switch value {
        case .integer(let n):
            sumInteger &+= Int64(sign) &* n
            sumDouble += Double(sign) * Double(n)
            sumSquares += Double(sign) * Double(n) * Double(n)
        case .double(let d):
            sumDouble += Double(sign) * d
            sumSquares += Double(sign) * d * d
        case .decimal(let d):
            sumDecimal += Int128(sign) * d.rescaled(to: argumentType.decimalShape?.scale ?? d.scale).unscaled
            sumDouble += Double(sign) * d.doubleValue
            sumSquares += Double(sign) * d.doubleValue * d.doubleValue
        default:
            break
        }
    }

    /// Rows (or non-NULL values) currently in the group.
    var rowCount: Int64 { count }

    func result() -> Value {
        switch function {
        case "COUNT": return .integer(countsRows ? count : nonNull)
        case "MIN": return valueCounts.keys.min(by: ValueOrder.less) ?? .null
        case "MAX": return valueCounts.keys.max(by: ValueOrder.less) ?? .null
        case "FIRST_VALUE": return sequence.first ?? .null
        case "LAST_VALUE": return sequence.last ?? .null
        default: break
        }
        guard nonNull > 0 else { return .null }
        let scale = argumentType.decimalShape?.scale ?? 0
        switch function {
        case "SUM":
            if argumentType.isDecimal { return .decimal(DecimalValue(unscaled: sumDecimal, scale: scale)) }
            if argumentType.isInteger { return .integer(Arithmetic.wrap(sumInteger, to: resultType)) }
            return .double(resultType == .float ? Double(Float(sumDouble)) : sumDouble)
        case "AVG":
            if case .decimal(_, let resultScale) = resultType {
                let shifted = Arithmetic.rescale(sumDecimal, from: scale, to: resultScale)
                return .decimal(DecimalValue(unscaled: Arithmetic.divideRounding(shifted, by: Int128(nonNull)), scale: resultScale))
            }
            if argumentType.isInteger { return .integer(sumInteger / nonNull) }
            let average = sumDouble / Double(nonNull)
            return .double(resultType == .float ? Double(Float(average)) : average)
        default:
            let mean = sumDouble / Double(nonNull)
            let population = max(0, sumSquares / Double(nonNull) - mean * mean)
            var variance = population
            if function == "VAR_SAMP" || function == "STDDEV_SAMP" {
                guard nonNull > 1 else { return .null }
                variance = population * Double(nonNull) / Double(nonNull - 1)
            }
            let result = function.hasPrefix("STDDEV") ? variance.squareRoot() : variance
            if resultType.isInteger { return .integer(Int64(result)) }
            if case .decimal(_, let resultScale) = resultType { return DecimalValue(result).map { .decimal($0.rescaled(to: resultScale)) } ?? .null }
            return .double(resultType == .float ? Double(Float(result)) : result)
        }
    }
}
