// Binding of OVER calls: the window specification, the ordering time attribute, and each call's frame.
import BrookCore
import BrookSQL

extension ExpressionContext {
    func bindOverCall(_ call: FunctionCall, definition: FunctionDefinition, over: OverClause, range: SourceRange) throws(SQLError) -> BoundExpression {
        guard var collector = overCalls else {
            throw SQLError("OVER windows are not allowed in \(clause)", at: range, hint: clause == "WHERE" ? "compute it in a subquery or view, then filter that" : nil)
        }
        guard definition.name != "LISTAGG" else {
            throw SQLError("LISTAGG cannot take OVER; use it in GROUP BY or a window aggregation", at: range)
        }
        let spec = try resolveSpecification(over, at: range)
        var partitionKeys: [Int] = []
        for expression in spec.partitionBy {
            guard case .column(let index, _) = try bind(expression) else {
                throw SQLError("PARTITION BY takes column names", at: expression.range, hint: "compute the expression in a subquery or view first")
            }
            partitionKeys.append(index)
        }
        if call.distinct, definition.kind != .aggregate {
            throw SQLError("DISTINCT applies only to aggregate functions, not to \(definition.name)", at: range)
        }
        if definition.name == "ROW_NUMBER", let ranking = try rankingOrder(spec, partitionKeys: partitionKeys) {
            guard call.arguments.isEmpty else { throw SQLError("ROW_NUMBER takes no arguments", at: range) }
            let type = try infer(definition, [], argumentRanges: [], range: range)
            let provisional = collector.add(OverCallCollector.Pending(
                partitionKeys: partitionKeys, orderKey: ranking[0].column,
                call: OverCall(function: definition.name, arguments: [], frame: try overFrame(nil, definition: definition, range: range), type: type),
                ranking: ranking))
            overCalls = collector
            return .column(provisional, type)
        }
        guard spec.orderBy.count == 1, let order = spec.orderBy.first else {
            throw SQLError("OVER needs exactly one ORDER BY column, a time attribute", at: spec.range.isKnown ? spec.range : range,
                           hint: "write OVER (PARTITION BY ... ORDER BY <rowtime column>)")
        }
        guard case .column(let orderKey, _) = try bind(order.expression) else {
            throw SQLError("OVER must be ordered by a column", at: order.expression.range)
        }
        let orderField = grouping?.keyFields[orderKey] ?? scope.fields[orderKey]
        if !binder.settings.isBatch {
            guard orderField.isRowtime else {
                throw SQLError("OVER windows must be ordered by a time attribute, but '\(orderField.name)' is a plain \(orderField.type.type)",
                               at: order.expression.range,
                               hint: "streaming over-aggregates emit rows in event-time order as the watermark passes, so ORDER BY needs a column with a WATERMARK; "
                                   + "a regular join, an aggregation or an expression turns a time attribute into a plain timestamp (an interval join keeps it)")
            }
            guard !order.descending else {
                throw SQLError("OVER windows must be ordered ascending by time", at: order.expression.range)
            }
        } else {
            guard orderField.type.type.isTimestamp, !order.descending else {
                throw SQLError("OVER windows must be ordered ascending by a TIMESTAMP or TIMESTAMP_LTZ column, "
                               + "but this one is ordered by '\(orderField.name)' (\(orderField.type.type)\(order.descending ? ", descending" : ""))",
                               at: order.expression.range,
                               hint: "ordering over-aggregates by other columns or descending is not supported yet")
            }
        }
        var args: [BoundExpression] = []
        for argument in call.arguments {
            if binder.containsAggregate(argument), grouping == nil {
                throw SQLError("aggregate functions cannot be nested in an OVER call", at: argument.range)
            }
            args.append(try bind(argument))
        }
        let type = try infer(definition, args, argumentRanges: call.arguments.map(\.range), range: range)
        if ["LAG", "LEAD"].contains(definition.name), args.count == 3, args[2].type.type != type.type {
            // The default takes the value's type (LAG(int_col, 1, 0.5) gives 0), as Flink's LAG does.
            args[2] = .cast(args[2], ColumnType(type.type, nullable: args[2].type.nullable), isTry: false)
        }
        let frame = try overFrame(spec.frame, definition: definition, range: spec.range.isKnown ? spec.range : range)
        let provisional = collector.add(OverCallCollector.Pending(
            partitionKeys: partitionKeys, orderKey: orderKey,
            call: OverCall(function: definition.name, arguments: args, frame: frame, type: type, distinct: call.distinct)))
        overCalls = collector
        return .column(provisional, type)
    }

