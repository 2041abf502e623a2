// The per-partition state of one OVER call: its frame's rows and the running values over them.
import BrookCore
import BrookPlanner
import DequeModule

/// Computes one OVER call for one partition, row after row in event-time order. ROWS frames keep
/// the frame's last rows and recompute over them (so results do not drift as rows leave the
/// frame); RANGE frames also drop rows by time; unbounded frames keep running totals only.
final class OverAccumulator {
    let function: String
    let kind: AggregateKind
    let frame: OverFrame
    let resultType: DataType
    let argumentType: DataType
    /// LAG/LEAD offset and default.
    let offset: Int
    let defaultValue: Value
    /// COUNT(*) counts rows; COUNT(x) counts non-NULL values.
    let countsRows: Bool
    /// `AGG(DISTINCT x)`: each value counts once in the frame.
    let distinct: Bool
    /// The values an unbounded DISTINCT frame has counted.
    private var seen = Set<Value>()

    private var times = Deque<Int64>()
    private var values = Deque<Value>()
    /// Arguments of numeric AVG/SUM/MIN/MAX/STDDEV/VAR calls over doubles, kept unboxed (NaN for NULL).
    private var numbers = Deque<Double>()
    /// True when this call takes the unboxed path: `addNumber` and `numberResult`.
    let isNumeric: Bool
    private var runningCount = 0
    private var runningSum = 0.0
    private var runningSquares = 0.0
    private var rowNumber: Int64 = 0
    /// Running totals for unbounded frames.
    private var unboundedTotals = AggregateTotals()
    private var extreme: Value = .null
    private var first: Value = .null
    private var hasFirst = false
    private var last: Value = .null

    init(call: OverCall, defaultValue: Value) {
        function = call.function
        kind = AggregateKind(call.function)
        frame = call.frame
        resultType = call.type.type
        argumentType = call.arguments.first?.type.type ?? .null
        offset = call.arguments.count > 1 ? Int(ConstantFolder.integer(call.arguments[1]) ?? 1) : 1
        self.defaultValue = defaultValue
        countsRows = call.arguments.isEmpty
        distinct = call.distinct
        isNumeric = !call.distinct && PhysicalType.kind(of: argumentType) == .double && PhysicalType.kind(of: resultType) == .double
            && [.avg, .sum, .min, .max, .stddevPop, .stddevSamp, .varPop, .varSamp].contains(kind)
            && !{ if case .unbounded = call.frame.preceding { return true }; return false }()
    }

    /// Adds the current row's argument on the unboxed path (nil for NULL), dropping rows that left the frame.
    func addNumber(time: Int64, argument: Double?) {
        times.append(time)
        let value = argument ?? .nan
        numbers.append(value)
        if !value.isNaN {
            runningCount += 1
            runningSum += value
            runningSquares += value * value
        }
        switch frame.preceding {
        case .offset(let n):
            if frame.unit == .rows {
                while numbers.count > Int(n) + 1 { evictOldest() }
            } else {
                while let oldest = times.first, oldest < time - n * 1000 { evictOldest() }
            }
        case .currentRow:
            if frame.unit == .rows {
                while numbers.count > 1 { evictOldest() }
            } else {
                while let oldest = times.first, oldest < time { evictOldest() }
            }
        case .unbounded:
            break
        }
    }

    private func evictOldest() {
        times.removeFirst()
        let value = numbers.removeFirst()
        if !value.isNaN {
            runningCount -= 1
            runningSum -= value
            runningSquares -= value * value
        }
    }

    /// The call's value over the current frame on the unboxed path; nil for NULL. FLOAT arguments
    /// use the running sums, which are exact in double precision for values of similar magnitude;
    /// DOUBLE arguments are summed again over the frame so no rounding error accumulates.
    func numberResult() -> Double? {
        guard runningCount > 0 else { return nil }
        let count = Double(runningCount)
        var sum = runningSum
        var squares = runningSquares
        if argumentType == .double, kind != .min, kind != .max {
            sum = 0
            squares = 0
            for value in numbers where !value.isNaN {
                sum += value
                squares += value * value
            }
        }
        let result: Double
        switch kind {
        case .sum: result = sum
        case .avg: result = sum / count
        case .min: result = numbers.reduce(Double.infinity) { $1.isNaN ? $0 : Swift.min($0, $1) }
        case .max: result = numbers.reduce(-Double.infinity) { $1.isNaN ? $0 : Swift.max($0, $1) }
        default:
            let mean = sum / count
            var variance = Swift.max(0, squares / count - mean * mean)
            if kind == .stddevSamp || kind == .varSamp {
                guard runningCount > 1 else { return nil }
                variance *= count / (count - 1)
            }
            result = kind == .stddevPop || kind == .stddevSamp ? variance.squareRoot() : variance
        }
        return resultType == .float ? Double(Float(result)) : result
    }

