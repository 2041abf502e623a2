// Chooses a streaming operator for each logical node, shares equal subplans, and checks that
// every operator can consume what its input emits.
import BrookCore
import BrookSQL

/// Why a plan cannot run as planned (an updating input where only appends are accepted).
public struct PlanningError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
}

/// Builds the physical DAG. Equal logical subtrees become one node, which is how the shared
/// scan and the merged over-aggregate are read by both branches of the seed's self-join.
public struct PhysicalPlanner {
    let catalog: Catalog
    let settings: Settings
    private var nodes: [PhysicalNode] = []
    private var memo: [LogicalPlan: Int] = [:]

    public init(catalog: Catalog, settings: Settings) {
        self.catalog = catalog
        self.settings = settings
    }

    /// Plans the sinks of one job (one INSERT, or a statement set's several).
    public static func plan(_ roots: [LogicalPlan], catalog: Catalog, settings: Settings) throws(PlanningError) -> PhysicalPlan {
        var planner = PhysicalPlanner(catalog: catalog, settings: settings)
        var rootIDs: [Int] = []
        for root in roots { rootIDs.append(try planner.convert(root)) }
        return PhysicalPlan(nodes: planner.nodes, roots: rootIDs)
    }

    private var stateTTL: Int64? {
        guard let text = settings["table.exec.state.ttl"] else { return nil }
        let milliseconds = DurationText.milliseconds(text) ?? 0
        return milliseconds > 0 ? milliseconds : nil
    }

    /// Adds a node; `plan` (nil for the parts of a Top-N, which only its filter defines) is
    /// remembered so an equal subplan elsewhere shares the node.
    private mutating func add(_ operation: PhysicalOperator, inputs: [Int], schema: Schema, emitsUpdates: Bool, state: StateBound, for plan: LogicalPlan?) -> Int {
        let id = nodes.count
        nodes.append(PhysicalNode(id: id, operation: operation, inputs: inputs, schema: schema, emitsUpdates: emitsUpdates, state: state))
        if let plan { memo[plan] = id }
        return id
    }

    private func requireAppendOnly(_ input: Int, consumer: String) throws(PlanningError) {
        let node = nodes[input]
        if node.emitsUpdates, !settings.isBatch {
            throw PlanningError(message: "\(consumer) cannot consume the updates that \(node.operation.name) (node #\(node.id)) produces",
                                hint: "\(consumer) needs an append-only input; an interval join (bounded by time) or a window aggregation emits only inserts")
        }
    }

