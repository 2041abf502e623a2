// The running state of one aggregate call over a group: values added and, for updating input, retracted.
import BrookCore
import BrookPlanner

/// Accumulates COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE, LISTAGG, STDDEV and VAR over a group,
/// with retraction for updating input: sums and counts subtract, MIN and MAX keep value counts
/// so a retracted extreme can be replaced, and DISTINCT counts each value once. Over input that
/// never retracts (`retracts` false, as in window aggregation) MIN and MAX keep only the extreme.
final class AggregateAccumulator {
    let function: String
    let kind: AggregateKind
    let retracts: Bool
    let distinct: Bool
    let countsRows: Bool
    let argumentType: DataType
    let resultType: DataType
    /// LISTAGG's separator.
    let separator: String
    private var totals = AggregateTotals()
    private var valueCounts: [Value: Int] = [:]
    private var extreme: Value = .null
    private var sequence: [Value] = []

    init(call: AggregateCall, retracts: Bool = true) {
        function = call.function
        kind = AggregateKind(call.function)
        self.retracts = retracts
        distinct = call.distinct
        countsRows = call.arguments.isEmpty
        argumentType = call.arguments.first?.type.type ?? .null
        resultType = call.type.type
        if call.arguments.count > 1, case .string(let text)? = ConstantFolder.evaluate(call.arguments[1]) {
            separator = text
        } else {
            separator = ","
        }
    }

    /// Adds (`sign` 1) or retracts (`sign` -1) one row's argument value.
    func apply(_ value: Value, sign: Int) {
        if !retracts, !distinct, kind == .min || kind == .max {
            totals.count += 1
            if kind.replaces(extreme, with: value) { extreme = value }
            return
        }
        if !value.isNull, distinct || kind == .min || kind == .max {
            let previous = valueCounts[value, default: 0]
            let updated = previous + sign
            valueCounts[value] = updated > 0 ? updated : nil
            if distinct && !((previous == 0 && sign > 0) || (updated == 0 && sign < 0)) {
                totals.count += Int64(sign)
                return
            }
        }
        if !value.isNull, kind == .firstValue || kind == .lastValue || kind == .listagg {
            if sign > 0 {
                sequence.append(value)
            } else if let index = sequence.lastIndex(of: value) {
                sequence.remove(at: index)
            }
        }
        totals.apply(value, sign: sign, scale: argumentType.decimalShape?.scale ?? 0)
    }

    func result() -> Value {
        switch kind {
        case .min where !retracts && !distinct, .max where !retracts && !distinct: return extreme
        case .min: return valueCounts.keys.min(by: ValueOrder.less) ?? .null
        case .max: return valueCounts.keys.max(by: ValueOrder.less) ?? .null
        case .firstValue: return sequence.first ?? .null
        case .lastValue: return sequence.last ?? .null
        case .listagg:
            guard !sequence.isEmpty else { return .null }
            return .string(sequence.map { if case .string(let text) = $0 { return text }; return "" }.joined(separator: separator))
        default: return totals.result(function, countsRows: countsRows, argumentType: argumentType, resultType: resultType)
        }
    }
}
