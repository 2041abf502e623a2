// Three-valued logic over boolean columns: AND, OR, NOT and the IS predicates.
import BrookCore
import BrookPlanner

/// SQL's three-valued AND/OR, evaluated lazily: the right side runs only on the rows whose left
/// side does not already decide the result, so `x <> 0 AND 10 / x > 1` never divides by zero.
enum Logic {
    static func compileConnective(_ isAnd: Bool, _ left: @escaping VectorEvaluator, _ right: @escaping VectorEvaluator) -> VectorEvaluator {
        return { batch, context throws(RuntimeError) in
            let a = try left(batch, context)
            var undecided: [Int] = []
            for row in 0..<batch.count where a.isNull(row) || a.boolean(row) == isAnd { undecided.append(row) }
            if undecided.isEmpty { return a }
            let b: Column
            let positions: [Int]?
            if undecided.count == batch.count {
                b = try right(batch, context)
                positions = nil
            } else {
                b = try right(batch.take(undecided), context)
                positions = undecided
            }
            var values = ContiguousArray<Bool>(repeating: false, count: batch.count)
            var nulls = ContiguousArray<Bool>(repeating: false, count: batch.count)
            for row in 0..<batch.count where !a.isNull(row) {
                values[row] = a.boolean(row)
            }
            for row in 0..<batch.count where a.isNull(row) { nulls[row] = true }
            for (position, row) in (positions ?? Array(0..<batch.count)).enumerated() {
                let bNull = b.isNull(position)
                let bValue = bNull ? false : b.boolean(position)
                let aNull = a.isNull(row)
                if !bNull && bValue != isAnd {
                    values[row] = bValue
                    nulls[row] = false
                } else if bNull {
                    nulls[row] = true
                } else {
                    values[row] = aNull ? isAnd : a.boolean(row)
                    nulls[row] = aNull
                }
            }
            return Column(type: .boolean, storage: .boolean(values), nulls: nulls)
        }
    }

    static func compileNot(_ operand: @escaping VectorEvaluator) -> VectorEvaluator {
        return { batch, context throws(RuntimeError) in
            let a = try operand(batch, context)
            guard case .boolean(let values) = a.storage else { throw RuntimeError("NOT of a non-boolean column") }
            return Column(type: .boolean, storage: .boolean(ContiguousArray(values.map { !$0 })), nulls: a.nulls)
        }
    }

    static func compileIsNull(_ operand: @escaping VectorEvaluator, negated: Bool) -> VectorEvaluator {
        return { batch, context throws(RuntimeError) in
            let a = try operand(batch, context)
            let values = ContiguousArray((0..<batch.count).map { a.isNull($0) != negated })
            return Column(type: .boolean, storage: .boolean(values))
        }
    }

    static func compileIsBoolean(_ operand: @escaping VectorEvaluator, value: Bool, negated: Bool) -> VectorEvaluator {
        return { batch, context throws(RuntimeError) in
            let a = try operand(batch, context)
            let values = ContiguousArray((0..<batch.count).map { row in
                let matches = !a.isNull(row) && a.boolean(row) == value
                return matches != negated
            })
            return Column(type: .boolean, storage: .boolean(values))
        }
    }
}

/// CASE WHEN, evaluated branch by branch on the rows still undecided, so a branch's result is
/// computed only for the rows that take it.
enum Conditional {
    static func compileCase(pairs: [BoundExpression], otherwise: BoundExpression, type: DataType) -> VectorEvaluator {
        let conditions = stride(from: 0, to: pairs.count, by: 2).map { ExpressionCompiler.compile(pairs[$0]) }
        let results = stride(from: 1, to: pairs.count, by: 2).map { ExpressionCompiler.compile(pairs[$0]) }
        let fallback = ExpressionCompiler.compile(otherwise)
        return { batch, context throws(RuntimeError) in
            var output = [Value](repeating: .null, count: batch.count)
            var remaining = Array(0..<batch.count)
            for (condition, result) in zip(conditions, results) where !remaining.isEmpty {
                let subset = remaining.count == batch.count ? batch : batch.take(remaining)
                let decided = try condition(subset, context)
                var taken: [Int] = []
                var rest: [Int] = []
                for (position, row) in remaining.enumerated() {
                    if !decided.isNull(position) && decided.boolean(position) { taken.append(position) } else { rest.append(row) }
                }
                if !taken.isEmpty {
                    let values = try result(subset.take(taken), context)
                    for (index, position) in taken.enumerated() { output[remaining[position]] = values.value(index) }
                }
                remaining = rest
            }
            if !remaining.isEmpty {
                let values = try fallback(remaining.count == batch.count ? batch : batch.take(remaining), context)
                for (index, row) in remaining.enumerated() { output[row] = values.value(index) }
            }
            var builder = ColumnBuilder(type: type, capacity: batch.count)
            for value in output { builder.append(value) }
            return builder.build()
        }
    }
}
