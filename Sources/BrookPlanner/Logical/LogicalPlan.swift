// The relational operators a bound query is made of, before physical choices.
import BrookCore
import BrookSQL

/// A relational plan as the binder produces it and the rules rewrite it. Nodes are values, so
/// two branches that compute the same thing compare equal, which is how scans and
/// over-aggregates are found to be shareable.
public indirect enum LogicalPlan: Hashable, Sendable {
    case scan(Scan)
    case values(Values)
    case project(Project)
    case filter(Filter)
    case join(Join)
    case overAggregate(OverAggregate)
    case windowTableFunction(WindowTableFunctionNode)
    case aggregate(Aggregate)
    case union(Union)
    case sort(Sort)
    case sink(Sink)

    public var schema: Schema {
        switch self {
        case .scan(let node): return node.schema
        case .values(let node): return node.schema
        case .project(let node): return node.schema
        case .filter(let node): return node.input.schema
        case .join(let node): return node.schema
        case .overAggregate(let node): return node.schema
        case .windowTableFunction(let node): return node.schema
        case .aggregate(let node): return node.schema
        case .union(let node): return node.schema
        case .sort(let node): return node.input.schema
        case .sink(let node): return node.input.schema
        }
    }

    public var inputs: [LogicalPlan] {
        switch self {
        case .scan, .values: return []
        case .project(let node): return [node.input]
        case .filter(let node): return [node.input]
        case .join(let node): return [node.left, node.right]
        case .overAggregate(let node): return [node.input]
        case .windowTableFunction(let node): return [node.input]
        case .aggregate(let node): return [node.input]
        case .union(let node): return node.inputs
        case .sort(let node): return [node.input]
        case .sink(let node): return [node.input]
        }
    }

    /// This node with its inputs replaced, in the order `inputs` lists them.
    public func replacingInputs(_ newInputs: [LogicalPlan]) -> LogicalPlan {
        switch self {
        case .scan, .values: return self
        case .project(var node): node.input = newInputs[0]; return .project(node)
        case .filter(var node): node.input = newInputs[0]; return .filter(node)
        case .join(var node):
            node.left = newInputs[0]
            node.right = newInputs[1]
            return .join(node)
        case .overAggregate(var node): node.input = newInputs[0]; return .overAggregate(node)
        case .windowTableFunction(var node): node.input = newInputs[0]; return .windowTableFunction(node)
        case .aggregate(var node): node.input = newInputs[0]; return .aggregate(node)
        case .union(var node): node.inputs = newInputs; return .union(node)
        case .sort(var node): node.input = newInputs[0]; return .sort(node)
        case .sink(var node): node.input = newInputs[0]; return .sink(node)
        }
    }

    /// Applies `rewrite` bottom-up to every node.
    public func transformUp(_ rewrite: (LogicalPlan) throws(SQLError) -> LogicalPlan) throws(SQLError) -> LogicalPlan {
        var newInputs: [LogicalPlan] = []
        for input in inputs { newInputs.append(try input.transformUp(rewrite)) }
        return try rewrite(replacingInputs(newInputs))
    }
}

/// Reads a catalog table. `columns` lists which of the table's columns (physical, metadata,
/// computed, in declaration order) are produced, so projection push-down can narrow it.
public struct Scan: Hashable, Sendable {
    public var table: String
    public var columns: [Int]
    public var schema: Schema
}

public struct Values: Hashable, Sendable {
    public var rows: [[BoundExpression]]
    public var schema: Schema
}

public struct Project: Hashable, Sendable {
    public var input: LogicalPlan
    public var expressions: [BoundExpression]
    public var schema: Schema
}

public struct Filter: Hashable, Sendable {
    public var input: LogicalPlan
    public var condition: BoundExpression
}

public enum JoinType: String, Hashable, Sendable {
    case inner = "INNER", left = "LEFT", right = "RIGHT", full = "FULL"
}

/// The time bounds of an interval join: `left.time - right.time` lies in [lower, upper] milliseconds.
public struct IntervalBounds: Hashable, Sendable {
    public var leftTime: Int
    public var rightTime: Int
    public var lower: Int64
    public var upper: Int64
}

