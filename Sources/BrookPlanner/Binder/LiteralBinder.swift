// Typing of literals: numbers, strings, intervals and typed DATE/TIME/TIMESTAMP literals.
import BrookCore
import BrookSQL

/// Gives each literal its Flink type: integers INT (BIGINT when larger), `0.5` DECIMAL(1, 1),
/// `1e3` DOUBLE, `'BUY'` CHAR(3), `X'0aff'` BINARY(2), intervals as milliseconds or months.
enum LiteralBinder {
    static func bind(_ literal: Literal, at range: SourceRange) throws(SQLError) -> BoundExpression {
        switch literal {
        case .null:
            return .literal(.null, ColumnType(.null))
        case .boolean(let value):
            return .literal(.boolean(value), ColumnType(.boolean, nullable: false))
        case .integer(let text):
            if let value = Int32(text) { return .literal(.integer(Int64(value)), ColumnType(.int, nullable: false)) }
            if let value = Int64(text) { return .literal(.integer(value), ColumnType(.bigint, nullable: false)) }
            guard let decimal = DecimalValue(parsing: text) else {
                throw SQLError("number \(text) is too large (at most 38 digits)", at: range)
            }
            return .literal(.decimal(decimal), ColumnType(.decimal(precision: decimal.precision, scale: 0), nullable: false))
        case .decimal(let text):
            guard let decimal = DecimalValue(parsing: text) else {
                throw SQLError("number \(text) has more than 38 digits", at: range)
            }
            return .literal(.decimal(decimal), ColumnType(.decimal(precision: decimal.precision, scale: decimal.scale), nullable: false))
        case .double(let text):
            guard let value = Double(text) else { throw SQLError("invalid number \(text)", at: range) }
            return .literal(.double(value), ColumnType(.double, nullable: false))
        case .string(let text):
            return .literal(.string(text), ColumnType(.char(length: max(1, text.count)), nullable: false))
        case .interval(let value, let unit, let to):
            return try interval(value, unit: unit, to: to, at: range)
        case .typed(let type, let text):
            return try typed(type, text, at: range)
        case .binary(let hex):
            guard let bytes = BinaryText.bytes(fromHex: hex) else { throw SQLError("invalid binary literal X'\(hex)'", at: range) }
            return .literal(.bytes(bytes), ColumnType(.binary(length: max(1, bytes.count)), nullable: false))
        }
    }

    private static let millisecondsPerUnit: [TimeUnit: Int64] = [
        .day: 86_400_000, .hour: 3_600_000, .minute: 60_000, .second: 1000, .millisecond: 1,
    ]

    static func interval(_ text: String, unit: TimeUnit, to: TimeUnit?, at range: SourceRange) throws(SQLError) -> BoundExpression {
        let negative = text.hasPrefix("-")
        let body = negative || text.hasPrefix("+") ? String(text.dropFirst()) : text
        let invalid = SQLError("invalid interval value '\(text)' for \(unit.rawValue)\(to.map { " TO \($0.rawValue)" } ?? "")", at: range)
        if unit.isYearMonth {
            let parts = body.split(separator: "-").map { Int32($0.trimmingSpaces) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { throw invalid }
            guard parts.allSatisfy({ $0!.magnitude <= 120_000 }) else { throw tooLong(text, at: range) }
            var months: Int32 = unit == .year ? parts[0]! * 12 : parts[0]!
            if to == .month, parts.count == 2 { months += parts[1]! } else if parts.count != 1 { throw invalid }
            guard months.magnitude <= 120_000 else { throw tooLong(text, at: range) }
            return .literal(.intervalMonths(negative ? -months : months), ColumnType(.intervalYearMonth, nullable: false))
        }
        let units: [TimeUnit] = [.day, .hour, .minute, .second]
        guard let first = units.firstIndex(of: unit) ?? (unit == .millisecond ? 4 : nil) else { throw invalid }
        let last = to.flatMap { units.firstIndex(of: $0) } ?? first
        let fields = body.split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
        guard fields.count == last - first + 1 || (to == nil && fields.count == 1) else { throw invalid }
        var total: Int64 = 0
        for (offset, field) in fields.enumerated() {
            let fieldUnit = unit == .millisecond ? TimeUnit.millisecond : units[first + offset]
            guard let scale = millisecondsPerUnit[fieldUnit] else { throw invalid }
            if field.contains(".") {
                guard let value = Double(field), value.isFinite else { throw invalid }
                let milliseconds = (value * Double(scale)).rounded()
                guard milliseconds.magnitude <= Double(ConstantFolder.maxIntervalMilliseconds) else { throw tooLong(text, at: range) }
                total += Int64(milliseconds)
            } else {
                guard let value = Int64(field) else { throw invalid }
                let (milliseconds, overflow) = value.multipliedReportingOverflow(by: scale)
                guard !overflow, milliseconds.magnitude <= UInt64(ConstantFolder.maxIntervalMilliseconds) else { throw tooLong(text, at: range) }
                total += milliseconds
            }
            guard total.magnitude <= UInt64(ConstantFolder.maxIntervalMilliseconds) else { throw tooLong(text, at: range) }
        }
        return .literal(.intervalMilliseconds(negative ? -total : total), ColumnType(.intervalDayTime, nullable: false))
    }

    private static func tooLong(_ text: String, at range: SourceRange) -> SQLError {
        SQLError("INTERVAL '\(text)' is longer than 10,000 years, the span of TIMESTAMP", at: range)
    }

    static func typed(_ type: DataType, _ text: String, at range: SourceRange) throws(SQLError) -> BoundExpression {
        switch type {
        case .date:
            guard let days = TemporalText.parseDate(text) else {
                throw SQLError("invalid DATE literal '\(text)'; write DATE 'yyyy-MM-dd' with a day its month has", at: range)
            }
            return .literal(.date(days), ColumnType(.date, nullable: false))
        case .time:
            guard let (micros, precision) = TemporalText.parseTime(text) else {
                throw SQLError("invalid TIME literal '\(text)'; write TIME 'HH:mm:ss'", at: range)
            }
            return .literal(.time(micros), ColumnType(.time(precision: precision), nullable: false))
        default:
            guard let (micros, precision) = TemporalText.parseTimestamp(text) else {
                throw SQLError("invalid timestamp literal '\(text)'; write TIMESTAMP 'yyyy-MM-dd HH:mm:ss[.fff]' with a day its month has", at: range)
            }
            if case .timestampLTZ = type {
                return .literal(.timestamp(micros), ColumnType(.timestampLTZ(precision: precision), nullable: false))
            }
            return .literal(.timestamp(micros), ColumnType(.timestamp(precision: precision), nullable: false))
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
