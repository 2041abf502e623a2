// The streaming operators a physical plan is built from, with their configuration.
import BrookCore
import BrookSQL

/// One runtime operator's configuration. The runtime instantiates these; it never sees SQL.
public enum PhysicalOperator: Hashable, Sendable {
    /// Reads `columns` (indices into the table's columns) and assigns watermarks.
    case source(table: String, connector: String, columns: [Int], watermark: WatermarkSpec?)
    case values(rows: [[BoundExpression]])
    /// Filters by `condition` (over the input), then projects.
    case calc(projection: [BoundExpression], condition: BoundExpression?)
    case overAggregate(partitionKeys: [Int], orderKey: Int, calls: [OverCall])
    case intervalJoin(type: JoinType, leftKeys: [Int], rightKeys: [Int], bounds: IntervalBounds, residual: BoundExpression?)
    case regularJoin(type: JoinType, leftKeys: [Int], rightKeys: [Int], residual: BoundExpression?)
    case windowTableFunction(kind: WindowFunctionKind, timeColumn: Int, size: Int64, step: Int64, offset: Int64)
    /// Aggregates rows assigned to windows; emits each window once the watermark passes its end.
    case windowAggregate(groupKeys: [Int], windowStart: Int, windowEnd: Int, calls: [AggregateCall])
    case groupAggregate(groupKeys: [Int], calls: [AggregateCall])
    case union
    /// Emits rows in order of a rowtime column as the watermark passes them.
    case temporalSort(keys: [SortKey])
    /// Keeps the first `limit` rows by `keys`, updating as better rows arrive.
    case topN(keys: [SortKey], limit: Int64)
    /// Sorts all input at end of input (batch mode).
    case sort(keys: [SortKey], limit: Int64?)
    /// Flink's Top-N: per partition key, the rows ranked `lower...upper` by `order` (ROW_NUMBER),
    /// each with its rank number appended; updates as rows enter, leave or change rank.
    case rank(partitionKeys: [Int], order: [SortKey], lower: Int64, upper: Int64)
    case sink(table: String, connector: String, columnMapping: [Int?])

    public var name: String {
        switch self {
        case .source: return "Source"
        case .values: return "Values"
        case .calc: return "Calc"
        case .overAggregate: return "OverAggregate"
        case .intervalJoin: return "IntervalJoin"
        case .regularJoin: return "Join"
        case .windowTableFunction: return "WindowTableFunction"
        case .windowAggregate: return "WindowAggregate"
        case .groupAggregate: return "GroupAggregate"
        case .union: return "Union"
        case .temporalSort: return "TemporalSort"
        case .topN: return "TopN"
        case .sort: return "Sort"
        case .rank: return "Rank"
        case .sink: return "Sink"
        }
    }
}

/// How much state an operator keeps, and what bounds it.
public enum StateBound: Hashable, Sendable {
    case none
    /// State that something frees: the watermark, a row count, the number of keys.
    case bounded(String)
    /// State that only grows unless a TTL is set.
    case unbounded(String)

    public var isUnbounded: Bool {
        if case .unbounded = self { return true }
        return false
    }
}

/// One node of the physical plan DAG. Inputs refer to other nodes by id, so a node read by two
/// consumers (a shared scan or over-aggregate) appears once.
public struct PhysicalNode: Sendable {
    public var id: Int
    public var operation: PhysicalOperator
    public var inputs: [Int]
    public var schema: Schema
    /// True when the operator sends update and delete changes, not only inserts.
    public var emitsUpdates: Bool
    public var state: StateBound
}

/// A planned job: the DAG and its sink nodes.
public struct PhysicalPlan: Sendable {
    public var nodes: [PhysicalNode]
    public var roots: [Int]

    public subscript(id: Int) -> PhysicalNode { nodes[id] }

    /// How many nodes read each node.
    public var consumerCounts: [Int] {
        var counts = [Int](repeating: 0, count: nodes.count)
        for node in nodes { for input in node.inputs { counts[input] += 1 } }
        return counts
    }
}
