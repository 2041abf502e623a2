// Calendar arithmetic: FLOOR/CEIL(t TO unit), TIMESTAMPADD, TIMESTAMPDIFF, and the week and day-of-year fields.
import BrookCore

/// Date and time arithmetic by calendar unit. Dates are days since the epoch and timestamps
/// microseconds; a TIMESTAMP_LTZ is rounded on the session's wall clock, as Flink does.
enum CalendarFunctions {
    static let dayMicros: Int64 = 86_400_000_000
    static let unitMicros: [String: Int64] = ["WEEK": 7 * dayMicros, "DAY": dayMicros, "HOUR": 3_600_000_000, "MINUTE": 60_000_000, "SECOND": 1_000_000]
    static let unitMonths: [String: Int] = ["YEAR": 12, "QUARTER": 3, "MONTH": 1]

    static func register(into add: (String, Bool, @escaping ScalarImplementation) -> Void) {
        add("TIMESTAMPADD", true) { args throws(RuntimeError) in
            guard let unit = args.string(0), let count = args.integer(1) else { return .null }
            return try shifted(args[2], by: count, unit, type: args.types[2], resultType: args.resultType)
        }
        add("TIMESTAMPDIFF", true) { args throws(RuntimeError) in
            guard let unit = args.string(0) else { return .null }
            let bothInstants = args.types[1].isTimestampLTZ && args.types[2].isTimestampLTZ
            guard let from = micros(args[1], type: args.types[1], local: !bothInstants, args.context),
                  let to = micros(args[2], type: args.types[2], local: !bothInstants, args.context) else { return .null }
            let difference: Int64
            if let months = unitMonths[unit] {
                difference = Int64(monthsBetween(from, to) / months)
            } else {
                difference = to.subtractingReportingOverflow(from).partialValue / (unitMicros[unit] ?? 1)
            }
            return .integer(Arithmetic.wrap(difference, to: .int))
        }
        add("TO_DATE", true) { args throws(RuntimeError) in
            let text = args.string(0)!
            let local: Int64?
            if args.values.count > 1 {
                local = DateTimePattern(args.string(1)!)?.parse(text)
            } else {
                local = TemporalText.parseDate(text.trimmingSpaces).map { Int64($0) * dayMicros }
            }
            return local.map { .date(Int32(truncatingIfNeeded: floorDivide($0, dayMicros))) } ?? .null
        }
        for (name, unit) in [("DAYOFWEEK", "DOW"), ("DAYOFYEAR", "DOY"), ("WEEK", "WEEK")] {
            add(name, true) { args throws(RuntimeError) in TemporalFunctions.extract(unit, args[0], type: args.types[0], context: args.context) }
        }
    }

    @inline(__always) static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }

    /// A date or timestamp as microseconds: wall-clock (`local`) or, for TIMESTAMP_LTZ, the instant.
    static func micros(_ value: Value, type: DataType, local: Bool, _ context: EvaluationContext) -> Int64? {
        switch value {
        case .date(let days): return Int64(days) * dayMicros
        case .timestamp(let instant):
            return local && type.isTimestampLTZ ? instant + context.timeZone.offsetMicros(atInstant: instant) : instant
        default: return nil
        }
    }

    /// Whole calendar months from `from` to `to`: the largest count that, added to `from` (with
    /// the day clamped to the month's end), does not pass `to`; negative when `to` is earlier.
    static func monthsBetween(_ from: Int64, _ to: Int64) -> Int {
        if to < from { return -monthsBetween(to, from) }
        let (y1, m1, _) = TemporalText.civilFromDays(Int(floorDivide(from, dayMicros)))
        let (y2, m2, _) = TemporalText.civilFromDays(Int(floorDivide(to, dayMicros)))
        var months = (y2 - y1) * 12 + (m2 - m1)
        while months > 0, VectorArithmetic.addMonths(from, months, type: .timestamp(precision: 6)) > to { months -= 1 }
        return months
    }

    /// `value` moved by `count` units; a DATE moved by less than a day becomes a TIMESTAMP(0).
    /// Results must stay in years 0000 to 9999, as every TIMESTAMP does.
    static func shifted(_ value: Value, by count: Int64, _ unit: String, type: DataType, resultType: DataType) throws(RuntimeError) -> Value {
        let outside = RuntimeError("TIMESTAMPADD of \(count) \(unit) leaves the TIMESTAMP range (years 0000 to 9999)")
        guard let start = micros(value, type: type, local: false, EvaluationContext()) else { return .null }
        var moved: Int64
        if let months = unitMonths[unit] {
            guard let amount = Int(exactly: count), amount.magnitude <= 12 * 10_000 / months else { throw outside }
            moved = VectorArithmetic.addMonths(start, amount * months, type: .timestamp(precision: 6))
        } else {
            let (shift, overflow) = count.multipliedReportingOverflow(by: unitMicros[unit] ?? 1)
            guard !overflow else { throw outside }
            let (sum, sumOverflow) = start.addingReportingOverflow(shift)
            guard !sumOverflow else { throw outside }
            moved = sum
        }
        guard TimestampRange.micros.contains(moved) else { throw outside }
        if case .date = value, resultType == .date { return .date(Int32(floorDivide(moved, dayMicros))) }
        return .timestamp(moved)
    }

    /// FLOOR or CEIL of a date, time or timestamp to a unit; weeks start on Sunday, as in Flink.
    static func round(_ value: Value, unit: String, type: DataType, up: Bool, context: EvaluationContext) -> Value {
        switch value {
        case .date(let days):
            let rounded = round(Int64(days) * dayMicros, unit: unit, up: up)
            return .date(Int32(truncatingIfNeeded: floorDivide(rounded, dayMicros)))
        case .timestamp(let micros) where type.isTimestampLTZ:
            let local = micros + context.timeZone.offsetMicros(atInstant: micros)
            return .timestamp(context.timeZone.instant(fromLocal: round(local, unit: unit, up: up)))
        case .timestamp(let micros):
            return .timestamp(round(micros, unit: unit, up: up))
        case .time(let micros):
            // CEIL(TIME '23:59:30' TO MINUTE) wraps to midnight, as a time of day must.
            return .time(round(micros, unit: unit, up: up) % dayMicros)
        default:
            return .null
        }
    }

    static func round(_ micros: Int64, unit: String, up: Bool) -> Int64 {
        let days = floorDivide(micros, dayMicros)
        let floored: Int64
        if let months = unitMonths[unit] {
            let (year, month, _) = TemporalText.civilFromDays(Int(days))
            let firstMonth = (month - 1) / months * months + 1
            floored = Int64(TemporalText.daysFromCivil(year: year, month: firstMonth, day: 1)) * dayMicros
            guard up, floored != micros else { return floored }
            return VectorArithmetic.addMonths(floored, months, type: .timestamp(precision: 6))
        }
        let step = unitMicros[unit] ?? dayMicros
        if unit == "WEEK" {
            // Day 0 (1970-01-01) is a Thursday; Sundays are the days with (days + 4) % 7 == 0.
            let sunday = days - ((days + 4) % 7 + 7) % 7
            floored = sunday * dayMicros
        } else {
            floored = floorDivide(micros, step) * step
        }
        return up && floored != micros ? floored &+ step : floored
    }
}
