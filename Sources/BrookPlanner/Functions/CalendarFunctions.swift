// Type rules of the calendar functions that take a time unit or read the week: TIMESTAMPADD, TIMESTAMPDIFF, TO_DATE, DAYOFWEEK.
import BrookCore

/// The time units each unit-taking function accepts, shared by the type rules and the runtime.
public enum TemporalUnits {
    /// What FLOOR/CEIL(x TO unit), TIMESTAMPADD and TIMESTAMPDIFF take, as Flink documents them.
    public static let calendar = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND"]
}

/// Calendar functions beyond EXTRACT's field readers; their units arrive as a literal first or
/// second argument, which the binder writes from the syntax (`TIMESTAMPADD(HOUR, 1, ts)`).
enum CalendarFunctions {
    static func isTimepoint(_ type: DataType) -> Bool { type.isTimestamp || type == .date || type == .null }

    static func expectUnit(_ args: FunctionArguments, at index: Int, _ name: String) throws(FunctionSignatureError) {
        guard case .string(let unit)? = args.constants[index], TemporalUnits.calendar.contains(unit) else {
            throw FunctionSignatureError("\(name) takes the units \(TemporalUnits.calendar.joined(separator: ", "))", argument: index)
        }
    }

    static let scalar: [FunctionDefinition] = [
        FunctionDefinition(name: "TIMESTAMPADD", kind: .scalar, summary: "TIMESTAMPADD(unit, n, t): t plus n units") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 3...3, "TIMESTAMPADD")
            try expectUnit(args, at: 0, "TIMESTAMPADD")
            guard args[1].isInteger || args[1] == .null else {
                throw FunctionSignatureError("TIMESTAMPADD expects an integer count, got \(args[1])", argument: 1)
            }
            guard isTimepoint(args[2]) else { throw FunctionSignatureError("TIMESTAMPADD expects a date or timestamp, got \(args[2])", argument: 2) }
            // A DATE moved by hours, minutes or seconds becomes a TIMESTAMP, as in Calcite.
            if args[2] == .date, case .string(let unit)? = args.constants[0], ["HOUR", "MINUTE", "SECOND"].contains(unit) {
                return BuiltinFunctions.nullable(.timestamp(precision: 0), args)
            }
            return BuiltinFunctions.nullable(args[2] == .null ? .timestamp(precision: 3) : args[2], args)
        },
        FunctionDefinition(name: "TIMESTAMPDIFF", kind: .scalar, summary: "TIMESTAMPDIFF(unit, a, b): whole units from a to b, as INT") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 3...3, "TIMESTAMPDIFF")
            try expectUnit(args, at: 0, "TIMESTAMPDIFF")
            for index in 1...2 where !isTimepoint(args[index]) {
                throw FunctionSignatureError("TIMESTAMPDIFF expects dates or timestamps, got \(args[index])", argument: index)
            }
            return BuiltinFunctions.nullable(.int, args)
        },
        FunctionDefinition(name: "TO_DATE", kind: .scalar, summary: "parses a string ('yyyy-MM-dd' or a format) to DATE; NULL when it does not match") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, "TO_DATE")
            for index in 0..<args.count { try args.expectString(index, "TO_DATE") }
            try BuiltinFunctions.expectSupportedPattern(args, at: 1, "TO_DATE")
            return ColumnType(.date)
        },
        BuiltinFunctions.datePart("DAYOFWEEK", "the day of the week, 1 (Sunday) to 7"),
        BuiltinFunctions.datePart("DAYOFYEAR", "the day of the year, 1 to 366"),
        BuiltinFunctions.datePart("WEEK", "the ISO-8601 week of the year, 1 to 53"),
    ]
}