    mutating func convert(_ plan: LogicalPlan) throws(PlanningError) -> Int {
        if let existing = memo[plan] { return existing }
        switch plan {
        case .scan(let scan):
            let table = catalog.table(scan.table)!
            let watermark = table.watermark
            return add(.source(table: scan.table, connector: table.connector ?? "", columns: scan.columns, watermark: watermark),
                       inputs: [], schema: scan.schema, emitsUpdates: false, state: .none, for: plan)
        case .values(let values):
            return add(.values(rows: values.rows), inputs: [], schema: values.schema, emitsUpdates: false, state: .none, for: plan)
        case .project(let project):
            if case .filter(let filter) = project.input, case .overAggregate(let over) = filter.input, over.ranking != nil {
                let ranked = try rank(over, filteredBy: filter.condition, rankColumn: over.input.schema.count)
                return add(.calc(projection: project.expressions, condition: ranked.rest), inputs: [ranked.node], schema: project.schema,
                           emitsUpdates: nodes[ranked.node].emitsUpdates, state: .none, for: plan)
            }
            if case .filter(let filter) = project.input {
                let input = try convert(filter.input)
                return add(.calc(projection: project.expressions, condition: filter.condition), inputs: [input], schema: project.schema,
                           emitsUpdates: nodes[input].emitsUpdates, state: .none, for: plan)
            }
            let input = try convert(project.input)
            return add(.calc(projection: project.expressions, condition: nil), inputs: [input], schema: project.schema,
                       emitsUpdates: nodes[input].emitsUpdates, state: .none, for: plan)
        case .filter(let filter):
            if case .overAggregate(let over) = filter.input, over.ranking != nil {
                let ranked = try rank(over, filteredBy: filter.condition, rankColumn: over.input.schema.count)
                guard let rest = ranked.rest else { return ranked.node }
                let identity = over.schema.fields.indices.map { BoundExpression.column($0, over.schema[$0].type) }
                return add(.calc(projection: identity, condition: rest), inputs: [ranked.node], schema: over.schema,
                           emitsUpdates: nodes[ranked.node].emitsUpdates, state: .none, for: plan)
            }
            if case .project(let project) = filter.input, case .overAggregate(let over) = project.input, over.ranking != nil,
               let position = project.expressions.firstIndex(of: .column(over.input.schema.count, over.schema[over.input.schema.count].type)) {
                // The row number's filter sits above the projection: rank, project, then filter what remains.
                let ranked = try rank(over, filteredBy: filter.condition, rankColumn: position)
                let projected = add(.calc(projection: project.expressions, condition: nil), inputs: [ranked.node], schema: project.schema,
                                    emitsUpdates: nodes[ranked.node].emitsUpdates, state: .none, for: nil)
                guard let rest = ranked.rest else { return projected }
                let identity = project.schema.fields.indices.map { BoundExpression.column($0, project.schema[$0].type) }
                return add(.calc(projection: identity, condition: rest), inputs: [projected], schema: project.schema,
                           emitsUpdates: nodes[projected].emitsUpdates, state: .none, for: plan)
            }
            let input = try convert(filter.input)
            let schema = filter.input.schema
            let identity = schema.fields.indices.map { BoundExpression.column($0, schema[$0].type) }
            return add(.calc(projection: identity, condition: filter.condition), inputs: [input], schema: schema,
                       emitsUpdates: nodes[input].emitsUpdates, state: .none, for: plan)
        case .join(let join):
            let left = try convert(join.left)
            let right = try convert(join.right)
            if let bounds = join.interval {
                try requireAppendOnly(left, consumer: "IntervalJoin")
                try requireAppendOnly(right, consumer: "IntervalJoin")
                let state = StateBound.bounded("left rows until the watermark passes their time + \(DurationText.describe(-bounds.lower)), "
                    + "right rows until it passes their time + \(DurationText.describe(bounds.upper)); freed by the watermark")
                return add(.intervalJoin(type: join.type, leftKeys: join.leftKeys, rightKeys: join.rightKeys, bounds: bounds, residual: join.residual),
                           inputs: [left, right], schema: join.schema, emitsUpdates: false, state: state, for: plan)
            }
            let updates = join.type != .inner || nodes[left].emitsUpdates || nodes[right].emitsUpdates
            let state: StateBound = stateTTL.map { .bounded("every row of both sides per key, expired \(DurationText.describe($0)) after last access (table.exec.state.ttl)") }
                ?? .unbounded("every row of both sides per key, kept forever; set 'table.exec.state.ttl' to expire them")
            return add(.regularJoin(type: join.type, leftKeys: join.leftKeys, rightKeys: join.rightKeys, residual: join.residual),
                       inputs: [left, right], schema: join.schema, emitsUpdates: updates, state: state, for: plan)
        case .overAggregate(let over):
            if over.ranking != nil {
                throw PlanningError(message: "ROW_NUMBER ordered by anything but a time attribute ascending needs a filter on the row number, as Flink's Top-N does",
                                    hint: "wrap it: SELECT * FROM (SELECT ..., ROW_NUMBER() OVER (PARTITION BY k ORDER BY x DESC) AS rownum FROM t) WHERE rownum <= 3")
            }
            let input = try convert(over.input)
            try requireAppendOnly(input, consumer: "OverAggregate")
            return add(.overAggregate(partitionKeys: over.partitionKeys, orderKey: over.orderKey, calls: over.calls),
                       inputs: [input], schema: over.schema, emitsUpdates: false, state: overState(over), for: plan)
        case .windowTableFunction(let window):
            let input = try convert(window.input)
            try requireAppendOnly(input, consumer: "WindowTableFunction")
            return add(.windowTableFunction(kind: window.kind, timeColumn: window.timeColumn, size: window.size, step: window.step, offset: window.offset),
                       inputs: [input], schema: window.schema, emitsUpdates: false, state: .none, for: plan)
        case .aggregate(let aggregate):
            let input = try convert(aggregate.input)
            if let windowKeys = aggregate.windowKeys {
                try requireAppendOnly(input, consumer: "WindowAggregate")
                return add(.windowAggregate(groupKeys: aggregate.groupKeys, windowStart: windowKeys.start, windowEnd: windowKeys.end, calls: aggregate.calls),
                           inputs: [input], schema: aggregate.schema, emitsUpdates: false,
                           state: .bounded("one accumulator per key and open window; freed when the watermark passes the window end"), for: plan)
            }
            let state: StateBound
            if settings.isBatch {
                state = .bounded("one accumulator per group until end of input")
            } else if let ttl = stateTTL {
                state = .bounded("one accumulator per group, expired \(DurationText.describe(ttl)) after last update (table.exec.state.ttl)")
            } else {
                state = .unbounded("one accumulator per group, growing with the number of groups; set 'table.exec.state.ttl' to expire idle groups")
            }
            return add(.groupAggregate(groupKeys: aggregate.groupKeys, calls: aggregate.calls), inputs: [input], schema: aggregate.schema,
                       emitsUpdates: !settings.isBatch, state: state, for: plan)
        case .union(let union):
            var inputs: [Int] = []
            for input in union.inputs { inputs.append(try convert(input)) }
            return add(.union, inputs: inputs, schema: union.schema, emitsUpdates: inputs.contains { nodes[$0].emitsUpdates },
                       state: .none, for: plan)
        case .sort(let sort):
            let input = try convert(sort.input)
            let schema = sort.input.schema
            if settings.isBatch {
                return add(.sort(keys: sort.keys, limit: sort.limit), inputs: [input], schema: schema, emitsUpdates: false,
                           state: .bounded("all input rows until end of input"), for: plan)
            }
            if sort.limit == nil, let first = sort.keys.first, schema[first.column].isRowtime, !first.descending {
                try requireAppendOnly(input, consumer: "TemporalSort")
                return add(.temporalSort(keys: sort.keys), inputs: [input], schema: schema, emitsUpdates: false,
                           state: .bounded("rows the watermark has not yet passed; freed as it passes"), for: plan)
            }
            guard let limit = sort.limit else {
                throw PlanningError(message: "a streaming ORDER BY must start with a time attribute in ascending order",
                                    hint: "order by the rowtime column first, add a LIMIT, or SET 'execution.runtime-mode' = 'batch'")
            }
            if nodes[input].emitsUpdates {
                return add(.topN(keys: sort.keys, limit: limit), inputs: [input], schema: schema, emitsUpdates: true,
                           state: .bounded("every current input row (as many as the input has keys), since a retraction in the top lets a lower row back in"), for: plan)
            }
            return add(.topN(keys: sort.keys, limit: limit), inputs: [input], schema: schema, emitsUpdates: true,
                       state: .bounded("the best \(limit) rows"), for: plan)
        case .sink(let sink):
            let input = try convert(sink.input)
            let table = catalog.table(sink.table)!
            let connector = table.connector ?? ""
            if nodes[input].emitsUpdates, !settings.isBatch, !PhysicalPlanner.updatingConnectors.contains(connector) {
                let producer = firstUpdatingNode(from: input)
                throw PlanningError(message: "table '\(sink.table)' (connector '\(connector)') accepts only inserts, but \(producer.operation.name) (node #\(producer.id)) produces updates",
                                    hint: "write to a sink that accepts updates (print, blackhole), or SET 'execution.runtime-mode' = 'batch' to write the final result once")
            }
            return add(.sink(table: sink.table, connector: connector, columnMapping: sink.columnMapping), inputs: [input],
                       schema: sink.input.schema, emitsUpdates: nodes[input].emitsUpdates, state: .none, for: plan)
        }
    }

