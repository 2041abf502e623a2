// Binds one expression in its clause: columns, operators, functions, aggregates and OVER calls.
import BrookCore
import BrookSQL

/// What an expression may see and use where it is written: the input columns, the GROUP BY
/// (after which only keys and aggregates are visible), and whether OVER calls are allowed.
final class ExpressionContext {
    let binder: Binder
    var scope: Scope
    var clause: String
    var grouping: Grouping?
    var overCalls: OverCallCollector?
    var namedWindows: [String: WindowSpecification] = [:]
    /// The GROUP BY TUMBLE(...)/HOP(...) window that TUMBLE_START and friends read, if any.
    var groupWindow: LegacyGroupWindow?

    init(binder: Binder, scope: Scope, clause: String) {
        self.binder = binder
        self.scope = scope
        self.clause = clause
    }

    func bind(_ expression: Expression) throws(SQLError) -> BoundExpression {
        if let grouping, let key = grouping.keyExpressions.firstIndex(of: expression) {
            return .column(key, grouping.keyFields[key].type)
        }
        let range = expression.range
        switch expression.kind {
        case .column(let name):
            if let grouping {
                let index = try grouping.inputScope.resolve(name)
                guard let key = grouping.keyOfColumn[index] else {
                    throw SQLError("column '\(name)' must appear in GROUP BY or be used in an aggregate function", at: name.range)
                }
                return .column(key, grouping.keyFields[key].type)
            }
            let index = try scope.resolve(name)
            return .column(index, scope.fields[index].type)
        case .literal(let literal):
            return try LiteralBinder.bind(literal, at: range)
        case .unary(let op, let operand):
            let inner = try bind(operand)
            switch op {
            case .plus:
                try expectNumeric(inner, operand, "unary +")
                return inner
            case .negate:
                guard inner.type.type.isNumeric || inner.type.type.isInterval || inner.type.type == .null else {
                    throw SQLError("cannot negate \(inner.type.type)", at: range)
                }
                return .call("NEGATE", [inner], inner.type)
            case .not:
                try expectBoolean(inner, operand, "NOT")
                return .call("NOT", [inner], ColumnType(.boolean, nullable: inner.type.nullable))
            }
        case .binary(let op, let leftExpression, let rightExpression):
            let left = try bind(leftExpression)
            let right = try bind(rightExpression)
            return try binary(op, left, right, range: range, leftRange: leftExpression.range, rightRange: rightExpression.range)
        case .isNull(let operand, let negated):
            return .call(negated ? "IS NOT NULL" : "IS NULL", [try bind(operand)], ColumnType(.boolean, nullable: false))
        case .isBoolean(let operand, let value, let negated):
            let inner = try bind(operand)
            try expectBoolean(inner, operand, "IS \(value ? "TRUE" : "FALSE")")
            return .call("IS \(negated ? "NOT " : "")\(value ? "TRUE" : "FALSE")", [inner], ColumnType(.boolean, nullable: false))
        case .between(let operand, let lowExpression, let highExpression, let symmetric, let negated):
            let value = try bind(operand)
            let (lowBound, highBound) = (try bind(lowExpression), try bind(highExpression))
            func between(_ low: BoundExpression, _ lowRange: SourceRange, _ high: BoundExpression, _ highRange: SourceRange) throws(SQLError) -> BoundExpression {
                let lower = try binary(negated ? .less : .greaterOrEqual, value, low, range: range, leftRange: operand.range, rightRange: lowRange)
                let upper = try binary(negated ? .greater : .lessOrEqual, value, high, range: range, leftRange: operand.range, rightRange: highRange)
                return .call(negated ? "OR" : "AND", [lower, upper], ColumnType(.boolean, nullable: lower.type.nullable || upper.type.nullable))
            }
            let ordered = try between(lowBound, lowExpression.range, highBound, highExpression.range)
            guard symmetric else { return ordered }
            // SYMMETRIC takes the bounds either way round: x BETWEEN a AND b OR x BETWEEN b AND a.
            let swapped = try between(highBound, highExpression.range, lowBound, lowExpression.range)
            return .call(negated ? "AND" : "OR", [ordered, swapped], ColumnType(.boolean, nullable: ordered.type.nullable || swapped.type.nullable))
        case .isDistinctFrom(let leftExpression, let rightExpression, let negated):
            let (left, right) = (try bind(leftExpression), try bind(rightExpression))
            guard TypeRules.comparable(left.type.type, right.type.type) else {
                throw SQLError("cannot compare \(left.type.type) with \(right.type.type)", at: range, hint: "CAST one side so both have the same type")
            }
            return .call(negated ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM", [left, right], ColumnType(.boolean, nullable: false))
        case .isUnknown(let operand, let negated):
            let inner = try bind(operand)
            try expectBoolean(inner, operand, "IS \(negated ? "NOT " : "")UNKNOWN")
            return .call(negated ? "IS NOT NULL" : "IS NULL", [inner], ColumnType(.boolean, nullable: false))
        case .inList(let operand, let list, let negated):
            let value = try bind(operand)
            var items: [BoundExpression] = []
            for item in list {
                let bound = try bind(item)
                guard TypeRules.comparable(value.type.type, bound.type.type) else {
                    throw SQLError("cannot compare \(value.type.type) with \(bound.type.type) in IN", at: item.range)
                }
                items.append(bound)
            }
            let nullable = value.type.nullable || items.contains { $0.type.nullable }
            return .call(negated ? "NOT IN" : "IN", [value] + items, ColumnType(.boolean, nullable: nullable))
        case .like(let operand, let patternExpression, let escapeExpression, let negated):
            var args = [try bind(operand), try bind(patternExpression)]
            if let escapeExpression { args.append(try bind(escapeExpression)) }
            for (index, arg) in args.enumerated() where !(arg.type.type.isCharacter || arg.type.type == .null) {
                let where_ = [operand, patternExpression, escapeExpression ?? operand][index]
                throw SQLError("LIKE expects strings, got \(arg.type.type)", at: where_.range)
            }
            return .call(negated ? "NOT LIKE" : "LIKE", args, ColumnType(.boolean, nullable: args.contains { $0.type.nullable }))
        case .caseWhen(let operand, let branches, let otherwise):
            return try bindCase(operand: operand, branches: branches, otherwise: otherwise, range: range)
        case .cast(let operand, let target, let isTry):
            let inner = try bind(operand)
            guard TypeRules.castable(inner.type.type, to: target.type) else {
                throw SQLError("cannot cast \(inner.type.type) to \(target.type)", at: range)
            }
            return .cast(inner, ColumnType(target.type, nullable: isTry || inner.type.nullable), isTry: isTry)
        case .function(let call):
            return try bindCall(call, range: range)
        case .jsonObject(let entries, let onNull):
            var args: [BoundExpression] = [.literal(.string(onNull.rawValue), ColumnType(.char(length: onNull.rawValue.count), nullable: false))]
            for entry in entries {
                let key = try bind(entry.key)
                guard key.type.type.isCharacter, !key.type.nullable else {
                    throw SQLError("JSON_OBJECT keys must be non-NULL strings, got \(key.type)", at: entry.key.range)
                }
                args += [key, try bind(entry.value)]
            }
            return .call("JSON_OBJECT", args, ColumnType(.string, nullable: false))
        case .extract(let unit, let operand):
            let inner = try bind(operand)
            guard inner.type.type.isTemporal || inner.type.type.isInterval else {
                throw SQLError("EXTRACT expects a date, time, timestamp or interval, got \(inner.type.type)", at: operand.range)
            }
            if unit == .dayOfWeek || unit == .dayOfYear || unit == .week || unit == .quarter, !(inner.type.type.isTimestamp || inner.type.type == .date) {
                throw SQLError("EXTRACT(\(unit.rawValue) ...) expects a date or timestamp, got \(inner.type.type)", at: operand.range)
            }
            return .call("EXTRACT", [unitLiteral(unit), inner], ColumnType(.bigint, nullable: inner.type.nullable))
        case .roundTime(let operand, let unit, let up):
            return try scalar(up ? "CEIL" : "FLOOR", [try bind(operand), unitLiteral(unit)], argumentRanges: [operand.range, range], range: range)
        case .timestampAdd(let unit, let count, let operand):
            return try scalar("TIMESTAMPADD", [unitLiteral(unit), try bind(count), try bind(operand)], argumentRanges: [range, count.range, operand.range], range: range)
        case .timestampDiff(let unit, let from, let to):
            return try scalar("TIMESTAMPDIFF", [unitLiteral(unit), try bind(from), try bind(to)], argumentRanges: [range, from.range, to.range], range: range)
        case .trim(let side, let characters, let source):
            let name = side == .both ? "TRIM" : side == .leading ? "LTRIM" : "RTRIM"
            var args = [try bind(source)]
            if let characters { args.append(try bind(characters)) }
            return try scalar(name, args, argumentRanges: [source.range] + (characters.map { [$0.range] } ?? []), range: range)
        case .substring(let source, let from, let length):
            var args = [try bind(source), try bind(from)]
            var ranges = [source.range, from.range]
            if let length {
                args.append(try bind(length))
                ranges.append(length.range)
            }
            return try scalar("SUBSTRING", args, argumentRanges: ranges, range: range)
        case .item(let baseExpression, let keyExpression):
            let base = try bind(baseExpression)
            let key = try bind(keyExpression)
            guard let (keyType, valueType) = base.type.type.mapShape else {
                throw SQLError("[] reads a MAP value, but this is \(base.type.type)", at: baseExpression.range)
            }
            guard TypeRules.commonType(keyType, key.type.type) != nil else {
                throw SQLError("the map's keys are \(keyType), so the key in [] cannot be \(key.type.type)", at: keyExpression.range)
            }
            return .call("ITEM", [base, key], ColumnType(valueType, nullable: true))
        case .mapValue(let arguments):
            var args: [BoundExpression] = []
            for argument in arguments { args.append(try bind(argument)) }
            var keyType = DataType.null
            var valueType = DataType.null
            for (index, arg) in args.enumerated() {
                let isKey = index % 2 == 0
                guard let common = TypeRules.commonType(isKey ? keyType : valueType, arg.type.type) else {
                    throw SQLError("MAP[...] \(isKey ? "keys" : "values") must share a type: \(isKey ? keyType : valueType) and \(arg.type.type) do not",
                                   at: arguments[index].range)
                }
                if isKey { keyType = common } else { valueType = common }
            }
            if keyType == .null { keyType = .string }
            if valueType == .null { valueType = .string }
            return .call("MAP", args, ColumnType(.map(key: TypeRules.unpadded(keyType), value: TypeRules.unpadded(valueType)), nullable: false))
        }
    }

    /// A time unit as the literal argument the runtime reads it from.
    private func unitLiteral(_ unit: TimeUnit) -> BoundExpression {
        .literal(.string(unit.rawValue), ColumnType(.char(length: unit.rawValue.count), nullable: false))
    }

    private func expectBoolean(_ bound: BoundExpression, _ expression: Expression, _ what: String) throws(SQLError) {
        guard bound.type.type == .boolean || bound.type.type == .null else {
            throw SQLError("\(what) expects BOOLEAN, got \(bound.type.type)", at: expression.range)
        }
    }

    private func expectNumeric(_ bound: BoundExpression, _ expression: Expression, _ what: String) throws(SQLError) {
        guard bound.type.type.isNumeric || bound.type.type == .null else {
            throw SQLError("\(what) expects a number, got \(bound.type.type)", at: expression.range)
        }
    }

    func binary(_ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression, range: SourceRange,
                leftRange: SourceRange, rightRange: SourceRange) throws(SQLError) -> BoundExpression {
        let nullable = left.type.nullable || right.type.nullable
        switch op {
        case .and, .or:
            for (side, sideRange) in [(left, leftRange), (right, rightRange)] where !(side.type.type == .boolean || side.type.type == .null) {
                throw SQLError("\(op.rawValue) expects BOOLEAN operands, got \(side.type.type)", at: sideRange)
            }
            return .call(op.rawValue, [left, right], ColumnType(.boolean, nullable: nullable))
        case .concat:
            for (side, sideRange) in [(left, leftRange), (right, rightRange)] where !(side.type.type.isCharacter || side.type.type == .null) {
                throw SQLError("|| expects strings, got \(side.type.type)", at: sideRange, hint: "CAST it to STRING first")
            }
            return .call("||", [left, right], ColumnType(.string, nullable: nullable))
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard TypeRules.comparable(left.type.type, right.type.type) else {
                throw SQLError("cannot compare \(left.type.type) with \(right.type.type)", at: range,
                               hint: "CAST one side so both have the same type")
            }
            return .call(op.rawValue, [left, right], ColumnType(.boolean, nullable: nullable))
        case .add, .subtract, .multiply, .divide, .modulo:
            guard let type = TypeRules.arithmetic(op.rawValue, left.type.type, right.type.type) else {
                throw SQLError("cannot apply '\(op.rawValue)' to \(left.type.type) and \(right.type.type)", at: range)
            }
            return .call(op.rawValue, [left, right], ColumnType(type, nullable: nullable || op == .divide || op == .modulo))
        }
    }

    private func bindCase(operand: Expression?, branches: [CaseBranch], otherwise: Expression?, range: SourceRange) throws(SQLError) -> BoundExpression {
        let subject = try operand.map { (e: Expression) throws(SQLError) in try bind(e) }
        var pairs: [BoundExpression] = []
        var resultType: DataType = .null
        var nullable = otherwise == nil
        for branch in branches {
            var condition = try bind(branch.condition)
            if let subject, let operand {
                condition = try binary(.equal, subject, condition, range: branch.condition.range, leftRange: operand.range, rightRange: branch.condition.range)
            } else {
                try expectBoolean(condition, branch.condition, "WHEN")
            }
            let result = try bind(branch.result)
            guard let common = TypeRules.commonType(resultType, result.type.type) else {
                throw SQLError("CASE branches have no common type: \(resultType) and \(result.type.type)", at: branch.result.range)
            }
            resultType = common
            nullable = nullable || result.type.nullable
            pairs += [condition, result]
        }
        var elseValue = BoundExpression.literal(.null, ColumnType(.null))
        if let otherwise {
            elseValue = try bind(otherwise)
            guard let common = TypeRules.commonType(resultType, elseValue.type.type) else {
                throw SQLError("CASE branches have no common type: \(resultType) and \(elseValue.type.type)", at: otherwise.range)
            }
            resultType = common
            nullable = nullable || elseValue.type.nullable
        }
        let type = ColumnType(resultType, nullable: nullable)
        let aligned = pairs.enumerated().map { index, value in
            index % 2 == 1 && value.type.type != resultType ? .cast(value, ColumnType(resultType, nullable: value.type.nullable), isTry: false) : value
        }
        if elseValue.type.type != resultType {
            elseValue = .cast(elseValue, ColumnType(resultType, nullable: true), isTry: false)
        }
        return .caseWhen(pairs: aligned, otherwise: elseValue, type)
    }

    private func bindCall(_ call: FunctionCall, range: SourceRange) throws(SQLError) -> BoundExpression {
        let name = call.name.value.uppercased()
        if LegacyGroupWindow.auxiliaries[name] != nil {
            guard let groupWindow else {
                throw SQLError("\(name) reads a group window, but GROUP BY has none", at: range,
                               hint: "GROUP BY \(name.hasPrefix("HOP") ? "HOP(time, slide, size)" : "TUMBLE(time, size)"), or use the window table functions")
            }
            return try bind(try groupWindow.column(for: call, named: name, at: range))
        }
        guard let definition = binder.functions.lookup(name) else {
            let hint = binder.functions.suggestion(for: name)
            throw SQLError("unknown function '\(call.name.value)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""), at: call.name.range,
                           hint: "SHOW FUNCTIONS lists the functions Brook knows")
        }
        if let filter = call.filter, call.over != nil || definition.kind != .aggregate {
            throw SQLError("FILTER applies only to an aggregate call without OVER", at: filter.range)
        }
        if let over = call.over {
            guard definition.kind != .scalar else {
                throw SQLError("\(name) is not an aggregate or window function and cannot take OVER", at: call.name.range)
            }
            return try bindOverCall(call, definition: definition, over: over, range: range)
        }
        switch definition.kind {
        case .window:
            throw SQLError("\(name) needs an OVER clause", at: range, hint: "write \(name)(...) OVER (PARTITION BY ... ORDER BY <time attribute>)")
        case .aggregate:
            return try bindAggregate(call, definition: definition, range: range)
        case .scalar:
            if call.star || call.distinct {
                throw SQLError("\(name) is not an aggregate function; \(call.star ? "*" : "DISTINCT") is not allowed", at: range)
            }
            var args: [BoundExpression] = []
            for argument in call.arguments { args.append(try bind(argument)) }
            return try scalar(name, args, argumentRanges: call.arguments.map(\.range), range: range)
        }
    }

    /// A scalar call, typed by its registry entry; a signature error points at the argument to blame.
    func scalar(_ name: String, _ args: [BoundExpression], argumentRanges: [SourceRange], range: SourceRange) throws(SQLError) -> BoundExpression {
        guard let definition = binder.functions.lookup(name) else {
            throw SQLError("unknown function '\(name)'", at: range)
        }
        let type = try infer(definition, args, argumentRanges: argumentRanges, range: range)
        return .call(definition.name, args, type)
    }

    func infer(_ definition: FunctionDefinition, _ args: [BoundExpression], argumentRanges: [SourceRange], range: SourceRange) throws(SQLError) -> ColumnType {
        let arguments = FunctionArguments(types: args.map(\.type), constants: args.map(ConstantFolder.evaluate))
        do {
            return try definition.returnType(arguments)
        } catch {
            let at = error.argument.flatMap { $0 < argumentRanges.count ? argumentRanges[$0] : nil } ?? range
            throw SQLError(error.message, at: at)
        }
    }

    private func bindAggregate(_ call: FunctionCall, definition: FunctionDefinition, range: SourceRange) throws(SQLError) -> BoundExpression {
        guard var grouping else {
            throw SQLError("aggregate function \(definition.name) is not allowed in \(clause)", at: range,
                           hint: clause == "WHERE" ? "filter aggregated values with HAVING" : nil)
        }
        let inner = ExpressionContext(binder: binder, scope: grouping.inputScope, clause: "an aggregate function's arguments")
        var args: [BoundExpression] = []
        for argument in call.arguments {
            if binder.containsAggregate(argument) {
                throw SQLError("aggregate functions cannot be nested", at: argument.range)
            }
            args.append(try inner.bind(argument))
        }
        if call.star, definition.name != "COUNT" {
            throw SQLError("only COUNT takes *", at: range)
        }
        if let filter = call.filter {
            // Every aggregate ignores NULL arguments, so AGG(x) FILTER (WHERE c) is AGG(CASE WHEN c THEN x END).
            if binder.containsAggregate(filter) { throw SQLError("aggregate functions cannot be nested", at: filter.range) }
            let condition = try inner.bind(filter)
            guard condition.type.type == .boolean || condition.type.type == .null else {
                throw SQLError("FILTER expects a BOOLEAN condition, got \(condition.type.type)", at: filter.range)
            }
            if call.star { args = [.literal(.integer(1), ColumnType(.int, nullable: false))] }
            args = args.map { argument in
                let type = ColumnType(argument.type.type, nullable: true)
                return .caseWhen(pairs: [condition, argument], otherwise: .literal(.null, type), type)
            }
        }
        let type = try inner.infer(definition, args, argumentRanges: call.arguments.map(\.range), range: range)
        let index = grouping.add(AggregateCall(function: definition.name, arguments: args, distinct: call.distinct, type: type))
        self.grouping = grouping
        return .column(index, type)
    }
}
