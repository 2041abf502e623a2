// Which aggregate or window function an accumulator computes, decided once per call.
import BrookCore

/// An aggregate or window function by tag, so per-row code switches on it instead of comparing
/// function names.
enum AggregateKind {
    case rowNumber, lag, lead, count, sum, avg, min, max, stddevPop, stddevSamp, varPop, varSamp, firstValue, lastValue, listagg, other

    init(_ function: String) {
        switch function {
        case "ROW_NUMBER": self = .rowNumber
        case "LAG": self = .lag
        case "LEAD": self = .lead
        case "COUNT": self = .count
        case "SUM": self = .sum
        case "AVG": self = .avg
        case "MIN": self = .min
        case "MAX": self = .max
        case "STDDEV_POP": self = .stddevPop
        case "STDDEV_SAMP": self = .stddevSamp
        case "VAR_POP": self = .varPop
        case "VAR_SAMP": self = .varSamp
        case "FIRST_VALUE": self = .firstValue
        case "LAST_VALUE": self = .lastValue
        case "LISTAGG": self = .listagg
        default: self = .other
        }
    }

    /// For MIN and MAX: whether `value` replaces `extreme`, the best so far (NULL before any);
    /// NULL values never do.
    func replaces(_ extreme: Value, with value: Value) -> Bool {
        !value.isNull && (extreme.isNull || (self == .min ? ValueOrder.less(value, extreme) : ValueOrder.less(extreme, value)))
    }
}
