// CAST and TRY_CAST between SQL types, vectorized for numbers and per cell for the rest.
import BrookCore

/// Converts columns and values between types as Flink's CAST does: numbers truncate toward zero
/// into integers and round half up into DECIMAL, strings are parsed (CAST fails on bad text,
/// TRY_CAST gives NULL), timestamps are truncated to the target precision, and TIMESTAMP_LTZ
/// and TIMESTAMP convert through the session time zone.
public enum Cast {
    public static func column(_ column: Column, to target: DataType, isTry: Bool, context: EvaluationContext) throws(RuntimeError) -> Column {
        let source = column.type
        if source == target { return column }
        let sourceKind = PhysicalType.kind(of: source)
        let targetKind = PhysicalType.kind(of: target)
        // Same storage and no change of meaning: relabel only.
        if sourceKind == targetKind, sameRepresentation(source, target) {
            return Column(type: target, storage: column.storage, nulls: column.nulls)
        }
        if case .double(let values) = column.storage, target == .float || target == .double {
            let converted = target == .float ? ContiguousArray(values.map { Double(Float($0)) }) : values
            return Column(type: target, storage: .double(converted), nulls: column.nulls)
        }
        if case .int64(let values) = column.storage, source.isInteger {
            switch target {
            case .double, .float:
                return Column(type: target, storage: .double(ContiguousArray(values.map { target == .float ? Double(Float($0)) : Double($0) })), nulls: column.nulls)
            case .decimal(let precision, let scale) where precision - scale >= 19:
                // Every BIGINT fits: no value can overflow the target.
                let factor = DecimalValue.powerOfTen(scale)
                return Column(type: target, storage: .decimal(ContiguousArray(values.map { Int128($0) * factor })), nulls: column.nulls)
            default: break
            }
        }
        if case .int64(let values) = column.storage, source.isTimestamp, target.isTimestamp {
            return Column(type: target, storage: .int64(try ContiguousArray(values.map { (v: Int64) throws(RuntimeError) in try convertTimestamp(v, from: source, to: target, context) })), nulls: column.nulls)
        }
        var builder = ColumnBuilder(type: target, capacity: column.count)
        for row in 0..<column.count {
            builder.append(try value(column.value(row), from: source, to: target, isTry: isTry, context: context))
        }
        return builder.build()
    }

    /// True when values of `a` stored as they are already mean the same in `b`.
    static func sameRepresentation(_ a: DataType, _ b: DataType) -> Bool {
        switch (a, b) {
        case (.varchar, .varchar(let n)), (.char, .varchar(let n)): return n == DataType.maxVarcharLength
        case (.null, _): return true
        default: return a.isInteger && b.isInteger && (b.numericRank ?? 0) >= (a.numericRank ?? 0)
        }
    }

    static func convertTimestamp(_ micros: Int64, from source: DataType, to target: DataType, _ context: EvaluationContext) throws(RuntimeError) -> Int64 {
        var value = micros
        switch (source, target) {
        case (.timestampLTZ, .timestamp): value += context.timeZone.offsetMicros(atInstant: micros)
        case (.timestamp, .timestampLTZ): value = context.timeZone.instant(fromLocal: micros)
        default: break
        }
        let precision: Int
        switch target {
        case .timestamp(let p), .timestampLTZ(let p): precision = p
        default: precision = 6
        }
        return truncate(value, toPrecision: precision)
    }

    static func truncate(_ micros: Int64, toPrecision precision: Int) -> Int64 {
        guard precision < 6 else { return micros }
        var unit: Int64 = 1
        for _ in precision..<6 { unit *= 10 }
        let floored = micros >= 0 ? micros / unit : (micros - unit + 1) / unit
        return floored * unit
    }

    /// One value converted; failures throw for CAST and give NULL for TRY_CAST.
    public static func value(_ value: Value, from source: DataType, to target: DataType, isTry: Bool, context: EvaluationContext) throws(RuntimeError) -> Value {
        if case .null = value { return .null }
        do {
            return try convert(value, from: source, to: target, context)
        } catch {
            if isTry { return .null }
            throw error
        }
    }

