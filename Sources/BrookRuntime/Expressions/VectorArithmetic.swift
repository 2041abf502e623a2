// + - * / % and negation over columns, with Flink's result types already decided by the planner.
import BrookCore
import BrookPlanner

/// Arithmetic on whole columns. Numeric operands are first cast to the result type (or, for
/// DECIMAL, to DECIMAL at their own scale); timestamps and dates shift by intervals.
enum VectorArithmetic {
    static func compile(_ op: String, _ left: BoundExpression, _ right: BoundExpression, resultType: DataType) -> VectorEvaluator {
        let a = ExpressionCompiler.compile(left)
        let b = ExpressionCompiler.compile(right)
        let leftType = left.type.type
        let rightType = right.type.type
        if resultType.isTemporal || resultType.isInterval {
            return { batch, context throws(RuntimeError) in
                try temporal(op, try a(batch, context), try b(batch, context), resultType: resultType, count: batch.count)
            }
        }
        if case .decimal(_, let scale) = resultType {
            let leftDecimal = decimalType(leftType)
            let rightDecimal = decimalType(rightType)
            return { batch, context throws(RuntimeError) in
                let x = try Cast.column(try a(batch, context), to: leftDecimal, isTry: false, context: context)
                let y = try Cast.column(try b(batch, context), to: rightDecimal, isTry: false, context: context)
                return try decimal(op, x, y, resultScale: scale, resultType: resultType, count: batch.count)
            }
        }
        // Integers are computed in 64 bits and wrapped to the result: BIGINT % INT is INT but
        // must not narrow its dividend first.
        let operandType = resultType.isInteger ? DataType.bigint : resultType
        return { batch, context throws(RuntimeError) in
            let x = try Cast.column(try a(batch, context), to: operandType, isTry: false, context: context)
            let y = try Cast.column(try b(batch, context), to: operandType, isTry: false, context: context)
            let nulls = Comparison.mergeNulls(x, y, count: batch.count)
            switch (x.storage, y.storage) {
            case (.int64(let l), .int64(let r)):
                var out = ContiguousArray<Int64>(repeating: 0, count: batch.count)
                for i in 0..<batch.count {
                    if nulls?[i] == true { continue }
                    switch op {
                    case "+": out[i] = Arithmetic.wrap(l[i] &+ r[i], to: resultType)
                    case "-": out[i] = Arithmetic.wrap(l[i] &- r[i], to: resultType)
                    case "*": out[i] = Arithmetic.wrap(l[i] &* r[i], to: resultType)
                    default:
                        guard r[i] != 0 else { throw RuntimeError("division by zero") }
                        // Java's MIN / -1 is MIN and MIN % -1 is 0; Swift's checked operators would trap.
                        out[i] = op == "/" ? Arithmetic.wrap(l[i].dividedReportingOverflow(by: r[i]).partialValue, to: resultType)
                            : Arithmetic.wrap(l[i].remainderReportingOverflow(dividingBy: r[i]).partialValue, to: resultType)
                    }
                }
                return Column(type: resultType, storage: .int64(out), nulls: nulls)
            case (.double(let l), .double(let r)):
                var out = ContiguousArray<Double>(repeating: 0, count: batch.count)
                let isFloat = resultType == .float
                for i in 0..<batch.count {
                    let value: Double
                    switch op {
                    case "+": value = l[i] + r[i]
                    case "-": value = l[i] - r[i]
                    case "*": value = l[i] * r[i]
                    case "/": value = l[i] / r[i]
                    default: value = l[i].truncatingRemainder(dividingBy: r[i])
                    }
                    out[i] = isFloat ? Double(Float(value)) : value
                }
                return Column(type: resultType, storage: .double(out), nulls: nulls)
            default:
                throw RuntimeError("cannot apply '\(op)' to \(x.type) and \(y.type)")
            }
        }
    }

    static func decimalType(_ type: DataType) -> DataType {
        if type.isDecimal { return type }
        if let shape = type.decimalShape { return .decimal(precision: shape.precision, scale: shape.scale) }
        return .decimal(precision: 38, scale: 10)
    }

    static func decimal(_ op: String, _ x: Column, _ y: Column, resultScale: Int, resultType: DataType, count: Int) throws(RuntimeError) -> Column {
        let sx = x.type.decimalShape?.scale ?? 0
        let sy = y.type.decimalShape?.scale ?? 0
        let limit = DecimalValue.powerOfTen(resultType.decimalShape?.precision ?? 38)
        var builder = ColumnBuilder(type: resultType, capacity: count)
        for i in 0..<count {
            if x.isNull(i) || y.isNull(i) {
                builder.appendNull()
                continue
            }
            let l = x.decimal(i)
            let r = y.decimal(i)
            var result: Int128
            var overflow = false
            switch op {
            case "+", "-":
                let common = max(sx, sy)
                let (a, overflowA) = Arithmetic.rescaleReportingOverflow(l, from: sx, to: common)
                let (b, overflowB) = Arithmetic.rescaleReportingOverflow(r, from: sy, to: common)
                (result, overflow) = op == "+" ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
                overflow = overflow || overflowA || overflowB
                result = overflow ? 0 : Arithmetic.rescale(result, from: common, to: resultScale)
            case "*":
                (result, overflow) = l.multipliedReportingOverflow(by: r)
                result = Arithmetic.rescale(result, from: sx + sy, to: resultScale)
            case "/":
                guard r != 0 else { throw RuntimeError("division by zero") }
                let shift = resultScale - sx + sy
                let (scaled, scaleOverflow) = Arithmetic.rescaleReportingOverflow(l, from: 0, to: shift)
                overflow = scaleOverflow
                result = Arithmetic.divideRounding(scaled, by: r)
            default:
                guard r != 0 else { throw RuntimeError("division by zero") }
                let common = max(sx, sy)
                let (a, overflowA) = Arithmetic.rescaleReportingOverflow(l, from: sx, to: common)
                let (b, overflowB) = Arithmetic.rescaleReportingOverflow(r, from: sy, to: common)
                overflow = overflowA || overflowB
                result = overflow ? 0 : Arithmetic.rescale(a % b, from: common, to: resultScale)
            }
            if overflow || result.magnitude >= limit.magnitude { builder.appendNull() } else { builder.appendDecimal(result) }
        }
        return builder.build()
    }

