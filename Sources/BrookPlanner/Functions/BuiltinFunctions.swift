// Type rules of Brook's built-in functions, following Flink SQL's documented signatures.
import BrookCore

/// The built-in functions, grouped by kind; `FunctionRegistry.builtins` registers them all.
enum BuiltinFunctions {
    static func nullable(_ type: DataType, _ args: FunctionArguments) -> ColumnType {
        ColumnType(type, nullable: args.anyNullable)
    }

    /// A function of `count` numeric arguments returning DOUBLE (SQRT, LN, POWER...).
    static func doubleMath(_ name: String, arity: ClosedRange<Int>, _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: arity, name)
            for index in 0..<args.count { try args.expectNumeric(index, name) }
            return nullable(.double, args)
        }
    }

    /// GREATEST or LEAST: one or more arguments of a common, comparable type, which is the result's.
    static func extreme(_ name: String, _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            guard args.count >= 1 else { throw FunctionSignatureError("\(name) takes at least 1 argument, got 0") }
            var type = args[0]
            for index in 1..<args.count {
                guard let common = TypeRules.commonType(type, args[index]), TypeRules.comparable(type, args[index]) else {
                    throw FunctionSignatureError("\(name) arguments have no common type: \(type) and \(args[index])", argument: index)
                }
                type = common
            }
            return nullable(type, args)
        }
    }

    /// One field of a date, time or timestamp as BIGINT, as EXTRACT gives it (YEAR(d) is EXTRACT(YEAR FROM d)).
    static func datePart(_ name: String, _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, name)
            let type = args[0]
            let fitsTime = ["HOUR", "MINUTE", "SECOND"].contains(name)
            var isTime = false
            if case .time = type { isTime = true }
            guard type.isTimestamp || type == .date || (fitsTime && isTime) || type == .null else {
                throw FunctionSignatureError("\(name) expects \(fitsTime ? "a time or timestamp" : "a date or timestamp"), got \(type)", argument: 0)
            }
            return nullable(.bigint, args)
        }
    }

    /// A function of string arguments (numeric at the positions in `numeric`) returning `result`.
    static func stringFunction(_ name: String, arity: ClosedRange<Int>, numeric: Set<Int> = [], returns result: DataType,
                               _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: arity, name)
            for index in 0..<args.count {
                if numeric.contains(index) { try args.expectNumeric(index, name) } else { try args.expectString(index, name) }
            }
            return nullable(result, args)
        }
    }

    /// ROUND or TRUNCATE(x [, places]): Flink's type is x's, except that DECIMAL(p, s) keeps
    /// min(places, s) digits of scale (none for negative places).
    static func fitToPlaces(_ name: String, _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, name)
            try args.expectNumeric(0, name)
            if args.count == 2 {
                guard args[1].isInteger || args[1] == .null else { throw FunctionSignatureError("\(name) expects an integer number of places, got \(args[1])", argument: 1) }
            }
            if case .decimal(let p, let s) = args[0] {
                let places = max(0, min(integerConstant(args, 1) ?? 0, s))
                return nullable(.decimal(precision: min(DataType.maxDecimalPrecision, p - s + places + 1), scale: places), args)
            }
            return nullable(args[0], args)
        }
    }

    /// FLOOR, CEIL or CEILING of a number (DECIMAL(p, s) loses its scale), or of a date, time or
    /// timestamp to a unit, which `FLOOR(ts TO unit)` passes as a second, literal argument.
    static func floorOrCeiling(_ name: String, _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, name)
            if args.count == 2 {
                var isTime = false
                if case .time = args[0] { isTime = true }
                guard args[0].isTimestamp || args[0] == .date || isTime || args[0] == .null else {
                    throw FunctionSignatureError("\(name)(... TO unit) expects a date, time or timestamp, got \(args[0])", argument: 0)
                }
                let units = isTime ? ["HOUR", "MINUTE", "SECOND"] : TemporalUnits.calendar
                guard case .string(let unit)? = args.constants[1], units.contains(unit) else {
                    throw FunctionSignatureError("\(name) rounds \(isTime ? "a time " : "")to \(units.joined(separator: ", "))", argument: 1)
                }
                return nullable(args[0] == .null ? .timestamp(precision: 3) : args[0], args)
            }
            try args.expectNumeric(0, name)
            if case .decimal(let p, let s) = args[0] { return nullable(.decimal(precision: max(1, p - s + (s > 0 ? 1 : 0)), scale: 0), args) }
            return args.types[0]
        }
    }

    /// SUBSTRING(s, from [, length]): NULL for a negative length, so a call with a length may be NULL.
    static func substring(_ name: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .scalar, summary: "characters from a 1-based position (negative counts from the end), optionally of a length") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...3, name)
            try args.expectString(0, name)
            for index in 1..<args.count { try args.expectNumeric(index, name) }
            return ColumnType(.string, nullable: args.anyNullable || args.count == 3)
        }
    }

    /// The integer literal at `index`, when the caller wrote one.
    static func integerConstant(_ args: FunctionArguments, _ index: Int) -> Int? {
        guard index < args.count, case .integer(let value)? = args.constants[index] else { return nil }
        return Int(value)
    }

    static let scalar: [FunctionDefinition] = [
        FunctionDefinition(name: "TO_TIMESTAMP_LTZ", kind: .scalar, summary: "epoch seconds (precision 0) or milliseconds (3) to TIMESTAMP_LTZ(3)") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, "TO_TIMESTAMP_LTZ")
            if args[0].isCharacter {
                if args.count == 2 { try args.expectString(1, "TO_TIMESTAMP_LTZ") }
                return nullable(.timestampLTZ(precision: 3), args)
            }
            try args.expectNumeric(0, "TO_TIMESTAMP_LTZ")
            if args.count == 2 {
                guard let precision = integerConstant(args, 1), precision == 0 || precision == 3 else {
                    throw FunctionSignatureError("TO_TIMESTAMP_LTZ precision must be the literal 0 (seconds) or 3 (milliseconds)", argument: 1)
                }
            }
            return nullable(.timestampLTZ(precision: 3), args)
        },
        FunctionDefinition(name: "TO_TIMESTAMP", kind: .scalar, summary: "parses a string ('yyyy-MM-dd HH:mm:ss' or a format) to TIMESTAMP(3)") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, "TO_TIMESTAMP")
            for index in 0..<args.count { try args.expectString(index, "TO_TIMESTAMP") }
            try expectSupportedPattern(args, at: 1, "TO_TIMESTAMP")
            return ColumnType(.timestamp(precision: 3))
        },
        FunctionDefinition(name: "DATE_FORMAT", kind: .scalar, summary: "formats a timestamp or timestamp string with a Java date pattern") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...2, "DATE_FORMAT")
            guard args[0].isTimestamp || args[0].isCharacter || args[0] == .date || args[0] == .null else {
                throw FunctionSignatureError("DATE_FORMAT expects a timestamp or string, got \(args[0])", argument: 0)
            }
            try args.expectString(1, "DATE_FORMAT")
            try expectSupportedPattern(args, at: 1, "DATE_FORMAT")
            return nullable(.string, args)
        },
        FunctionDefinition(name: "UNIX_TIMESTAMP", kind: .scalar, summary: "current epoch seconds, or a timestamp string's") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...2, "UNIX_TIMESTAMP")
            for index in 0..<args.count { try args.expectString(index, "UNIX_TIMESTAMP") }
            try expectSupportedPattern(args, at: 1, "UNIX_TIMESTAMP")
            return ColumnType(.bigint, nullable: args.count > 0 && args.anyNullable)
        },
        FunctionDefinition(name: "FROM_UNIXTIME", kind: .scalar, summary: "epoch seconds to a 'yyyy-MM-dd HH:mm:ss' string in the session time zone") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, "FROM_UNIXTIME")
            try args.expectNumeric(0, "FROM_UNIXTIME")
            if args.count == 2 { try args.expectString(1, "FROM_UNIXTIME") }
            try expectSupportedPattern(args, at: 1, "FROM_UNIXTIME")
            return nullable(.string, args)
        },
        FunctionDefinition(name: "CURRENT_TIMESTAMP", kind: .scalar, summary: "the current instant") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...0, "CURRENT_TIMESTAMP")
            return ColumnType(.timestampLTZ(precision: 3), nullable: false)
        },
        FunctionDefinition(name: "NOW", kind: .scalar, summary: "the current instant") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...0, "NOW")
            return ColumnType(.timestampLTZ(precision: 3), nullable: false)
        },
        FunctionDefinition(name: "LOCALTIMESTAMP", kind: .scalar, summary: "the current wall-clock time in the session time zone") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...0, "LOCALTIMESTAMP")
            return ColumnType(.timestamp(precision: 3), nullable: false)
        },
        FunctionDefinition(name: "CURRENT_DATE", kind: .scalar, summary: "today in the session time zone") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...0, "CURRENT_DATE")
            return ColumnType(.date, nullable: false)
        },
        FunctionDefinition(name: "CURRENT_WATERMARK", kind: .scalar, summary: "the current watermark of a rowtime column, NULL before the first") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, "CURRENT_WATERMARK")
            guard args[0].isTimestamp else {
                throw FunctionSignatureError("CURRENT_WATERMARK expects a rowtime attribute, got \(args[0])", argument: 0)
            }
            return ColumnType(args[0], nullable: true)
        },
        FunctionDefinition(name: "ABS", kind: .scalar, summary: "absolute value") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, "ABS")
            try args.expectNumeric(0, "ABS")
            return args.types[0]
        },
        fitToPlaces("ROUND", "rounds half up to n decimal places (default 0; negative rounds left of the point)"),
        fitToPlaces("TRUNCATE", "truncates to n decimal places (default 0; negative zeroes digits left of the point)"),
        floorOrCeiling("FLOOR", "largest integer not above a number, or a time rounded down to a unit: FLOOR(ts TO HOUR)"),
        floorOrCeiling("CEIL", "smallest integer not below a number, or a time rounded up to a unit: CEIL(ts TO HOUR)"),
        floorOrCeiling("CEILING", "the same as CEIL"),
        doubleMath("POWER", arity: 2...2, "a raised to the power b"),
        doubleMath("SQRT", arity: 1...1, "square root"),
        doubleMath("LN", arity: 1...1, "natural logarithm"),
        doubleMath("LOG10", arity: 1...1, "base-10 logarithm"),
        doubleMath("LOG2", arity: 1...1, "base-2 logarithm"),
        doubleMath("LOG", arity: 1...2, "natural logarithm, or LOG(base, x)"),
        doubleMath("EXP", arity: 1...1, "e raised to the argument"),
        doubleMath("PI", arity: 0...0, "the constant pi"),
        doubleMath("E", arity: 0...0, "the constant e"),
        doubleMath("SIN", arity: 1...1, "sine of radians"),
        doubleMath("COS", arity: 1...1, "cosine of radians"),
        doubleMath("TAN", arity: 1...1, "tangent of radians"),
        doubleMath("ASIN", arity: 1...1, "arc sine, in radians"),
        doubleMath("ACOS", arity: 1...1, "arc cosine, in radians"),
        doubleMath("ATAN", arity: 1...1, "arc tangent, in radians"),
        doubleMath("ATAN2", arity: 2...2, "arc tangent of y / x, in radians: ATAN2(y, x)"),
        doubleMath("DEGREES", arity: 1...1, "radians to degrees"),
        doubleMath("RADIANS", arity: 1...1, "degrees to radians"),
        FunctionDefinition(name: "MOD", kind: .scalar, summary: "remainder of a divided by b") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...2, "MOD")
            try args.expectNumeric(0, "MOD")
            try args.expectNumeric(1, "MOD")
            guard let type = TypeRules.arithmetic("%", args[0], args[1]) else { throw FunctionSignatureError("MOD cannot take \(args[0]) and \(args[1])") }
            return nullable(type, args)
        },
        stringFunction("UPPER", arity: 1...1, returns: .string, "upper case"),
        stringFunction("LOWER", arity: 1...1, returns: .string, "lower case"),
        stringFunction("INITCAP", arity: 1...1, returns: .string, "first letter of each word upper case"),
        FunctionDefinition(name: "CONCAT", kind: .scalar, summary: "joins strings; NULL if any is NULL") { (args: FunctionArguments) throws(FunctionSignatureError) in
            guard args.count >= 1 else { throw FunctionSignatureError("CONCAT takes at least 1 argument, got 0") }
            for index in 0..<args.count { try args.expectString(index, "CONCAT") }
            return nullable(.string, args)
        },
        FunctionDefinition(name: "CONCAT_WS", kind: .scalar, summary: "joins strings with a separator, skipping NULLs") { (args: FunctionArguments) throws(FunctionSignatureError) in
            guard args.count >= 2 else { throw FunctionSignatureError("CONCAT_WS takes a separator and at least 1 string, got \(args.count) arguments") }
            for index in 0..<args.count { try args.expectString(index, "CONCAT_WS") }
            return ColumnType(.string, nullable: args.types[0].nullable)
        },
        substring("SUBSTRING"),
        substring("SUBSTR"),
        stringFunction("CHAR_LENGTH", arity: 1...1, returns: .int, "number of characters"),
        stringFunction("CHARACTER_LENGTH", arity: 1...1, returns: .int, "number of characters"),
        stringFunction("TRIM", arity: 1...2, returns: .string, "removes leading and trailing characters (default spaces)"),
        stringFunction("LTRIM", arity: 1...2, returns: .string, "removes leading spaces"),
        stringFunction("RTRIM", arity: 1...2, returns: .string, "removes trailing spaces"),
        stringFunction("REPLACE", arity: 3...3, returns: .string, "replaces every occurrence of a substring"),
        stringFunction("REGEXP", arity: 2...2, returns: .boolean, "true when the string contains a match of the regular expression"),
        stringFunction("REGEXP_REPLACE", arity: 3...3, returns: .string, "replaces every match of a regular expression"),
        stringFunction("REGEXP_EXTRACT", arity: 2...3, numeric: [2], returns: .string, "the match (or group n) of a regular expression"),
        stringFunction("POSITION", arity: 2...2, returns: .int, "POSITION(a IN b): 1-based position of a in b, 0 when absent"),
        stringFunction("LOCATE", arity: 2...3, numeric: [2], returns: .int, "LOCATE(a, b [, from]): 1-based position of a in b from a position, 0 when absent"),
        FunctionDefinition(name: "SPLIT_INDEX", kind: .scalar, summary: "SPLIT_INDEX(s, separator, n): the n-th (0-based) piece, NULL when there is none") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 3...3, "SPLIT_INDEX")
            try args.expectString(0, "SPLIT_INDEX")
            try args.expectString(1, "SPLIT_INDEX")
            try args.expectNumeric(2, "SPLIT_INDEX")
            return ColumnType(.string)
        },
        stringFunction("REPEAT", arity: 2...2, numeric: [1], returns: .string, "the string repeated n times (empty for n < 1)"),
        stringFunction("REVERSE", arity: 1...1, returns: .string, "the characters in reverse order"),
        stringFunction("OVERLAY", arity: 3...4, numeric: [2, 3], returns: .string, "OVERLAY(s PLACING r FROM n [FOR m]): s with m characters from n replaced by r"),
        stringFunction("MD5", arity: 1...1, returns: .string, "the MD5 digest as 32 hexadecimal digits"),
        stringFunction("SHA1", arity: 1...1, returns: .string, "the SHA-1 digest as 40 hexadecimal digits"),
        stringFunction("SHA256", arity: 1...1, returns: .string, "the SHA-256 digest as 64 hexadecimal digits"),
        stringFunction("ASCII", arity: 1...1, returns: .int, "the code of the first character (0 for an empty string)"),
        FunctionDefinition(name: "CHR", kind: .scalar, summary: "the character of a code (the code modulo 256, as Flink)") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, "CHR")
            guard args[0].isInteger || args[0] == .null else { throw FunctionSignatureError("CHR expects an integer, got \(args[0])", argument: 0) }
            return nullable(.string, args)
        },
        FunctionDefinition(name: "IFNULL", kind: .scalar, summary: "IFNULL(x, replacement): x, or the replacement when x is NULL") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...2, "IFNULL")
            guard let type = TypeRules.commonType(args[0], args[1]) else {
                throw FunctionSignatureError("IFNULL arguments have no common type: \(args[0]) and \(args[1])", argument: 1)
            }
            return ColumnType(type, nullable: args.types[1].nullable)
        },
        stringFunction("LPAD", arity: 3...3, numeric: [1], returns: .string, "pads on the left to a length"),
        stringFunction("RPAD", arity: 3...3, numeric: [1], returns: .string, "pads on the right to a length"),
        stringFunction("JSON_VALUE", arity: 2...2, returns: .string, "the scalar at a JSON path, as STRING"),
        stringFunction("LEFT", arity: 2...2, numeric: [1], returns: .string, "the leftmost n characters (empty for n < 1)"),
        stringFunction("RIGHT", arity: 2...2, numeric: [1], returns: .string, "the rightmost n characters (empty for n < 1)"),
        extreme("GREATEST", "the largest argument; NULL if any is NULL"),
        extreme("LEAST", "the smallest argument; NULL if any is NULL"),
        FunctionDefinition(name: "SIGN", kind: .scalar, summary: "-1, 0 or 1 by the argument's sign, in its type") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, "SIGN")
            try args.expectNumeric(0, "SIGN")
            return args.types[0]
        },
        datePart("YEAR", "the year of a date or timestamp"),
        datePart("QUARTER", "the quarter (1 to 4) of a date or timestamp"),
        datePart("MONTH", "the month (1 to 12) of a date or timestamp"),
        datePart("DAYOFMONTH", "the day of the month of a date or timestamp"),
        datePart("HOUR", "the hour (0 to 23) of a time or timestamp"),
        datePart("MINUTE", "the minute of a time or timestamp"),
        datePart("SECOND", "the second of a time or timestamp"),
        FunctionDefinition(name: "COALESCE", kind: .scalar, summary: "the first non-NULL argument") { (args: FunctionArguments) throws(FunctionSignatureError) in
            guard args.count >= 1 else { throw FunctionSignatureError("COALESCE takes at least 1 argument, got 0") }
            var type = args[0]
            for index in 1..<args.count {
                guard let common = TypeRules.commonType(type, args[index]) else {
                    throw FunctionSignatureError("COALESCE arguments have no common type: \(type) and \(args[index])", argument: index)
                }
                type = common
            }
            return ColumnType(type, nullable: args.types.allSatisfy(\.nullable))
        },
        FunctionDefinition(name: "NULLIF", kind: .scalar, summary: "NULL when both arguments are equal, else the first") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...2, "NULLIF")
            guard TypeRules.comparable(args[0], args[1]) else {
                throw FunctionSignatureError("NULLIF cannot compare \(args[0]) with \(args[1])", argument: 1)
            }
            return ColumnType(args[0], nullable: true)
        },
        FunctionDefinition(name: "IF", kind: .scalar, summary: "IF(condition, then, else)") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 3...3, "IF")
            guard args[0] == .boolean || args[0] == .null else {
                throw FunctionSignatureError("IF expects a BOOLEAN condition, got \(args[0])", argument: 0)
            }
            guard let type = TypeRules.commonType(args[1], args[2]) else {
                throw FunctionSignatureError("IF branches have no common type: \(args[1]) and \(args[2])", argument: 2)
            }
            return ColumnType(type, nullable: args.types[1].nullable || args.types[2].nullable)
        },
    ]

    /// AVG's result type in Flink: the argument's type for integers and approximate numbers
    /// (AVG of INT is INT), DECIMAL(38, max(6, s)) for DECIMAL(p, s).
    static func averageType(_ name: String, _ args: FunctionArguments) throws(FunctionSignatureError) -> ColumnType {
        try args.expect(count: 1...1, name)
        try args.expectNumeric(0, name)
        if case .decimal(_, let s) = args[0] { return ColumnType(.decimal(precision: 38, scale: max(6, s))) }
        return ColumnType(args[0] == .null ? .int : args[0])
    }

    static func sameAsArgument(_ name: String, _ summary: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .aggregate, summary: summary) { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, name)
            return ColumnType(args[0])
        }
    }

    static let aggregate: [FunctionDefinition] = [
        FunctionDefinition(name: "COUNT", kind: .aggregate, summary: "number of rows, or of non-NULL values") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...1, "COUNT")
            return ColumnType(.bigint, nullable: false)
        },
        FunctionDefinition(name: "SUM", kind: .aggregate, summary: "sum of non-NULL values; DECIMAL(p, s) sums to DECIMAL(38, s)") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, "SUM")
            try args.expectNumeric(0, "SUM")
            if case .decimal(_, let s) = args[0] { return ColumnType(.decimal(precision: 38, scale: s)) }
            return ColumnType(args[0] == .null ? .int : args[0])
        },
        FunctionDefinition(name: "AVG", kind: .aggregate, summary: "average, in the argument's type (AVG of INT is INT)") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try averageType("AVG", args)
        },
        sameAsArgument("MIN", "smallest value"),
        sameAsArgument("MAX", "largest value"),
        FunctionDefinition(name: "LISTAGG", kind: .aggregate, summary: "the values joined in arrival order by a separator (default ',')") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...2, "LISTAGG")
            try args.expectString(0, "LISTAGG")
            if args.count == 2 {
                guard case .string? = args.constants[1] else { throw FunctionSignatureError("LISTAGG's separator must be a string literal", argument: 1) }
            }
            return ColumnType(.string)
        },
        sameAsArgument("FIRST_VALUE", "first value in arrival (or window) order"),
        sameAsArgument("LAST_VALUE", "last value in arrival (or window) order"),
        FunctionDefinition(name: "STDDEV_POP", kind: .aggregate, summary: "population standard deviation, typed as AVG") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try averageType("STDDEV_POP", args)
        },
        FunctionDefinition(name: "STDDEV_SAMP", kind: .aggregate, summary: "sample standard deviation, typed as AVG") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try averageType("STDDEV_SAMP", args)
        },
        FunctionDefinition(name: "VAR_POP", kind: .aggregate, summary: "population variance, typed as AVG") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try averageType("VAR_POP", args)
        },
        FunctionDefinition(name: "VAR_SAMP", kind: .aggregate, summary: "sample variance, typed as AVG") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try averageType("VAR_SAMP", args)
        },
    ]

    static func offsetFunction(_ name: String) -> FunctionDefinition {
        FunctionDefinition(name: name, kind: .window, summary: "\(name)(value [, offset [, default]]): the value \(name == "LAG" ? "offset rows before" : "offset rows after") the current row") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...3, name)
            if args.count >= 2 {
                guard let offset = integerConstant(args, 1), offset >= 0, offset <= Int64(Int32.max) else {
                    throw FunctionSignatureError("\(name) offset must be an integer literal from 0 to \(Int32.max)", argument: 1)
                }
            }
            if args.count == 3, TypeRules.commonType(args[0], args[2]) == nil {
                throw FunctionSignatureError("\(name) default \(args[2]) does not match the value's type \(args[0])", argument: 2)
            }
            return ColumnType(args[0], nullable: true)
        }
    }

    static let window: [FunctionDefinition] = [
        FunctionDefinition(name: "ROW_NUMBER", kind: .window, summary: "1, 2, 3... within the partition in ORDER BY order") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 0...0, "ROW_NUMBER")
            return ColumnType(.bigint, nullable: false)
        },
        offsetFunction("LAG"),
        offsetFunction("LEAD"),
    ]
}