    /// Plans a Top-N: `over` is a ROW_NUMBER by non-time keys, `condition` the filter above it,
    /// in which `rankColumn` is the row number. The conjuncts bounding the row number by
    /// constants become the Rank's range; the others (`rest`) are left to filter its output.
    private mutating func rank(_ over: OverAggregate, filteredBy condition: BoundExpression, rankColumn: Int) throws(PlanningError) -> (node: Int, rest: BoundExpression?) {
        var lower: Int64 = 1
        var upper: Int64?
        var rest: [BoundExpression] = []
        for conjunct in PhysicalPlanner.conjuncts(condition) {
            guard let (op, bound) = PhysicalPlanner.rankBound(conjunct, rankColumn: rankColumn) else {
                rest.append(conjunct)
                continue
            }
            switch op {
            case "<=": upper = min(upper ?? bound, bound)
            case "<": upper = min(upper ?? (bound == .min ? .min : bound - 1), bound == .min ? .min : bound - 1)
            case ">=": lower = max(lower, bound)
            case ">": lower = max(lower, bound == .max ? .max : bound + 1)
            default:
                lower = max(lower, bound)
                upper = min(upper ?? bound, bound)
            }
        }
        guard let upper else {
            throw PlanningError(message: "a Top-N needs an upper bound on the row number",
                                hint: "filter with rownum <= N (or = 1 to keep one row per key)")
        }
        let input = try convert(over.input)
        let keeps = nodes[input].emitsUpdates
            ? StateBound.unbounded("every row of each partition, since the input retracts rows and a lower one may move up")
            : StateBound.bounded("per partition key: the best \(max(upper, 0)) rows")
        let node = add(.rank(partitionKeys: over.partitionKeys, order: over.ranking!, lower: lower, upper: upper), inputs: [input],
                       schema: over.schema, emitsUpdates: !settings.isBatch, state: keeps, for: nil)
        let remaining = rest.dropFirst().reduce(rest.first) { combined, next in
            combined.map { BoundExpression.call("AND", [$0, next], ColumnType(.boolean, nullable: $0.type.nullable || next.type.nullable)) }
        }
        return (node, remaining)
    }

