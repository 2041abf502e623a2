// EXPLAIN: the logical plan and the physical DAG as indented trees.
import BrookCore
import BrookSQL

/// Prints plans the way Flink's EXPLAIN lays them out (children under `:-` and `+-`), adding for
/// each physical operator its schema, time attributes, whether it emits updates, and its state.
public enum PlanPrinter {
    /// With a parallelism above 1 each physical operator also says how many tasks run it and
    /// how rows reach it from each input (forward, hash on columns, or gathered into task 0).
    public static func explain(logical: [LogicalPlan], physical: PhysicalPlan, parallelism: Int = 1) -> String {
        var out = "== Logical Plan ==\n"
        for root in logical { printLogical(root, prefix: "", childPrefix: "", into: &out) }
        out += "\n== Physical Plan ==\n"
        let consumers = physical.consumerCounts
        var printed = Set<Int>()
        let layout = parallelism > 1 ? TaskLayout(inputs: physical.nodes.map(\.inputs),
                                                  requirements: physical.nodes.map { TaskLayout.requirement(of: $0, in: physical) },
                                                  parallelism: parallelism) : nil
        for root in physical.roots { printPhysical(root, physical, consumers, layout, &printed, prefix: "", childPrefix: "", into: &out) }
        return out
    }

    /// `tasks: 2; from #1: hash[symbol]`, or for a source how it splits its input.
    static func tasksText(_ node: PhysicalNode, _ plan: PhysicalPlan, _ layout: TaskLayout) -> String {
        let count = layout.tasks(of: node.id).count
        var text = "tasks: \(count)"
        if case .source(_, let connector, _, _) = node.operation, count > 1 {
            text += connector == "kafka" ? " (each reads a share of the partitions; one task reads all when there are fewer partitions than tasks)"
                : " (each parses its share of the files' lines)"
        }
        let inputs = node.inputs.enumerated().map { port, input -> String in
            let exchange: String
            switch layout.exchanges[node.id][port] {
            case .forward: exchange = "forward"
            case .gather: exchange = "gathered into one task"
            case .hash(let keys):
                let names = ExpressionPrinter.names(plan[input].schema)
                exchange = "hash[" + keys.map { names[$0] }.joined(separator: ", ") + "]"
            }
            return "from #\(input): " + exchange
        }
        return inputs.isEmpty ? text : text + "; " + inputs.joined(separator: "; ")
    }

    // MARK: logical

    static func printLogical(_ plan: LogicalPlan, prefix: String, childPrefix: String, into out: inout String) {
        out += prefix + describe(plan) + "\n"
        out += childPrefix + "   schema: " + schemaText(plan.schema) + "\n"
        let inputs = plan.inputs
        for (index, input) in inputs.enumerated() {
            let last = index == inputs.count - 1
            printLogical(input, prefix: childPrefix + (last ? "+- " : ":- "), childPrefix: childPrefix + (last ? "   " : ":  "), into: &out)
        }
    }

    static func schemaText(_ schema: Schema) -> String {
        "(" + schema.fields.map { field in field.name + " " + field.type.description + (field.isRowtime ? " *ROWTIME*" : "") }.joined(separator: ", ") + ")"
    }

    static func describe(_ plan: LogicalPlan) -> String {
        switch plan {
        case .scan(let scan): return "Scan(table=[\(scan.table)], fields=[\(scan.schema.fields.map(\.name).joined(separator: ", "))])"
        case .values(let values): return "Values(rows=[\(values.rows.count)])"
        case .project(let project): return "Project(select=[\(selectList(project.expressions, project.schema, input: project.input.schema))])"
        case .filter(let filter): return "Filter(condition=[\(ExpressionPrinter.render(filter.condition, ExpressionPrinter.names(filter.input.schema)))])"
        case .join(let join):
            let names = ExpressionPrinter.names(Schema(join.left.schema.fields + join.right.schema.fields))
            var text = "Join(type=[\(join.type.rawValue)], condition=[\(join.condition.map { ExpressionPrinter.render($0, names) } ?? "true")]"
            if let interval = join.interval { text += ", interval=[\(intervalText(interval, leftCount: join.left.schema.count, names))]" }
            return text + ")"
        case .overAggregate(let over):
            if let ranking = over.ranking {
                return "OverAggregate(partitionBy=[\(over.partitionKeys.map { ExpressionPrinter.names(over.input.schema)[$0] }.joined(separator: ", "))], "
                    + sortText(ranking, nil, over.input.schema) + ", calls=[ROW_NUMBER()])"
            }
            return "OverAggregate(" + overText(over.partitionKeys, over.orderKey, over.calls, over.input.schema, over.schema) + ")"
        case .windowTableFunction(let window):
            return "WindowTableFunction(" + windowText(window.kind, window.timeColumn, window.size, window.step, window.offset, window.input.schema) + ")"
        case .aggregate(let aggregate):
            return (aggregate.windowKeys == nil ? "Aggregate(" : "WindowAggregate(")
                + aggregateText(aggregate.groupKeys, aggregate.calls, aggregate.input.schema, aggregate.schema) + ")"
        case .union: return "Union(all=[true])"
        case .sort(let sort): return "Sort(" + sortText(sort.keys, sort.limit, sort.input.schema) + ")"
        case .sink(let sink): return "Sink(table=[\(sink.table)])"
        }
    }