    private static func convert(_ value: Value, from source: DataType, to target: DataType, _ context: EvaluationContext) throws(RuntimeError) -> Value {
        let failure = RuntimeError("cannot cast \(ValueText.sql(value, type: source, context: context)) from \(source) to \(target)")
        switch target {
        case .char(let length):
            let text = ValueText.cast(value, type: source, context: context)
            let clipped = String(text.prefix(length))
            return .string(clipped + String(repeating: " ", count: max(0, length - clipped.count)))
        case .varchar(let length):
            // Bytes read as UTF-8 text, as Flink's CAST(BYTES AS STRING) does.
            let text = if case .bytes(let bytes) = value { String(decoding: bytes, as: UTF8.self) } else { ValueText.cast(value, type: source, context: context) }
            return .string(length == DataType.maxVarcharLength ? text : String(text.prefix(length)))
        case .boolean:
            switch value {
            case .boolean: return value
            case .integer(let n): return .boolean(n != 0)
            case .string(let s):
                switch s.trimmingSpaces.lowercased() {
                case "true", "t", "yes", "y", "1": return .boolean(true)
                case "false", "f", "no", "n", "0": return .boolean(false)
                default: throw failure
                }
            default: throw failure
            }
        case .tinyint, .smallint, .int, .bigint:
            let wide: Int64
            switch value {
            case .integer(let n): wide = n
            case .boolean(let b): wide = b ? 1 : 0
            case .double(let d):
                // Java's (long) and (int) casts: NaN is 0 and values saturate; SMALLINT and TINYINT
                // then narrow from the saturated int, as (short) and (byte) do.
                let whole = d.isNaN ? 0 : d.rounded(.towardZero)
                wide = target == .bigint ? Int64(exactly: whole) ?? (d < 0 ? .min : .max)
                    : Int64(Int32(exactly: whole) ?? (d < 0 ? .min : .max))
            case .decimal(let d): wide = Int64(truncatingIfNeeded: d.unscaled / DecimalValue.powerOfTen(d.scale))
            case .string(let s):
                // Text is parsed as Java's Integer.parseInt and friends do: a number beyond the type fails.
                let text = s.trimmingSpaces
                if let n = Int64(text) {
                    wide = n
                } else if let d = DecimalValue(parsing: text), let whole = Int64(exactly: d.unscaled / DecimalValue.powerOfTen(d.scale)) {
                    wide = whole
                } else {
                    throw failure
                }
                guard Arithmetic.wrap(wide, to: target) == wide else { throw failure }
            case .timestamp(let micros):
                wide = Int64((Double(micros) / 1_000_000).rounded(.down))
            default: throw failure
            }
            return .integer(Arithmetic.wrap(wide, to: target))
        case .float, .double:
            let d: Double
            switch value {
            case .integer(let n): d = Double(n)
            case .double(let x): d = x
            case .decimal(let x): d = x.doubleValue
            case .boolean(let b): d = b ? 1 : 0
            case .string(let s): guard let x = Double(s.trimmingSpaces) else { throw failure }; d = x
            default: throw failure
            }
            return .double(target == .float ? Double(Float(d)) : d)
        case .decimal(let precision, let scale):
            let decimal: DecimalValue
            switch value {
            case .integer(let n): decimal = DecimalValue(unscaled: Int128(n), scale: 0)
            case .decimal(let x): decimal = x
            case .boolean(let b): decimal = DecimalValue(unscaled: b ? 1 : 0, scale: 0)
            case .double(let x):
                guard let parsed = DecimalValue(x) else { throw failure }
                decimal = parsed
            case .string(let s): guard let x = DecimalValue(parsing: s.trimmingSpaces) else { throw failure }; decimal = x
            default: throw failure
            }
            let fitted = decimal.rescaled(to: scale)
            guard fitted.unscaled.magnitude < DecimalValue.powerOfTen(precision).magnitude else { return .null }
            return .decimal(fitted)
        case .date:
            switch value {
            case .date: return value
            case .timestamp(let micros):
                let local = source.isTimestampLTZ ? micros + context.timeZone.offsetMicros(atInstant: micros) : micros
                return .date(Int32(local >= 0 ? local / 86_400_000_000 : (local - 86_399_999_999) / 86_400_000_000))
            case .string(let s): guard let days = TemporalText.parseDate(s.trimmingSpaces) else { throw failure }; return .date(days)
            default: throw failure
            }
        case .time(let precision):
            switch value {
            case .time(let micros): return .time(truncate(micros, toPrecision: precision))
            case .timestamp(let micros):
                let local = source.isTimestampLTZ ? micros + context.timeZone.offsetMicros(atInstant: micros) : micros
                let day: Int64 = 86_400_000_000
                return .time(truncate(((local % day) + day) % day, toPrecision: precision))
            case .string(let s): guard let (micros, _) = TemporalText.parseTime(s.trimmingSpaces) else { throw failure }; return .time(truncate(micros, toPrecision: precision))
            default: throw failure
            }
        case .timestamp, .timestampLTZ:
            switch value {
            case .timestamp(let micros): return .timestamp(try convertTimestamp(micros, from: source, to: target, context))
            case .date(let days): return .timestamp(try convertTimestamp(Int64(days) * 86_400_000_000, from: .timestamp(precision: 6), to: target, context))
            case .integer(let seconds): return .timestamp(try TimestampRange.micros(seconds, unitMicros: 1_000_000))
            case .decimal(let d): return .timestamp(try TimestampRange.micros(d.doubleValue, unitMicros: 1_000_000))
            case .double(let d): return .timestamp(try TimestampRange.micros(d, unitMicros: 1_000_000))
            case .string(let s):
                guard let (micros, _) = TemporalText.parseTimestamp(s.trimmingSpaces) else { throw failure }
                return .timestamp(try convertTimestamp(micros, from: .timestamp(precision: 6), to: target, context))
            default: throw failure
            }
        case .intervalDayTime, .intervalYearMonth:
            if case .integer = value { return value }
            throw failure
        case .binary(let length), .varbinary(let length):
            let bytes: [UInt8]
            switch value {
            case .bytes(let b): bytes = b
            case .string(let s): bytes = Array(s.utf8)
            default: throw failure
            }
            if bytes.count >= length { return .bytes(Array(bytes.prefix(length))) }
            if case .binary = target { return .bytes(bytes + [UInt8](repeating: 0, count: length - bytes.count)) }
            return .bytes(bytes)
        case .map(let shape):
            guard case .map(let entries) = value, let (sourceKey, sourceValue) = source.mapShape else { throw failure }
            let (keyType, valueType) = (shape.key, shape.value)
            var converted: [MapEntry] = []
            for entry in entries {
                converted.append(MapEntry(key: try convert(entry.key, from: sourceKey, to: keyType, context),
                                          value: entry.value.isNull ? .null : try convert(entry.value, from: sourceValue, to: valueType, context)))
            }
            return .map(converted)
        case .null:
            return .null
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
