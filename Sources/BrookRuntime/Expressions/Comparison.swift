// Comparisons and IN over columns, after casting both sides to their common type.
import BrookCore
import BrookPlanner

/// `=`, `<>`, `<`, `<=`, `>`, `>=` with NULL in, NULL out; operands are first brought to the
/// type they share (INT vs DECIMAL compares as DECIMAL, FLOAT vs DOUBLE as DOUBLE).
enum Comparison {
    static func compile(_ op: String, _ left: BoundExpression, _ right: BoundExpression) -> VectorEvaluator {
        let common = TypeRules.commonType(left.type.type, right.type.type) ?? left.type.type
        let a = ExpressionCompiler.compile(left)
        let b = ExpressionCompiler.compile(right)
        let test = outcome(op)
        return { batch, context throws(RuntimeError) in
            let x = try Cast.column(try a(batch, context), to: common, isTry: false, context: context)
            let y = try Cast.column(try b(batch, context), to: common, isTry: false, context: context)
            var values = ContiguousArray<Bool>(repeating: false, count: batch.count)
            switch (x.storage, y.storage) {
            case (.int64(let l), .int64(let r)): for i in 0..<batch.count { values[i] = test(l[i] < r[i] ? -1 : l[i] == r[i] ? 0 : 1) }
            case (.double(let l), .double(let r)): for i in 0..<batch.count { values[i] = test(l[i] < r[i] ? -1 : l[i] == r[i] ? 0 : 1) }
            case (.decimal(let l), .decimal(let r)): for i in 0..<batch.count { values[i] = test(l[i] < r[i] ? -1 : l[i] == r[i] ? 0 : 1) }
            case (.string(let l), .string(let r)): for i in 0..<batch.count { values[i] = test(compareStrings(l[i], r[i])) }
            case (.boolean(let l), .boolean(let r)): for i in 0..<batch.count { values[i] = test(l[i] == r[i] ? 0 : (!l[i] ? -1 : 1)) }
            case (.values(let l), .values(let r)) where x.type.isBinary:
                // Unsigned bytes, a shorter prefix first; NULL cells compare equal and are masked.
                for i in 0..<batch.count { values[i] = test(ValueOrder.compare(l[i], r[i])) }
            default: throw RuntimeError("cannot compare \(x.type) with \(y.type)")
            }
            return Column(type: .boolean, storage: .boolean(values), nulls: mergeNulls(x, y, count: batch.count))
        }
    }

    static func outcome(_ op: String) -> @Sendable (Int) -> Bool {
        switch op {
        case "=": return { $0 == 0 }
        case "<>": return { $0 != 0 }
        case "<": return { $0 < 0 }
        case "<=": return { $0 <= 0 }
        case ">": return { $0 > 0 }
        default: return { $0 >= 0 }
        }
    }

    /// Orders strings by their UTF-8 bytes (code point order).
    @inline(__always) static func compareStrings(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    static func mergeNulls(_ x: Column, _ y: Column, count: Int) -> ContiguousArray<Bool>? {
        switch (x.nulls, y.nulls) {
        case (nil, nil): return nil
        case (let n?, nil), (nil, let n?): return n
        case (let a?, let b?): return ContiguousArray((0..<count).map { a[$0] || b[$0] })
        }
    }

    /// `a IS [NOT] DISTINCT FROM b`: never NULL; two NULLs are not distinct, a NULL and a value are.
    static func compileDistinct(_ left: BoundExpression, _ right: BoundExpression, negated: Bool) -> VectorEvaluator {
        let common = TypeRules.commonType(left.type.type, right.type.type) ?? left.type.type
        let a = ExpressionCompiler.compile(left)
        let b = ExpressionCompiler.compile(right)
        return { batch, context throws(RuntimeError) in
            let x = try Cast.column(try a(batch, context), to: common, isTry: false, context: context)
            let y = try Cast.column(try b(batch, context), to: common, isTry: false, context: context)
            var values = ContiguousArray<Bool>(repeating: false, count: batch.count)
            for row in 0..<batch.count {
                let distinct = x.isNull(row) || y.isNull(row) ? x.isNull(row) != y.isNull(row) : ValueOrder.compare(x.value(row), y.value(row)) != 0
                values[row] = distinct != negated
            }
            return Column(type: .boolean, storage: .boolean(values), nulls: nil)
        }
    }

    /// `x IN (a, b, ...)`: true when equal to one, NULL when none is equal but a NULL was compared.
    static func compileIn(_ operand: BoundExpression, _ list: [BoundExpression], negated: Bool) -> VectorEvaluator {
        let common = list.reduce(operand.type.type) { TypeRules.commonType($0, $1.type.type) ?? $0 }
        let value = ExpressionCompiler.compile(operand)
        let items = list.map(ExpressionCompiler.compile)
        return { batch, context throws(RuntimeError) in
            let x = try Cast.column(try value(batch, context), to: common, isTry: false, context: context)
            var candidates: [Column] = []
            for item in items { candidates.append(try Cast.column(try item(batch, context), to: common, isTry: false, context: context)) }
            var builder = ColumnBuilder(type: .boolean, capacity: batch.count)
            for row in 0..<batch.count {
                if x.isNull(row) {
                    builder.appendNull()
                    continue
                }
                let needle = x.value(row)
                var found = false
                var sawNull = false
                for candidate in candidates {
                    if candidate.isNull(row) { sawNull = true } else if candidate.value(row) == needle { found = true; break }
                }
                if found { builder.appendBoolean(!negated) } else if sawNull { builder.appendNull() } else { builder.appendBoolean(negated) }
            }
            return builder.build()
        }
    }
}