    /// For ROW_NUMBER ordered by anything but one ascending time attribute (a Top-N or a
    /// keep-last deduplication, which a filter on the row number must follow), the sort keys;
    /// nil when the order is the time order an ordinary over-aggregate takes.
    private func rankingOrder(_ spec: WindowSpecification, partitionKeys: [Int]) throws(SQLError) -> [SortKey]? {
        guard !spec.orderBy.isEmpty else { return nil }
        var keys: [SortKey] = []
        for item in spec.orderBy {
            guard case .column(let column, _) = try bind(item.expression) else { return nil }
            keys.append(SortKey(column: column, descending: item.descending, nullsFirst: item.nullsFirst ?? !item.descending))
        }
        if keys.count == 1, !keys[0].descending {
            let field = grouping?.keyFields[keys[0].column] ?? scope.fields[keys[0].column]
            if binder.settings.isBatch ? field.type.type.isTimestamp : field.isRowtime { return nil }
        }
        return keys
    }

    /// The window of an OVER clause with named windows and refinements (`OVER (w ROWS ...)`) merged in.
    private func resolveSpecification(_ over: OverClause, at range: SourceRange) throws(SQLError) -> WindowSpecification {
        var spec: WindowSpecification
        var baseName: Identifier?
        switch over {
        case .named(let name):
            baseName = name
            spec = WindowSpecification(range: name.range)
        case .specification(let written):
            spec = written
            baseName = written.base
        }
        if let baseName {
            guard let base = namedWindows[baseName.value] else {
                throw SQLError("unknown window '\(baseName.value)'", at: baseName.range, hint: "define it with WINDOW \(baseName.value) AS (...) after the FROM clause")
            }
            if spec.partitionBy.isEmpty { spec.partitionBy = base.partitionBy }
            if spec.orderBy.isEmpty { spec.orderBy = base.orderBy }
            if spec.frame == nil { spec.frame = base.frame }
            if !spec.range.isKnown { spec.range = base.range }
        }
        return spec
    }

    /// The frame a call computes over: ROWS offsets as row counts, RANGE offsets as milliseconds;
    /// without a frame, RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, as the SQL standard says.
    private func overFrame(_ frame: WindowFrame?, definition: FunctionDefinition, range: SourceRange) throws(SQLError) -> OverFrame {
        if definition.kind == .window {
            return OverFrame(unit: .rows, preceding: .unbounded, following: .currentRow)
        }
        guard let frame else { return OverFrame(unit: .range, preceding: .unbounded, following: .currentRow) }
        func bound(_ written: FrameBound, preceding: Bool) throws(SQLError) -> OverFrame.Bound {
            switch written {
            case .unboundedPreceding: return .unbounded
            case .currentRow: return .currentRow
            case .unboundedFollowing, .following:
                throw SQLError("window frames must end at CURRENT ROW: a streaming over-aggregate emits each row once, without waiting for later rows",
                               at: range, hint: "use ROWS|RANGE BETWEEN ... PRECEDING AND CURRENT ROW")
            case .preceding(let expression):
                let value = ConstantFolder.evaluate(try ExpressionContext(binder: binder, scope: .empty, clause: "a window frame").bind(expression))
                switch (frame.unit, value) {
                case (.rows, .integer(let rows)?) where rows >= 0 && rows <= Int64(Int32.max): return .offset(rows)
                case (.range, .intervalMilliseconds(let ms)?) where ms >= 0: return .offset(ms)
                case (.rows, _):
                    throw SQLError("ROWS frame offsets must be integer literals from 0 to \(Int32.max)", at: expression.range)
                case (.range, _):
                    throw SQLError("RANGE frame offsets must be non-negative day-time INTERVAL literals", at: expression.range,
                                   hint: "write RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW")
                }
            }
        }
        let start = try bound(frame.start, preceding: true)
        let end = try bound(frame.end, preceding: false)
        if case .offset = end {
            throw SQLError("a frame must end at CURRENT ROW", at: range)
        }
        if case .currentRow = start, end != .currentRow {
            throw SQLError("a frame that starts at CURRENT ROW must also end there", at: range)
        }
        return OverFrame(unit: frame.unit, preceding: start, following: end)
    }
}
