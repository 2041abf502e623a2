// Rule: compute and read only the columns someone downstream uses.
import BrookCore

/// Narrows every node to the columns its consumers need: scans read fewer columns, projections
/// and aggregations drop unused expressions and calls. Over-aggregates keep every call, so the
/// windows a view defines (sma_20 and sma_50) stay mergeable into one operator even when one
/// branch reads only some of them. A pruned node may keep a few extra columns (a filter's
/// inputs); `Pruned.mapping` says where each needed column ended up.
enum ProjectionPruning {
    struct Pruned {
        var plan: LogicalPlan
        /// Old column index → new column index, for every required column.
        var mapping: [Int: Int]
    }

    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        prune(plan, required: Set(plan.schema.fields.indices)).plan
    }

    /// `plan` producing exactly `required`, in ascending order of their old positions.
    static func pruneExactly(_ plan: LogicalPlan, required: Set<Int>) -> Pruned {
        let pruned = prune(plan, required: required)
        let wanted = required.sorted()
        let exact = pruned.plan.schema.count == wanted.count && wanted.enumerated().allSatisfy { pruned.mapping[$1] == $0 }
        if exact { return pruned }
        let expressions = wanted.map { BoundExpression.column(pruned.mapping[$0]!, pruned.plan.schema[pruned.mapping[$0]!].type) }
        let fields = wanted.map { pruned.plan.schema[pruned.mapping[$0]!] }
        let mapping = Dictionary(uniqueKeysWithValues: wanted.enumerated().map { ($1, $0) })
        return Pruned(plan: .project(Project(input: pruned.plan, expressions: expressions, schema: Schema(fields))), mapping: mapping)
    }

    private static func positions(_ wanted: Set<Int>) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: wanted.sorted().enumerated().map { ($1, $0) })
    }

    static func prune(_ plan: LogicalPlan, required: Set<Int>) -> Pruned {
        switch plan {
        case .scan(var scan):
            let kept = required.sorted()
            scan.columns = kept.map { scan.columns[$0] }
            scan.schema = Schema(kept.map { scan.schema[$0] })
            return Pruned(plan: .scan(scan), mapping: positions(required))
        case .values(var values):
            let kept = required.sorted()
            values.rows = values.rows.map { row in kept.map { row[$0] } }
            values.schema = Schema(kept.map { values.schema[$0] })
            return Pruned(plan: .values(values), mapping: positions(required))
        case .project(var project):
            let kept = required.sorted()
            let expressions = kept.map { project.expressions[$0] }
            let input = prune(project.input, required: expressions.reduce(into: Set<Int>()) { $0.formUnion($1.columnsUsed) })
            project.input = input.plan
            project.expressions = expressions.map { $0.remapColumns { input.mapping[$0]! } }
            project.schema = Schema(kept.map { project.schema[$0] })
            return Pruned(plan: .project(project), mapping: positions(required))
        case .filter(var filter):
            let input = prune(filter.input, required: required.union(filter.condition.columnsUsed))
            filter.input = input.plan
            filter.condition = filter.condition.remapColumns { input.mapping[$0]! }
            return Pruned(plan: .filter(filter), mapping: input.mapping)
        case .join(var join):
            let leftCount = join.left.schema.count
            var leftNeeded = Set(required.filter { $0 < leftCount }).union(join.leftKeys)
            var rightNeeded = Set(required.filter { $0 >= leftCount }.map { $0 - leftCount }).union(join.rightKeys)
            for column in join.condition?.columnsUsed ?? [] {
                if column < leftCount { leftNeeded.insert(column) } else { rightNeeded.insert(column - leftCount) }
            }
            let left = pruneExactly(join.left, required: leftNeeded)
            let right = pruneExactly(join.right, required: rightNeeded)
            let newLeftCount = left.plan.schema.count
            var mapping: [Int: Int] = [:]
            for (old, new) in left.mapping { mapping[old] = new }
            for (old, new) in right.mapping { mapping[old + leftCount] = new + newLeftCount }
            let remap = { (column: Int) -> Int in mapping[column]! }
            var fields = left.plan.schema.fields + right.plan.schema.fields
            for (old, new) in mapping { fields[new] = join.schema[old] }
            join.left = left.plan
            join.right = right.plan
            join.leftKeys = join.leftKeys.map { left.mapping[$0]! }
            join.rightKeys = join.rightKeys.map { right.mapping[$0]! }
            join.condition = join.condition?.remapColumns(remap)
            join.residual = join.residual?.remapColumns(remap)
            if var interval = join.interval {
                interval.leftTime = left.mapping[interval.leftTime]!
                interval.rightTime = right.mapping[interval.rightTime]!
                join.interval = interval
            }
            join.schema = Schema(fields)
            return Pruned(plan: .join(join), mapping: mapping)
        case .overAggregate(var over):
            let inputCount = over.input.schema.count
            let keptCalls = Array(over.calls.indices)
            // Every rowtime stays: rows that tie on the ORDER BY time are ordered by the others.
            var needed = Set(required.filter { $0 < inputCount }).union(over.partitionKeys).union(over.input.schema.rowtimeIndices)
            needed.insert(over.orderKey)
            needed.formUnion(over.ranking?.map(\.column) ?? [])
            for index in keptCalls { needed.formUnion(over.calls[index].arguments.reduce(into: Set<Int>()) { $0.formUnion($1.columnsUsed) }) }
            let input = prune(over.input, required: needed)
            let remap = { (column: Int) -> Int in input.mapping[column]! }
            let newInputCount = input.plan.schema.count
            var mapping = input.mapping
            for (position, index) in keptCalls.enumerated() { mapping[inputCount + index] = newInputCount + position }
            over.input = input.plan
            over.partitionKeys = over.partitionKeys.map(remap)
            over.orderKey = remap(over.orderKey)
            over.ranking = over.ranking?.map { SortKey(column: remap($0.column), descending: $0.descending, nullsFirst: $0.nullsFirst) }
            over.calls = keptCalls.map { index in
                var call = over.calls[index]
                call.arguments = call.arguments.map { $0.remapColumns(remap) }
                return call
            }
            over.schema = Schema(input.plan.schema.fields + keptCalls.map { over.schema[inputCount + $0] })
            return Pruned(plan: .overAggregate(over), mapping: mapping)
        case .windowTableFunction(var window):
            let inputCount = window.input.schema.count
            var needed = Set(required.filter { $0 < inputCount })
            needed.insert(window.timeColumn)
            let input = prune(window.input, required: needed)
            let newCount = input.plan.schema.count
            var mapping = input.mapping
            for offset in 0..<3 { mapping[inputCount + offset] = newCount + offset }
            window.input = input.plan
            window.timeColumn = input.mapping[window.timeColumn]!
            var fields = input.plan.schema.fields
            fields[window.timeColumn] = fields[window.timeColumn].materialized
            window.schema = Schema(fields + window.schema.fields.suffix(3))
            return Pruned(plan: .windowTableFunction(window), mapping: mapping)
        case .aggregate(var aggregate):
            let keyCount = aggregate.groupKeys.count
            let keptCalls = aggregate.calls.indices.filter { required.contains(keyCount + $0) }
            var needed = Set(aggregate.groupKeys)
            for index in keptCalls { needed.formUnion(aggregate.calls[index].arguments.reduce(into: Set<Int>()) { $0.formUnion($1.columnsUsed) }) }
            let input = prune(aggregate.input, required: needed)
            let remap = { (column: Int) -> Int in input.mapping[column]! }
            var mapping: [Int: Int] = [:]
            for key in 0..<keyCount { mapping[key] = key }
            for (position, index) in keptCalls.enumerated() { mapping[keyCount + index] = keyCount + position }
            aggregate.input = input.plan
            aggregate.groupKeys = aggregate.groupKeys.map(remap)
            aggregate.calls = keptCalls.map { index in
                var call = aggregate.calls[index]
                call.arguments = call.arguments.map { $0.remapColumns(remap) }
                return call
            }
            aggregate.schema = Schema(Array(aggregate.schema.fields.prefix(keyCount)) + keptCalls.map { aggregate.schema[keyCount + $0] })
            return Pruned(plan: .aggregate(aggregate), mapping: mapping)
        case .union(var union):
            union.inputs = union.inputs.map { pruneExactly($0, required: required).plan }
            let kept = required.sorted()
            union.schema = Schema(kept.map { union.schema[$0] })
            return Pruned(plan: .union(union), mapping: positions(required))
        case .sort(var sort):
            let input = prune(sort.input, required: required.union(sort.keys.map(\.column)))
            sort.input = input.plan
            sort.keys = sort.keys.map { key in
                var copy = key
                copy.column = input.mapping[key.column]!
                return copy
            }
            return Pruned(plan: .sort(sort), mapping: input.mapping)
        case .sink(var sink):
            let input = pruneExactly(sink.input, required: Set(sink.columnMapping.compactMap { $0 }))
            sink.input = input.plan
            sink.columnMapping = sink.columnMapping.map { $0.map { input.mapping[$0]! } }
            return Pruned(plan: .sink(sink), mapping: [:])
        }
    }
}