/// A join. `equiKeys` pair left and right column indices from the condition; `interval` is set
/// when the condition bounds both sides' rowtimes, which makes it an interval join.
public struct Join: Hashable, Sendable {
    public var type: JoinType
    public var left: LogicalPlan
    public var right: LogicalPlan
    /// The whole condition, over left columns followed by right columns.
    public var condition: BoundExpression?
    public var equiKeys: [(Int, Int)] { zip(leftKeys, rightKeys).map { ($0, $1) } }
    public var leftKeys: [Int]
    public var rightKeys: [Int]
    public var interval: IntervalBounds?
    /// Conjuncts that are neither keys nor time bounds, evaluated on each candidate pair.
    public var residual: BoundExpression?
    public var schema: Schema
}

/// The frame of one OVER call.
public struct OverFrame: Hashable, Sendable, CustomStringConvertible {
    public enum Bound: Hashable, Sendable {
        case unbounded
        /// A row count for ROWS, milliseconds for RANGE.
        case offset(Int64)
        case currentRow
    }

    public var unit: FrameUnit
    public var preceding: Bound
    public var following: Bound

    public var description: String {
        func text(_ bound: Bound, _ direction: String) -> String {
            switch bound {
            case .unbounded: return "UNBOUNDED \(direction)"
            case .offset(let n): return unit == .rows ? "\(n) \(direction)" : "INTERVAL \(n) ms \(direction)"
            case .currentRow: return "CURRENT ROW"
            }
        }
        return "\(unit.rawValue) BETWEEN \(text(preceding, "PRECEDING")) AND \(text(following, "FOLLOWING"))"
    }
}

/// One aggregate or window function call over a frame.
public struct OverCall: Hashable, Sendable {
    public var function: String
    public var arguments: [BoundExpression]
    public var frame: OverFrame
    public var type: ColumnType
    /// `AGG(DISTINCT x) OVER (...)`: each value counts once within the frame.
    public var distinct = false
}

/// Appends one column per call, computed over each row's frame within its partition, in the
/// order of the rowtime column `orderKey`. Calls keep their own frames when several share one node.
public struct OverAggregate: Hashable, Sendable {
    public var input: LogicalPlan
    public var partitionKeys: [Int]
    public var orderKey: Int
    public var calls: [OverCall]
    public var schema: Schema
    /// Set for a ROW_NUMBER ordered by these keys rather than by time: only a filter on the row
    /// number above it makes it plannable, as a Top-N (`PhysicalOperator.rank`).
    public var ranking: [SortKey]? = nil
}

/// TUMBLE, HOP or CUMULATE: appends window_start, window_end and window_time to each row
/// (HOP and CUMULATE repeat a row once per window it falls into).
public struct WindowTableFunctionNode: Hashable, Sendable {
    public var input: LogicalPlan
    public var kind: WindowFunctionKind
    public var timeColumn: Int
    /// Milliseconds: the window size; the slide (HOP) or step (CUMULATE); the offset.
    public var size: Int64
    public var step: Int64
    public var offset: Int64
    public var schema: Schema
}

public struct AggregateCall: Hashable, Sendable {
    public var function: String
    public var arguments: [BoundExpression]
    public var distinct: Bool
    public var type: ColumnType

    public init(function: String, arguments: [BoundExpression], distinct: Bool, type: ColumnType) {
        self.function = function
        self.arguments = arguments
        self.distinct = distinct
        self.type = type
    }
}

/// GROUP BY: output is the group keys followed by one column per aggregate call. When the keys
/// include a window table function's window_start and window_end it is a window aggregate.
public struct Aggregate: Hashable, Sendable {
    public var input: LogicalPlan
    public var groupKeys: [Int]
    public var calls: [AggregateCall]
    public var schema: Schema
    /// Positions in `groupKeys` of window_start and window_end when grouped by a window.
    public var windowKeys: (start: Int, end: Int)? {
        get { windowStartKey.flatMap { start in windowEndKey.map { (start, $0) } } }
        set {
            windowStartKey = newValue?.start
            windowEndKey = newValue?.end
        }
    }
    var windowStartKey: Int?
    var windowEndKey: Int?
}

public struct Union: Hashable, Sendable {
    public var inputs: [LogicalPlan]
    public var schema: Schema
}

public struct SortKey: Hashable, Sendable {
    public var column: Int
    public var descending: Bool
    public var nullsFirst: Bool
}

public struct Sort: Hashable, Sendable {
    public var input: LogicalPlan
    public var keys: [SortKey]
    public var limit: Int64?
}

/// Writes the input to a catalog table.
public struct Sink: Hashable, Sendable {
    public var input: LogicalPlan
    public var table: String
    /// For each table column, the input column written to it (nil: NULL).
    public var columnMapping: [Int?]
}
