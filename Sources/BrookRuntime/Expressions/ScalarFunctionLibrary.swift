// Implementations of the built-in scalar functions that run per row.
import BrookCore
import BrookPlanner
import Foundation

/// The arguments of one row's call, with their SQL types.
public struct ScalarArguments {
    public var values: [Value]
    public var types: [DataType]
    public var context: EvaluationContext
    /// The type the binder gave the call's result.
    public var resultType: DataType

    public subscript(index: Int) -> Value { values[index] }

    func string(_ index: Int) -> String? {
        if case .string(let s) = values[index] { return s }
        return nil
    }

    func integer(_ index: Int) -> Int64? {
        switch values[index] {
        case .integer(let n): return n
        case .decimal(let d): return Int64(truncatingIfNeeded: d.unscaled / DecimalValue.powerOfTen(d.scale))
        case .double(let d): return d.isNaN ? 0 : Int64(exactly: d.rounded(.towardZero)) ?? (d < 0 ? .min : .max)
        default: return nil
        }
    }

    func double(_ index: Int) -> Double? {
        switch values[index] {
        case .integer(let n): return Double(n)
        case .double(let d): return d
        case .decimal(let d): return d.doubleValue
        default: return nil
        }
    }
}

/// A scalar function body: one row's arguments in, one value out.
public typealias ScalarImplementation = @Sendable (ScalarArguments) throws(RuntimeError) -> Value

/// The per-row implementations, by function name. Functions whose result is NULL whenever an
/// argument is NULL say so with `strict`, and are not called for such rows.
public enum ScalarFunctionLibrary {
    struct Entry {
        var strict: Bool
        var body: ScalarImplementation
    }

    /// Implementations that other modules (sentiment) add; looked up after the built-ins.
    nonisolated(unsafe) static var extensions: [String: (strict: Bool, body: ScalarImplementation)] = [:]
    static let lock = NSLock()

    /// Registers `body` as the implementation of `name`; call before jobs start.
    public static func register(_ name: String, strict: Bool = true, _ body: @escaping ScalarImplementation) {
        lock.lock()
        defer { lock.unlock() }
        extensions[name.uppercased()] = (strict, body)
    }

    static func entry(_ name: String) -> Entry? {
        if let builtin = builtins[name] { return builtin }
        lock.lock()
        defer { lock.unlock() }
        return extensions[name].map { Entry(strict: $0.strict, body: $0.body) }
    }

    static func compileRowwise(_ name: String, _ args: [BoundExpression], _ type: DataType) -> VectorEvaluator {
        let evaluators = args.map(ExpressionCompiler.compile)
        let types = args.map(\.type.type)
        return { batch, context throws(RuntimeError) in
            guard let entry = entry(name) else { throw RuntimeError("function \(name) has no implementation") }
            var columns: [Column] = []
            for evaluator in evaluators { columns.append(try evaluator(batch, context)) }
            var builder = ColumnBuilder(type: type, capacity: batch.count)
            var arguments = ScalarArguments(values: [], types: types, context: context, resultType: type)
            for row in 0..<batch.count {
                arguments.values = columns.map { $0.value(row) }
                if entry.strict, arguments.values.contains(where: \.isNull) {
                    builder.appendNull()
                    continue
                }
                let result = try entry.body(arguments)
                builder.append(result)
            }
            return builder.build()
        }
    }

    /// TO_TIMESTAMP_LTZ(epoch, precision) on integer columns, vectorized: it computes the seed's rowtime.
    static func compileToTimestampLTZ(_ args: [BoundExpression]) -> VectorEvaluator {
        let value = ExpressionCompiler.compile(args[0])
        let precision = args.count > 1 ? (ConstantValue.integer(args[1]) ?? 3) : 3
        let factor: Int64 = precision == 0 ? 1_000_000 : 1000
        let type = args[0].type.type
        return { batch, context throws(RuntimeError) in
            let column = try value(batch, context)
            if case .int64(let values) = column.storage, type.isInteger {
                let lowest = TimestampRange.micros.lowerBound / factor
                let highest = TimestampRange.micros.upperBound / factor
                if let minimum = values.min(), let maximum = values.max(), minimum < lowest || maximum > highest,
                   let outside = values.indices.first(where: { !column.isNull($0) && !(lowest...highest).contains(values[$0]) }) {
                    _ = try TimestampRange.micros(values[outside], unitMicros: factor)
                }
                return Column(type: .timestampLTZ(precision: 3), storage: .int64(ContiguousArray(values.map { $0 &* factor })), nulls: column.nulls)
            }
            var builder = ColumnBuilder(type: .timestampLTZ(precision: 3), capacity: batch.count)
            for row in 0..<batch.count {
                guard !column.isNull(row) else {
                    builder.appendNull()
                    continue
                }
                builder.appendInt64(try TimestampRange.micros(column.double(row), unitMicros: factor))
            }
            return builder.build()
        }
    }

    static let builtins: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ name: String, strict: Bool = true, _ body: @escaping ScalarImplementation) {
            table[name] = Entry(strict: strict, body: body)
        }
        TemporalFunctions.register(into: add)
        NumericFunctions.register(into: add)
        StringFunctions.register(into: add)
        MapAndBytesFunctions.register(into: add)
        CalendarFunctions.register(into: add)
        MessageDigest.register(into: add)
        add("COALESCE", strict: false) { args throws(RuntimeError) in args.values.first { !$0.isNull } ?? .null }
        add("NULLIF", strict: false) { args throws(RuntimeError) in
            if args[0].isNull || args[1].isNull { return args[0] }
            let common = TypeRules.commonType(args.types[0], args.types[1]) ?? args.types[0]
            let a = try Cast.value(args[0], from: args.types[0], to: common, isTry: false, context: args.context)
            let b = try Cast.value(args[1], from: args.types[1], to: common, isTry: false, context: args.context)
            return a == b ? .null : args[0]
        }
        add("IFNULL", strict: false) { args throws(RuntimeError) in
            let chosen = args[0].isNull ? 1 : 0
            return try Cast.value(args[chosen], from: args.types[chosen], to: args.resultType, isTry: false, context: args.context)
        }
        add("IF", strict: false) { args throws(RuntimeError) in
            if case .boolean(true) = args[0] { return args[1] }
            return args[2]
        }
        add("ASSERT_NOT_NULL", strict: false) { args throws(RuntimeError) in
            guard !args[0].isNull else { throw RuntimeError("a NULL value was written to a NOT NULL column") }
            return args[0]
        }
        return table
    }()
}

/// Reads literal arguments at compile time.
enum ConstantValue {
    static func integer(_ expression: BoundExpression) -> Int? {
        if case .literal(.integer(let n), _) = expression { return Int(n) }
        return nil
    }
}
