// Compiles bound expressions once into evaluators that work a whole batch at a time.
import BrookCore
import BrookPlanner

/// An expression compiled for execution: evaluates over every row of a batch and returns a
/// column. The tree is walked once, at compile time; per row there is only typed array work.
public typealias VectorEvaluator = @Sendable (Batch, EvaluationContext) throws(RuntimeError) -> Column

/// Turns `BoundExpression`s into `VectorEvaluator`s. Arithmetic, comparisons, logic, CASE and
/// CAST are vectorized; other functions run per row through `ScalarFunctionLibrary`.
public enum ExpressionCompiler {
    public static func compile(_ expression: BoundExpression) -> VectorEvaluator {
        switch expression {
        case .column(let index, let type):
            return { batch, _ in
                var column = batch.columns[index]
                if column.type != type.type, PhysicalType.kind(of: column.type) == PhysicalType.kind(of: type.type) { column.type = type.type }
                return column
            }
        case .literal(let value, let type):
            let target = type.type == .null ? DataType.int : type.type
            return { batch, _ in Column.constant(value, type: target, count: batch.count) }
        case .cast(let inner, let type, let isTry):
            let operand = compile(inner)
            return { batch, context throws(RuntimeError) in
                try Cast.column(try operand(batch, context), to: type.type, isTry: isTry, context: context)
            }
        case .caseWhen(let pairs, let otherwise, let type):
            return Conditional.compileCase(pairs: pairs, otherwise: otherwise, type: type.type)
        case .call(let name, let args, let type):
            return compileCall(name, args, type.type)
        }
    }

    static func compileCall(_ name: String, _ args: [BoundExpression], _ type: DataType) -> VectorEvaluator {
        switch name {
        case "AND", "OR": return Logic.compileConnective(name == "AND", compile(args[0]), compile(args[1]))
        case "NOT": return Logic.compileNot(compile(args[0]))
        case "IS NULL", "IS NOT NULL": return Logic.compileIsNull(compile(args[0]), negated: name == "IS NOT NULL")
        case "IS TRUE", "IS FALSE", "IS NOT TRUE", "IS NOT FALSE":
            return Logic.compileIsBoolean(compile(args[0]), value: name.hasSuffix("TRUE"), negated: name.contains("NOT"))
        case "=", "<>", "<", "<=", ">", ">=":
            return Comparison.compile(name, args[0], args[1])
        case "IS DISTINCT FROM", "IS NOT DISTINCT FROM":
            return Comparison.compileDistinct(args[0], args[1], negated: name == "IS NOT DISTINCT FROM")
        case "IN", "NOT IN":
            return Comparison.compileIn(args[0], Array(args.dropFirst()), negated: name == "NOT IN")
        case "+", "-", "*", "/", "%":
            return VectorArithmetic.compile(name, args[0], args[1], resultType: type)
        case "MOD":
            return VectorArithmetic.compile("%", args[0], args[1], resultType: type)
        case "NEGATE":
            return VectorArithmetic.compileNegate(compile(args[0]), type: type)
        case "TO_TIMESTAMP_LTZ" where !args[0].type.type.isCharacter:
            return ScalarFunctionLibrary.compileToTimestampLTZ(args)
        default:
            return ScalarFunctionLibrary.compileRowwise(name, args, type)
        }
    }

    /// Evaluates `expression` over a batch with no columns, for constants.
    public static func evaluateConstant(_ expression: BoundExpression, context: EvaluationContext = EvaluationContext()) throws(RuntimeError) -> Value {
        let column = try compile(expression)(Batch(columns: [], count: 1), context)
        return column.value(0)
    }
}
