// Date and time functions: TO_TIMESTAMP, DATE_FORMAT, UNIX_TIMESTAMP, FROM_UNIXTIME, EXTRACT and YEAR..SECOND, clocks.
import BrookCore

/// Temporal built-ins. Wall-clock results use the session time zone (`table.local-time-zone`).
enum TemporalFunctions {
    static func register(into add: (String, Bool, @escaping ScalarImplementation) -> Void) {
        add("TO_TIMESTAMP_LTZ", true) { args throws(RuntimeError) in
            if let text = args.string(0) {
                let pattern = args.values.count > 1 ? args.string(1).flatMap(DateTimePattern.init) : .standard
                guard let pattern, let local = pattern.parse(text) ?? TemporalText.parseTimestamp(text)?.0 else { return .null }
                return .timestamp(args.context.timeZone.instant(fromLocal: local))
            }
            let precision = args.values.count > 1 ? args.integer(1) ?? 3 : 3
            guard let number = args.double(0) else { return .null }
            if case .integer(let count) = args[0] { return .timestamp(try TimestampRange.micros(count, unitMicros: precision == 0 ? 1_000_000 : 1000)) }
            return .timestamp(try TimestampRange.micros(number, unitMicros: precision == 0 ? 1_000_000 : 1000))
        }
        add("TO_TIMESTAMP", true) { args throws(RuntimeError) in
            guard let text = args.string(0) else { return .null }
            if args.values.count > 1, let pattern = args.string(1) {
                return DateTimePattern(pattern)?.parse(text).map { .timestamp(Cast.truncate($0, toPrecision: 3)) } ?? .null
            }
            return TemporalText.parseTimestamp(text).map { .timestamp(Cast.truncate($0.0, toPrecision: 3)) } ?? .null
        }
        add("DATE_FORMAT", true) { args throws(RuntimeError) in
            guard let pattern = args.string(1) else { return .null }
            var local: Int64
            switch args[0] {
            case .timestamp(let micros):
                local = args.types[0].isTimestampLTZ ? micros + args.context.timeZone.offsetMicros(atInstant: micros) : micros
            case .date(let days): local = Int64(days) * 86_400_000_000
            case .string(let text):
                guard let parsed = TemporalText.parseTimestamp(text)?.0 else { return .null }
                local = parsed
            default: return .null
            }
            return DateTimePattern(pattern).map { .string($0.format(local)) } ?? .null
        }
        add("UNIX_TIMESTAMP", true) { args throws(RuntimeError) in
            if args.values.isEmpty { return .integer(args.context.now / 1_000_000) }
            guard let text = args.string(0) else { return .null }
            let pattern = args.values.count > 1 ? DateTimePattern(args.string(1)!) : .standard
            guard let local = pattern?.parse(text) else { return .null }
            let instant = args.context.timeZone.instant(fromLocal: local)
            return .integer(instant >= 0 ? instant / 1_000_000 : (instant - 999_999) / 1_000_000)
        }
        add("FROM_UNIXTIME", true) { args throws(RuntimeError) in
            guard let seconds = args.integer(0) else { return .null }
            let instant = try TimestampRange.micros(seconds, unitMicros: 1_000_000)
            let local = instant + args.context.timeZone.offsetMicros(atInstant: instant)
            let pattern = args.values.count > 1 ? DateTimePattern(args.string(1)!) : .standard
            return pattern.map { .string($0.format(local)) } ?? .null
        }
        add("CURRENT_TIMESTAMP", false) { args throws(RuntimeError) in .timestamp(Cast.truncate(args.context.now, toPrecision: 3)) }
        add("NOW", false) { args throws(RuntimeError) in .timestamp(Cast.truncate(args.context.now, toPrecision: 3)) }
        add("LOCALTIMESTAMP", false) { args throws(RuntimeError) in
            let now = args.context.now
            return .timestamp(Cast.truncate(now + args.context.timeZone.offsetMicros(atInstant: now), toPrecision: 3))
        }
        add("CURRENT_DATE", false) { args throws(RuntimeError) in
            let local = args.context.now + args.context.timeZone.offsetMicros(atInstant: args.context.now)
            return .date(Int32(local / 86_400_000_000))
        }
        add("CURRENT_WATERMARK", false) { args throws(RuntimeError) in
            args.context.watermark.map { .timestamp(Cast.truncate($0, toPrecision: 3)) } ?? .null
        }
        add("EXTRACT", true) { args throws(RuntimeError) in
            guard let unit = args.string(0) else { return .null }
            return extract(unit, args[1], type: args.types[1], context: args.context)
        }
        for unit in ["YEAR", "MONTH", "HOUR", "MINUTE", "SECOND"] {
            add(unit, true) { args throws(RuntimeError) in extract(unit, args[0], type: args.types[0], context: args.context) }
        }
        add("DAYOFMONTH", true) { args throws(RuntimeError) in extract("DAY", args[0], type: args.types[0], context: args.context) }
        add("QUARTER", true) { args throws(RuntimeError) in extract("QUARTER", args[0], type: args.types[0], context: args.context) }
    }

