// Resolution of CREATE TABLE: column types, computed columns, metadata columns, watermark, options.
import BrookCore
import BrookSQL

extension Binder {
    /// Checks a CREATE TABLE and turns it into a catalog table, binding computed columns and the
    /// watermark so that mistakes surface now rather than when a job starts.
    func resolveTable(_ create: CreateTable, sql: String) throws(SQLError) -> CatalogTable {
        var columns: [TableColumn] = []
        var seen: [String: SourceRange] = [:]
        for definition in create.columns {
            let name = definition.name
            if seen[name.value] != nil {
                throw SQLError("column '\(name.value)' is defined twice", at: name.range)
            }
            seen[name.value] = name.range
            switch definition {
            case .physical(_, let type, _):
                columns.append(TableColumn(name: name.value, type: ColumnType(type.type, nullable: type.nullable), kind: .physical))
            case .metadata(_, let type, let key, let isVirtual, _):
                columns.append(TableColumn(name: name.value, type: ColumnType(type.type, nullable: type.nullable),
                                           kind: .metadata(key: key ?? name.value, isVirtual: isVirtual)))
            case .computed:
                columns.append(TableColumn(name: name.value, type: ColumnType(.null), kind: .physical))
            }
        }
        let stored = Scope(fields: columns.enumerated().compactMap { index, column in
            if case .computed = create.columns[index] { return nil }
            return Field(name: column.name, type: column.type)
        })
        for (index, definition) in create.columns.enumerated() {
            guard case .computed(_, let expression, _) = definition else { continue }
            let context = ExpressionContext(binder: self, scope: stored, clause: "a computed column")
            let bound = try context.bind(expression)
            let storedIndex = { (i: Int) -> Int in
                let name = stored.fields[i].name
                return columns.firstIndex { $0.name == name }!
            }
            columns[index] = TableColumn(name: columns[index].name, type: bound.type, kind: .computed(bound.remapColumns(storedIndex)))
        }
        var watermark: WatermarkSpec?
        if let definition = create.watermark {
            guard let column = columns.firstIndex(where: { $0.name == definition.column.value }) else {
                let hint = closestName(to: definition.column.value, among: columns.map(\.name))
                throw SQLError("WATERMARK FOR unknown column '\(definition.column.value)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""),
                               at: definition.column.range)
            }
            let type = columns[column].type.type
            guard type == .timestamp(precision: 3) || type == .timestampLTZ(precision: 3) else {
                throw SQLError("the WATERMARK column '\(columns[column].name)' must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), not \(type)",
                               at: definition.column.range,
                               hint: "compute one, e.g. event_time AS TO_TIMESTAMP_LTZ(ts_millis, 3)")
            }
            let all = Scope(fields: columns.map { Field(name: $0.name, type: $0.type) })
            let expression = try ExpressionContext(binder: self, scope: all, clause: "WATERMARK").bind(definition.expression)
            guard expression.type.type == type else {
                throw SQLError("the WATERMARK expression must be \(type) like its column, got \(expression.type.type)", at: definition.expression.range)
            }
            watermark = WatermarkSpec(column: column, columnName: columns[column].name, expression: expression, delayMilliseconds: watermarkDelay(expression, column: column))
        }
        for key in create.primaryKey where !columns.contains(where: { $0.name == key.value }) {
            throw SQLError("PRIMARY KEY names unknown column '\(key.value)'", at: key.range)
        }
        var optionKeys: [String: SourceRange] = [:]
        for option in create.options {
            if optionKeys[option.key] != nil {
                throw SQLError("option '\(option.key)' is given twice", at: option.range)
            }
            optionKeys[option.key] = option.range
        }
        guard create.options.contains(where: { $0.key == "connector" }) else {
            throw SQLError("table '\(create.name)' needs a 'connector' option", at: create.name.range,
                           hint: "add WITH ('connector' = 'filesystem', 'path' = '...', 'format' = 'json'), or kafka, print, blackhole, datagen")
        }
        return CatalogTable(name: create.name.description, columns: columns, watermark: watermark,
                            primaryKey: create.primaryKey.map(\.value), options: create.options, comment: create.comment,
                            isTemporary: create.temporary, sql: sql)
    }

    /// The fixed delay of a `column - INTERVAL ...` watermark (0 for the column itself).
    private func watermarkDelay(_ expression: BoundExpression, column: Int) -> Int64? {
        if case .column(column, _) = expression { return 0 }
        guard case .call("-", let args, _) = expression, case .column(column, _) = args[0],
              case .intervalMilliseconds(let delay)? = ConstantFolder.evaluate(args[1]) else { return nil }
        return delay
    }
}
