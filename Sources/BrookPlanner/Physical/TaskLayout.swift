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
        /// In every task, each input partitioned by these of its columns (one list per input).
        case keyed([[Int]])
        /// In task 0 only.
        case single
        /// Wherever its inputs are: in every task when they all are.
        case follow
    }

    public let parallelism: Int
    /// Per node: true when it runs in every task, false when only in task 0.
    public private(set) var isParallel: [Bool] = []
    /// Per node and input port: the exchange rows take to reach it.
    public private(set) var exchanges: [[Exchange]] = []
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
                if case .keyed(let keys) = requirement { return .hash(keys[port]) }
                return parallel || !isParallel[input] ? .forward : .gather
            })
        }
    }

    public static func requirement(of operation: PhysicalOperator) -> Requirement {
        switch operation {
        // A scan's connector decides whether it splits (the runtime knows once it opens the
        // input); EXPLAIN assumes the ones that can do.
        case .source(_, let connector, _, _): return .source(parallel: connector == "filesystem" || connector == "kafka")
        case .values: return .single
        case .calc, .windowTableFunction, .union: return .follow
        case .overAggregate(let keys, _, _): return keys.isEmpty ? .single : .keyed([keys])
        case .intervalJoin(_, let left, let right, _, _), .regularJoin(_, let left, let right, _):
            return left.isEmpty ? .single : .keyed([left, right])
        case .windowAggregate(let keys, _, _, _): return .keyed([keys])
        case .groupAggregate(let keys, _): return keys.isEmpty ? .single : .keyed([keys])
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