    static func selectList(_ expressions: [BoundExpression], _ schema: Schema, input: Schema) -> String {
        let names = ExpressionPrinter.names(input)
        return zip(expressions, schema.fields).map { expression, field in
            let text = ExpressionPrinter.render(expression, names)
            return text == field.name ? text : text + " AS " + field.name
        }.joined(separator: ", ")
    }

    static func intervalText(_ interval: IntervalBounds, leftCount: Int, _ names: [String]) -> String {
        let left = names[interval.leftTime]
        let right = names[leftCount + interval.rightTime]
        func shifted(_ ms: Int64) -> String {
            ms == 0 ? right : ms > 0 ? "\(right) + \(DurationText.describe(ms))" : "\(right) - \(DurationText.describe(-ms))"
        }
        if interval.lower == interval.upper { return "\(left) = \(shifted(interval.lower))" }
        return "\(left) BETWEEN \(shifted(interval.lower)) AND \(shifted(interval.upper))"
    }

    static func overText(_ partitionKeys: [Int], _ orderKey: Int, _ calls: [OverCall], _ input: Schema, _ output: Schema) -> String {
        let names = ExpressionPrinter.names(input)
        let callText = calls.enumerated().map { index, call -> String in
            let args = call.arguments.map { ExpressionPrinter.render($0, names) }.joined(separator: ", ")
            let frame = ["LAG", "LEAD", "ROW_NUMBER"].contains(call.function) ? "" : " \(call.frame)"
            return "\(call.function)(\(call.distinct ? "DISTINCT " : "")\(args))\(frame) AS \(output[input.count + index].name)"
        }
        return "partitionBy=[\(partitionKeys.map { names[$0] }.joined(separator: ", "))], orderBy=[\(names[orderKey]) ASC], calls=[\(callText.joined(separator: ", "))]"
    }

    static func windowText(_ kind: WindowFunctionKind, _ timeColumn: Int, _ size: Int64, _ step: Int64, _ offset: Int64, _ input: Schema) -> String {
        var text = "\(kind.rawValue)(time_col=[\(input[timeColumn].name)], "
        switch kind {
        case .tumble: text += "size=[\(DurationText.describe(size))]"
        case .hop: text += "slide=[\(DurationText.describe(step))], size=[\(DurationText.describe(size))]"
        case .cumulate: text += "step=[\(DurationText.describe(step))], size=[\(DurationText.describe(size))]"
        }
        if offset != 0 { text += ", offset=[\(DurationText.describe(offset))]" }
        return text + ")"
    }

    static func aggregateText(_ keys: [Int], _ calls: [AggregateCall], _ input: Schema, _ output: Schema) -> String {
        let names = ExpressionPrinter.names(input)
        let callText = calls.enumerated().map { index, call -> String in
            let args = call.arguments.isEmpty ? "*" : call.arguments.map { ExpressionPrinter.render($0, names) }.joined(separator: ", ")
            return "\(call.function)(\(call.distinct ? "DISTINCT " : "")\(args)) AS \(output[keys.count + index].name)"
        }
        return "groupBy=[\(keys.map { names[$0] }.joined(separator: ", "))], select=[\(callText.joined(separator: ", "))]"
    }

    static func sortText(_ keys: [SortKey], _ limit: Int64?, _ input: Schema) -> String {
        let names = ExpressionPrinter.names(input)
        var text = "orderBy=[" + keys.map { names[$0.column] + ($0.descending ? " DESC" : " ASC") }.joined(separator: ", ") + "]"
        if let limit { text += ", limit=[\(limit)]" }
        return text
    }

    // MARK: physical

    static func printPhysical(_ id: Int, _ plan: PhysicalPlan, _ consumers: [Int], _ layout: TaskLayout?, _ printed: inout Set<Int>,
                              prefix: String, childPrefix: String, into out: inout String) {
        let node = plan[id]
        if printed.contains(id) {
            out += prefix + "Reused(#\(id))\n"
            return
        }
        printed.insert(id)
        let shared = consumers[id] > 1 ? " (#\(id), shared by \(consumers[id]) consumers)" : " (#\(id))"
        let inputSchema = node.inputs.first.map { plan[$0].schema } ?? Schema([])
        out += prefix + describe(node, plan, inputSchema) + shared + "\n"
        out += childPrefix + "   schema: " + schemaText(node.schema) + "\n"
        let displayNames = ExpressionPrinter.names(node.schema)
        let rowtimes = node.schema.fields.indices.filter { node.schema[$0].isRowtime }.map { displayNames[$0] }
        out += childPrefix + "   time attribute: " + (rowtimes.isEmpty ? "none" : rowtimes.joined(separator: ", "))
            + "; changes: " + (node.emitsUpdates ? "updates (+I, -U, +U, -D)" : "append-only (+I)") + "\n"
        switch node.state {
        case .none: out += childPrefix + "   state: none\n"
        case .bounded(let text): out += childPrefix + "   state: \(text)\n"
        case .unbounded(let text): out += childPrefix + "   state: UNBOUNDED: \(text)\n"
        }
        if let layout { out += childPrefix + "   " + tasksText(node, plan, layout) + "\n" }
        for (index, input) in node.inputs.enumerated() {
            let last = index == node.inputs.count - 1
            printPhysical(input, plan, consumers, layout, &printed, prefix: childPrefix + (last ? "+- " : ":- "),
                          childPrefix: childPrefix + (last ? "   " : ":  "), into: &out)
        }
    }

