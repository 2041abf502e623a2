// Expressions after binding: names resolved to input columns and every node typed.
import BrookCore

/// A resolved, typed expression over one input row. Operators and functions are calls by
/// canonical name (`+`, `AND`, `TO_TIMESTAMP_LTZ`), which the runtime compiles once into evaluators.
public indirect enum BoundExpression: Hashable, Sendable {
    /// Input column `index` of the operator's input row.
    case column(Int, ColumnType)
    case literal(Value, ColumnType)
    case call(String, [BoundExpression], ColumnType)
    /// Searched CASE: `pairs` alternate condition, result; `otherwise` is the ELSE value.
    case caseWhen(pairs: [BoundExpression], otherwise: BoundExpression, ColumnType)
    case cast(BoundExpression, ColumnType, isTry: Bool)

    public var type: ColumnType {
        switch self {
        case .column(_, let type), .literal(_, let type), .call(_, _, let type), .caseWhen(_, _, let type), .cast(_, let type, _):
            return type
        }
    }

    public var children: [BoundExpression] {
        switch self {
        case .column, .literal: return []
        case .call(_, let args, _): return args
        case .caseWhen(let pairs, let otherwise, _): return pairs + [otherwise]
        case .cast(let inner, _, _): return [inner]
        }
    }

    /// Input columns this expression reads.
    public var columnsUsed: Set<Int> {
        if case .column(let index, _) = self { return [index] }
        return children.reduce(into: Set<Int>()) { $0.formUnion($1.columnsUsed) }
    }

    /// The same expression with each column index passed through `map`.
    public func remapColumns(_ map: (Int) -> Int) -> BoundExpression {
        switch self {
        case .column(let index, let type): return .column(map(index), type)
        case .literal: return self
        case .call(let name, let args, let type): return .call(name, args.map { $0.remapColumns(map) }, type)
        case .caseWhen(let pairs, let otherwise, let type):
            return .caseWhen(pairs: pairs.map { $0.remapColumns(map) }, otherwise: otherwise.remapColumns(map), type)
        case .cast(let inner, let type, let isTry): return .cast(inner.remapColumns(map), type, isTry: isTry)
        }
    }

    /// The same expression with each column reference replaced by `substitute(index)`.
    public func substituteColumns(_ substitute: (Int) -> BoundExpression) -> BoundExpression {
        switch self {
        case .column(let index, _): return substitute(index)
        case .literal: return self
        case .call(let name, let args, let type): return .call(name, args.map { $0.substituteColumns(substitute) }, type)
        case .caseWhen(let pairs, let otherwise, let type):
            return .caseWhen(pairs: pairs.map { $0.substituteColumns(substitute) }, otherwise: otherwise.substituteColumns(substitute), type)
        case .cast(let inner, let type, let isTry): return .cast(inner.substituteColumns(substitute), type, isTry: isTry)
        }
    }

    /// The conjuncts of an AND tree.
    public var conjuncts: [BoundExpression] {
        if case .call("AND", let args, _) = self { return args.flatMap(\.conjuncts) }
        return [self]
    }

    public static func and(_ terms: [BoundExpression]) -> BoundExpression? {
        guard var result = terms.first else { return nil }
        for term in terms.dropFirst() {
            result = .call("AND", [result, term], ColumnType(.boolean, nullable: result.type.nullable || term.type.nullable))
        }
        return result
    }

    /// True when the expression's value depends only on its inputs (no clock, no randomness).
    public var isDeterministic: Bool {
        if case .call(let name, _, _) = self, BoundExpression.nondeterministicFunctions.contains(name) { return false }
        return children.allSatisfy(\.isDeterministic)
    }

    static let nondeterministicFunctions: Set<String> = [
        "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "NOW", "RAND", "UUID",
        "CURRENT_WATERMARK", "UNIX_TIMESTAMP",
    ]
}
