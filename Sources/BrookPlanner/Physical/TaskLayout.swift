// Which tasks run each operator of a job, and how rows travel from an operator to its consumers.

/// How rows go from an operator to one input of a consumer.
public enum Exchange: Equatable, Sendable {
    /// To the consumer's instance in the same task.
    case forward
    /// To the task that owns the row's key (the hash of these input columns, modulo the parallelism).
    case hash([Int])
    /// To the consumer's only instance, in task 0.
    case gather
}

/// Places each node of a job on tasks, as Flink places operator subtasks: keyed operators (over
/// windows, joins and aggregations with keys) run in every task, each owning the keys that hash
/// to it; operators that see all rows at once (sorts, Top-N, aggregations without keys, sinks)
/// run in task 0; stateless operators run where their inputs run. With a parallelism of 1
/// everything runs in task 0 and every exchange is forward.
public struct TaskLayout: Sendable {
    /// What a node needs of its placement.
    public enum Requirement: Sendable {
        /// A source: in every task when its connector split its input among them.
        case source(parallel: Bool)
        /// In every task, each input partitioned by these of its columns (one list per input);
        /// `output` is what its own rows are then partitioned by (nil: nothing usable).
        case keyed([[Int]], output: [Int]?)
        /// In task 0 only.
        case single
        /// Wherever its inputs are: in every task when they all are. `carries` says where an
        /// input column lands in the output, so a partitioning survives a projection.
        case follow(carries: ColumnCarry)
    }

    /// Where a stateless operator puts its (single) input's columns.
    public enum ColumnCarry: Sendable {
        /// At the same positions (window assignment, which only appends columns).
        case same
        /// Input column → first output position that is exactly that column (a projection).
        case moved([Int: Int])
        /// Nowhere a partitioning can follow (a union of several inputs).
        case lost
    }

    public let parallelism: Int
    /// Per node: true when it runs in every task, false when only in task 0.
    public private(set) var isParallel: [Bool] = []
    /// Per node and input port: the exchange rows take to reach it.
    public private(set) var exchanges: [[Exchange]] = []
    /// Per node: the output columns by whose hash its rows are already spread over the tasks, so
    /// a keyed consumer on the same columns takes them forward instead of hashing them again.
    public private(set) var partitioning: [[Int]?] = []
    private let inputs: [[Int]]

    /// `inputs` and `requirements` per node, nodes in an order where inputs come first.
    public init(inputs: [[Int]], requirements: [Requirement], parallelism: Int) {
        self.parallelism = parallelism
        self.inputs = inputs
        for (node, requirement) in requirements.enumerated() {
            let parallel: Bool
            switch requirement {
            case .source(let split): parallel = split && parallelism > 1
            case .keyed: parallel = parallelism > 1
            case .single: parallel = false
            case .follow: parallel = parallelism > 1 && inputs[node].allSatisfy { isParallel[$0] }
            }
            isParallel.append(parallel)
            exchanges.append(inputs[node].enumerated().map { port, input in
                guard parallelism > 1 else { return .forward }
                if case .keyed(let keys, _) = requirement {
                    return isParallel[input] && partitioning[input] == keys[port] ? .forward : .hash(keys[port])
                }
                return parallel || !isParallel[input] ? .forward : .gather
            })
            switch requirement {
            case .keyed(_, let output) where parallel: partitioning.append(output)
            case .follow(let carries) where parallel && inputs[node].count == 1:
                partitioning.append(partitioning[inputs[node][0]].flatMap { columns in TaskLayout.carry(columns, carries) })
            default: partitioning.append(nil)
            }
        }
    }

    private static func carry(_ columns: [Int], _ carries: ColumnCarry) -> [Int]? {
        switch carries {
        case .same: return columns
        case .lost: return nil
        case .moved(let positions):
            let moved = columns.compactMap { positions[$0] }
            return moved.count == columns.count ? moved : nil
        }
    }

    /// What `node` needs; a join's output stays partitioned by the key of a side that is never
    /// padded with NULLs.
    public static func requirement(of node: PhysicalNode, in plan: PhysicalPlan) -> Requirement {
        switch node.operation {
        // A scan's connector decides whether it splits (the runtime knows once it opens the
        // input); EXPLAIN assumes the ones that can do.
        case .source(_, let connector, _, _): return .source(parallel: connector == "filesystem" || connector == "kafka")
        case .values: return .single
        case .calc(let projection, _):
            var positions: [Int: Int] = [:]
            for (position, expression) in projection.enumerated() {
                if case .column(let column, _) = expression, positions[column] == nil { positions[column] = position }
            }
            return .follow(carries: .moved(positions))
        case .windowTableFunction: return .follow(carries: .same)
        case .union: return .follow(carries: .lost)
        case .overAggregate(let keys, _, _): return keys.isEmpty ? .single : .keyed([keys], output: keys)
        case .intervalJoin(let type, let left, let right, _, _), .regularJoin(let type, let left, let right, _):
            guard !left.isEmpty else { return .single }
            let leftWidth = plan[node.inputs[0]].schema.fields.count
            let output: [Int]? = switch type {
            case .inner, .left: left
            case .right: right.map { leftWidth + $0 }
            case .full: nil
            }
            return .keyed([left, right], output: output)
        case .windowAggregate(let keys, _, _, _): return .keyed([keys], output: Array(keys.indices))
        case .groupAggregate(let keys, _): return keys.isEmpty ? .single : .keyed([keys], output: Array(keys.indices))
        case .rank(let keys, _, _, _): return keys.isEmpty ? .single : .keyed([keys], output: keys)
        case .temporalSort, .topN, .sort, .sink: return .single
        }
    }

    /// The tasks a node has an instance in.
    public func tasks(of node: Int) -> Range<Int> { isParallel[node] ? 0..<parallelism : 0..<1 }

    /// How many senders feed one input of a node: one per task when a parallel node sends
    /// through an exchange, otherwise one. Each has its own watermark and end of input.
    public func senders(node: Int, port: Int) -> Int {
        exchanges[node][port] != .forward && isParallel[inputs[node][port]] ? parallelism : 1
    }

    /// Which of an input's senders task `task` is.
    public func sender(node: Int, port: Int, task: Int) -> Int {
        exchanges[node][port] != .forward && isParallel[inputs[node][port]] ? task : 0
    }
}