    static func describe(_ node: PhysicalNode, _ plan: PhysicalPlan, _ input: Schema) -> String {
        let names = ExpressionPrinter.names(input)
        switch node.operation {
        case .source(let table, let connector, _, let watermark):
            var text = "Source(table=[\(table)], connector=[\(connector)], fields=[\(node.schema.fields.map(\.name).joined(separator: ", "))]"
            if let watermark {
                let column = watermark.columnName
                let delay = watermark.delayMilliseconds.map { $0 == 0 ? column : "\(column) - \(DurationText.describe($0))" }
                    ?? ExpressionPrinter.render(watermark.expression, [])
                text += ", watermark=[\(delay)]"
            }
            return text + ")"
        case .values(let rows): return "Values(rows=[\(rows.count)])"
        case .calc(let projection, let condition):
            var parts: [String] = []
            let identity = projection.count == input.count && projection.enumerated().allSatisfy { index, expression in
                if case .column(index, _) = expression { return node.schema[index].name == input[index].name }
                return false
            }
            if !identity { parts.append("select=[\(selectList(projection, node.schema, input: input))]") }
            if let condition { parts.append("where=[\(ExpressionPrinter.render(condition, names))]") }
            return "Calc(" + parts.joined(separator: ", ") + ")"
        case .overAggregate(let partitionKeys, let orderKey, let calls):
            return "OverAggregate(" + overText(partitionKeys, orderKey, calls, input, node.schema) + ")"
        case .intervalJoin(let type, let leftKeys, let rightKeys, let bounds, let residual):
            let left = plan[node.inputs[0]].schema
            let all = ExpressionPrinter.names(Schema(left.fields + plan[node.inputs[1]].schema.fields))
            var text = "IntervalJoin(type=[\(type.rawValue)], keys=[\(keyText(leftKeys, rightKeys, left.count, all))], interval=[\(intervalText(bounds, leftCount: left.count, all))]"
            if let residual { text += ", where=[\(ExpressionPrinter.render(residual, all))]" }
            return text + ")"
        case .regularJoin(let type, let leftKeys, let rightKeys, let residual):
            let left = plan[node.inputs[0]].schema
            let all = ExpressionPrinter.names(Schema(left.fields + plan[node.inputs[1]].schema.fields))
            var text = "Join(type=[\(type.rawValue)], keys=[\(keyText(leftKeys, rightKeys, left.count, all))]"
            if let residual { text += ", where=[\(ExpressionPrinter.render(residual, all))]" }
            return text + ")"
        case .windowTableFunction(let kind, let timeColumn, let size, let step, let offset):
            return "WindowTableFunction(" + windowText(kind, timeColumn, size, step, offset, input) + ")"
        case .windowAggregate(let keys, _, _, let calls):
            return "WindowAggregate(" + aggregateText(keys, calls, input, node.schema) + ")"
        case .groupAggregate(let keys, let calls):
            return "GroupAggregate(" + aggregateText(keys, calls, input, node.schema) + ")"
        case .union: return "Union(all=[true])"
        case .temporalSort(let keys): return "TemporalSort(" + sortText(keys, nil, input) + ")"
        case .topN(let keys, let limit): return "TopN(" + sortText(keys, limit, input) + ")"
        case .sort(let keys, let limit): return "Sort(" + sortText(keys, limit, input) + ")"
        case .rank(let partitionKeys, let order, let lower, let upper):
            return "Rank(partitionBy=[\(partitionKeys.map { names[$0] }.joined(separator: ", "))], "
                + sortText(order, nil, input) + ", rankRange=[\(lower)..\(upper)], rankNumber=[\(node.schema.fields.last?.name ?? "")])"
        case .sink(let table, let connector, _): return "Sink(table=[\(table)], connector=[\(connector)])"
        }
    }

    static func keyText(_ left: [Int], _ right: [Int], _ leftCount: Int, _ names: [String]) -> String {
        zip(left, right).map { "\(names[$0]) = \(names[leftCount + $1])" }.joined(separator: ", ")
    }
}