    static func conjuncts(_ condition: BoundExpression) -> [BoundExpression] {
        if case .call("AND", let args, _) = condition { return args.flatMap(conjuncts) }
        return [condition]
    }

    /// `rownum <op> constant` (either way round) as the operator with the row number on the left.
    static func rankBound(_ conjunct: BoundExpression, rankColumn: Int) -> (String, Int64)? {
        guard case .call(let op, let args, _) = conjunct, args.count == 2, ["<=", "<", ">=", ">", "="].contains(op) else { return nil }
        let flipped = ["<=": ">=", "<": ">", ">=": "<=", ">": "<", "=": "="]
        switch (args[0], ConstantFolder.evaluate(args[1]), ConstantFolder.evaluate(args[0]), args[1]) {
        case (.column(rankColumn, _), .integer(let bound)?, _, _): return (op, bound)
        case (_, _, .integer(let bound)?, .column(rankColumn, _)): return (flipped[op]!, bound)
        default: return nil
        }
    }

    /// Connectors whose sinks apply updates and deletes rather than appending every change.
    static let updatingConnectors: Set<String> = ["print", "blackhole"]

    /// The operator where updates start, following the updating input down from `id`.
    private func firstUpdatingNode(from id: Int) -> PhysicalNode {
        let node = nodes[id]
        if let input = node.inputs.first(where: { nodes[$0].emitsUpdates }) {
            return firstUpdatingNode(from: input)
        }
        return node
    }

    private func overState(_ over: OverAggregate) -> StateBound {
        var parts: [String] = []
        var maxRows: Int64 = 0
        var maxRange: Int64 = 0
        var unbounded = false
        for call in over.calls {
            if call.function == "LAG" || call.function == "LEAD" {
                let offset: Int64 = call.arguments.count > 1 ? (ConstantFolder.evaluate(call.arguments[1]).flatMap { if case .integer(let n) = $0 { return n }; return nil } ?? 1) : 1
                maxRows = max(maxRows, offset)
                continue
            }
            if call.function == "ROW_NUMBER" {
                unbounded = true
                continue
            }
            switch call.frame.preceding {
            case .unbounded: unbounded = true
            case .offset(let n): if call.frame.unit == .rows { maxRows = max(maxRows, n) } else { maxRange = max(maxRange, n) }
            case .currentRow: break
            }
        }
        if maxRows > 0 { parts.append(maxRows == 1 ? "the last row" : "the last \(maxRows) rows") }
        if maxRange > 0 { parts.append("rows within \(DurationText.describe(maxRange))") }
        if unbounded { parts.append("running accumulators") }
        let kept = parts.isEmpty ? "the current row" : parts.joined(separator: " and ")
        return .bounded("per partition key: \(kept), plus rows the watermark has not yet passed; freed as the watermark advances")
    }
}