    /// An interval times or divided by a number, in either order: integers as Java's long
    /// arithmetic (wrapping), DECIMAL and DOUBLE factors through a double rounded to the interval's unit.
    static func scaledInterval(_ op: String, interval: Column, number: Column, row: Int) throws(RuntimeError) -> Int64 {
        let amount = interval.int64(row)
        if case .int64 = number.storage {
            let factor = number.int64(row)
            if op == "*" { return amount &* factor }
            guard factor != 0 else { throw RuntimeError("division by zero") }
            return amount.dividedReportingOverflow(by: factor).partialValue
        }
        let factor = number.double(row)
        guard op == "*" || factor != 0 else { throw RuntimeError("division by zero") }
        let scaled = (op == "*" ? Double(amount) * factor : Double(amount) / factor).rounded()
        guard let result = Int64(exactly: scaled) else { throw RuntimeError("\(interval.type) times \(factor) is out of the interval's range") }
        return result
    }

    static func temporal(_ op: String, _ x: Column, _ y: Column, resultType: DataType, count: Int) throws(RuntimeError) -> Column {
        var builder = ColumnBuilder(type: resultType, capacity: count)
        for i in 0..<count {
            if x.isNull(i) || y.isNull(i) {
                builder.appendNull()
                continue
            }
            if op == "*" || op == "/" {
                builder.appendInt64(try scaledInterval(op, interval: x.type.isInterval ? x : y, number: x.type.isInterval ? y : x, row: i))
                continue
            }
            let (base, baseType, amount, amountType) = x.type.isInterval && !resultType.isInterval ? (y.int64(i), y.type, x.int64(i), x.type) : (x.int64(i), x.type, y.int64(i), y.type)
            let sign: Int64 = op == "-" ? -1 : 1
            switch (baseType, amountType) {
            case (.intervalDayTime, .intervalDayTime), (.intervalYearMonth, .intervalYearMonth):
                builder.appendInt64(base &+ sign &* amount)
            case (.date, .intervalDayTime):
                builder.appendInt64(base &+ sign &* (amount / 86_400_000))
            case (_, .intervalDayTime):
                builder.appendInt64(base &+ sign &* amount &* 1000)
            case (_, .intervalYearMonth):
                builder.appendInt64(addMonths(base, Int(sign * amount), type: baseType))
            default:
                throw RuntimeError("cannot apply '\(op)' to \(x.type) and \(y.type)")
            }
        }
        return builder.build()
    }

    /// Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 29 in a leap year).
    static func addMonths(_ value: Int64, _ months: Int, type: DataType) -> Int64 {
        let dayMicros: Int64 = 86_400_000_000
        let days = type == .date ? Int(value) : Int(value >= 0 ? value / dayMicros : (value - dayMicros + 1) / dayMicros)
        let timeOfDay = type == .date ? 0 : value - Int64(days) * dayMicros
        let (year, month, day) = TemporalText.civilFromDays(days)
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let monthLength = TemporalText.daysFromCivil(year: newMonth == 12 ? newYear + 1 : newYear, month: newMonth == 12 ? 1 : newMonth + 1, day: 1)
            - TemporalText.daysFromCivil(year: newYear, month: newMonth, day: 1)
        let newDays = TemporalText.daysFromCivil(year: newYear, month: newMonth, day: min(day, monthLength))
        return type == .date ? Int64(newDays) : Int64(newDays) * dayMicros + timeOfDay
    }

    static func compileNegate(_ operand: @escaping VectorEvaluator, type: DataType) -> VectorEvaluator {
        return { batch, context throws(RuntimeError) in
            let x = try operand(batch, context)
            switch x.storage {
            case .int64(let values): return Column(type: x.type, storage: .int64(ContiguousArray(values.map { Arithmetic.wrap(0 &- $0, to: x.type) })), nulls: x.nulls)
            case .double(let values): return Column(type: x.type, storage: .double(ContiguousArray(values.map { -$0 })), nulls: x.nulls)
            case .decimal(let values): return Column(type: x.type, storage: .decimal(ContiguousArray(values.map { -$0 })), nulls: x.nulls)
            default: throw RuntimeError("cannot negate \(x.type)")
            }
        }
    }
}
