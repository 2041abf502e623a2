// Flink's older group window syntax, GROUP BY TUMBLE(ts, size), bound as the window TVF it became.
import BrookCore
import BrookSQL

/// A `TUMBLE(time, size)` or `HOP(time, slide, size)` call in GROUP BY. Flink deprecated this
/// syntax for the window table functions but much existing SQL uses it, so it binds to the same
/// plan: windows assigned on the FROM rows, grouped by window_start and window_end, with
/// TUMBLE_START/TUMBLE_END (HOP_START/HOP_END) reading those columns and TUMBLE_ROWTIME
/// (HOP_ROWTIME) reading window_time, which stays a time attribute.
struct LegacyGroupWindow {
    let kind: WindowFunctionKind
    let call: FunctionCall
    let range: SourceRange

    /// The auxiliary functions and the window column each reads.
    static let auxiliaries: [String: (kind: WindowFunctionKind, column: String)] = [
        "TUMBLE_START": (.tumble, "window_start"), "TUMBLE_END": (.tumble, "window_end"), "TUMBLE_ROWTIME": (.tumble, "window_time"),
        "HOP_START": (.hop, "window_start"), "HOP_END": (.hop, "window_end"), "HOP_ROWTIME": (.hop, "window_time"),
    ]

    /// The group window in `groupBy`, if it has one.
    static func find(in groupBy: [Expression]) throws(SQLError) -> LegacyGroupWindow? {
        var found: LegacyGroupWindow?
        for expression in groupBy {
            guard case .function(let call) = expression.kind, call.over == nil else { continue }
            let kind: WindowFunctionKind
            switch call.name.value.uppercased() {
            case "TUMBLE": kind = .tumble
            case "HOP": kind = .hop
            case "SESSION":
                throw SQLError("SESSION windows are not supported yet", at: expression.range, hint: "use TUMBLE or HOP windows")
            default: continue
            }
            guard found == nil else { throw SQLError("GROUP BY can have only one group window", at: expression.range) }
            let arity = kind == .tumble ? 2 : 3
            guard call.arguments.count == arity else {
                throw SQLError("\(kind.rawValue) in GROUP BY takes \(arity) arguments: the time attribute, then " + (kind == .tumble ? "the size" : "the slide and the size"),
                               at: expression.range)
            }
            found = LegacyGroupWindow(kind: kind, call: call, range: expression.range)
        }
        return found
    }

    /// The FROM rows with this window's columns appended.
    func assign(to input: LogicalPlan, binder: Binder) throws(SQLError) -> LogicalPlan {
        let time = call.arguments[0]
        guard case .column(let name) = time.kind else {
            throw SQLError("\(kind.rawValue)'s first argument must be a time attribute column", at: time.range)
        }
        let column = try Scope(input.schema).resolve(name)
        return try binder.windowed(input, kind: kind, timeColumn: column, timeRange: time.range, arguments: Array(call.arguments.dropFirst()),
                                   qualifier: nil)
    }

    /// GROUP BY with the window call replaced by window_start and window_end (and window_time
    /// when a *_ROWTIME function is used).
    func groupBy(_ groupBy: [Expression], withRowtime: Bool) -> [Expression] {
        groupBy.flatMap { expression -> [Expression] in
            guard case .function(let other) = expression.kind, other == call else { return [expression] }
            let columns = ["window_start", "window_end"] + (withRowtime ? ["window_time"] : [])
            return columns.map { Expression(.column(QualifiedName([Identifier($0, range: range)])), range: range) }
        }
    }

    /// The window column an auxiliary call reads; its arguments must repeat the group window's.
    func column(for auxiliary: FunctionCall, named name: String, at range: SourceRange) throws(SQLError) -> Expression {
        guard let (auxiliaryKind, column) = LegacyGroupWindow.auxiliaries[name], auxiliaryKind == kind,
              auxiliary.arguments.map(SQLPrinter.print) == call.arguments.map(SQLPrinter.print) else {
            throw SQLError("\(name) must repeat the GROUP BY window, \(SQLPrinter.print(Expression(.function(call))))", at: range)
        }
        return Expression(.column(QualifiedName([Identifier(column, range: range)])), range: range)
    }

    /// True when a *_ROWTIME call appears in `expressions`.
    static func usesRowtime(_ expressions: [Expression]) -> Bool {
        expressions.contains { expression in
            var found = false
            expression.visit { node in
                if case .function(let call) = node.kind, call.name.value.uppercased().hasSuffix("_ROWTIME") { found = true }
                return !found
            }
            return found
        }
    }
}