    private var isUnbounded: Bool {
        if case .unbounded = frame.preceding { return true }
        return false
    }

    /// Adds the current row (its time and argument) to the frame, dropping rows that left it.
    func add(time: Int64, argument: Value) {
        rowNumber += 1
        switch kind {
        case .rowNumber:
            return
        case .lag:
            values.append(argument)
            while values.count > offset + 1 { values.removeFirst() }
            return
        default:
            break
        }
        if isUnbounded {
            if !distinct || seen.insert(argument).inserted { accumulate(argument) }
            return
        }
        times.append(time)
        values.append(argument)
        switch frame.preceding {
        case .offset(let n):
            if frame.unit == .rows {
                while values.count > Int(n) + 1 { times.removeFirst(); values.removeFirst() }
            } else {
                while let oldest = times.first, oldest < time - n * 1000 { times.removeFirst(); values.removeFirst() }
            }
        case .currentRow:
            if frame.unit == .rows {
                while values.count > 1 { times.removeFirst(); values.removeFirst() }
            } else {
                while let oldest = times.first, oldest < time { times.removeFirst(); values.removeFirst() }
            }
        case .unbounded:
            break
        }
    }

    private func accumulate(_ value: Value) {
        if !hasFirst {
            first = value
            hasFirst = true
        }
        last = value
        unboundedTotals.apply(value, sign: 1, scale: argumentType.decimalShape?.scale ?? 0)
        if kind.replaces(extreme, with: value) { extreme = value }
    }

    /// True when LAG has no row `offset` rows back, so its default applies.
    var lagIsMissing: Bool { values.count <= offset }

    /// The call's value for the row most recently added.
    func result() -> Value {
        switch kind {
        case .rowNumber: return .integer(rowNumber)
        case .lag: return values.count > offset ? values[values.count - 1 - offset] : defaultValue
        default: break
        }
        if isUnbounded { return finish(unboundedTotals, extreme: extreme, first: first, last: last) }
        var totals = AggregateTotals()
        var best: Value = .null
        let scale = argumentType.decimalShape?.scale ?? 0
        var counted = Set<Value>()
        for value in values {
            if distinct, !counted.insert(value).inserted { continue }
            totals.apply(value, sign: 1, scale: scale)
            if kind == .min || kind == .max, kind.replaces(best, with: value) { best = value }
        }
        return finish(totals, extreme: best, first: values.first ?? .null, last: values.last ?? .null)
    }

    private func finish(_ totals: AggregateTotals, extreme: Value, first: Value, last: Value) -> Value {
        switch kind {
        case .min, .max: return extreme
        case .firstValue: return first
        case .lastValue: return last
        default: return totals.result(function, countsRows: countsRows, argumentType: argumentType, resultType: resultType)
        }
    }
}

/// Total order on values of one type, for MIN/MAX and sorting.
enum ValueOrder {
    static func less(_ a: Value, _ b: Value) -> Bool { compare(a, b) < 0 }

    static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.integer(let x), .integer(let y)), (.timestamp(let x), .timestamp(let y)), (.time(let x), .time(let y)),
             (.intervalMilliseconds(let x), .intervalMilliseconds(let y)):
            return x < y ? -1 : x == y ? 0 : 1
        case (.date(let x), .date(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.intervalMonths(let x), .intervalMonths(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.double(let x), .double(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.decimal(let x), .decimal(let y)):
            let scale = max(x.scale, y.scale)
            let l = x.rescaled(to: scale).unscaled
            let r = y.rescaled(to: scale).unscaled
            return l < r ? -1 : l == r ? 0 : 1
        case (.string(let x), .string(let y)): return Comparison.compareStrings(x, y)
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.bytes(let x), .bytes(let y)): return x == y ? 0 : x.lexicographicallyPrecedes(y) ? -1 : 1
        default:
            let x = numeric(a)
            let y = numeric(b)
            return x < y ? -1 : x == y ? 0 : 1
        }
    }

    private static func numeric(_ value: Value) -> Double {
        switch value {
        case .integer(let n): return Double(n)
        case .double(let d): return d
        case .decimal(let d): return d.doubleValue
        default: return 0
        }
    }
}