    /// The ISO-8601 week of a day: weeks start on Monday and week 1 holds the year's first Thursday.
    static func isoWeek(_ days: Int64) -> Int64 {
        let mondayBased = ((days + 3) % 7 + 7) % 7
        let thursday = days - mondayBased + 3
        let (year, _, _) = TemporalText.civilFromDays(Int(thursday))
        return (thursday - Int64(TemporalText.daysFromCivil(year: year, month: 1, day: 1))) / 7 + 1
    }

    /// EXTRACT(unit FROM value): a field of an interval, time, date or timestamp (a TIMESTAMP_LTZ
    /// read in the session time zone).
    static func extract(_ unit: String, _ value: Value, type: DataType, context: EvaluationContext) -> Value {
            switch value {
            case .intervalMilliseconds(let ms):
                let parts: [String: Int64] = ["DAY": ms / 86_400_000, "HOUR": ms / 3_600_000 % 24, "MINUTE": ms / 60_000 % 60, "SECOND": ms / 1000 % 60, "MILLISECOND": ms % 60_000]
                return .integer(parts[unit] ?? 0)
            case .intervalMonths(let months):
                return .integer(unit == "YEAR" ? Int64(months / 12) : Int64(months % 12))
            case .time(let micros):
                let parts: [String: Int64] = ["HOUR": micros / 3_600_000_000, "MINUTE": micros / 60_000_000 % 60, "SECOND": micros / 1_000_000 % 60, "MILLISECOND": micros / 1000 % 60_000, "MICROSECOND": micros % 60_000_000]
                return .integer(parts[unit] ?? 0)
            default:
                let micros: Int64
                switch value {
                case .date(let days): micros = Int64(days) * 86_400_000_000
                case .timestamp(let instant): micros = type.isTimestampLTZ ? instant + context.timeZone.offsetMicros(atInstant: instant) : instant
                default: return .null
                }
                let dayMicros: Int64 = 86_400_000_000
                let days = micros >= 0 ? micros / dayMicros : (micros - dayMicros + 1) / dayMicros
                let time = micros - days * dayMicros
                let (year, month, day) = TemporalText.civilFromDays(Int(days))
                switch unit {
                case "YEAR": return .integer(Int64(year))
                case "MONTH": return .integer(Int64(month))
                case "DAY": return .integer(Int64(day))
                case "HOUR": return .integer(time / 3_600_000_000)
                case "MINUTE": return .integer(time / 60_000_000 % 60)
                case "SECOND": return .integer(time / 1_000_000 % 60)
                case "QUARTER": return .integer(Int64((month - 1) / 3 + 1))
                case "DOW": return .integer(((days + 4) % 7 + 7) % 7 + 1)
                case "DOY": return .integer(days - Int64(TemporalText.daysFromCivil(year: year, month: 1, day: 1)) + 1)
                case "WEEK": return .integer(isoWeek(days))
                case "MICROSECOND": return .integer(time % 60_000_000)
                default: return .integer(time / 1000 % 60_000)
                }
            }
    }
}
