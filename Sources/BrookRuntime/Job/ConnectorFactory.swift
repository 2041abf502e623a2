// Makes a table's reader or writer from its connector options.
import BrookCore
import BrookPlanner

/// Chooses and configures the connector implementation for a catalog table.
enum ConnectorFactory {
    static func options(_ table: CatalogTable) -> [String: String] {
        Dictionary(table.options.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    /// The readers of one scan: one per task when the connector splits its input among
    /// `tasks` parallel readers (the filesystem connector shares its lines out in chunks, the
    /// kafka connector its partitions), otherwise one, which the job runs in a single task.
    static func readers(for table: CatalogTable, columns: [Int], homePath: String?, tasks: Int = 1) throws(RuntimeError) -> [SourceReader] {
        let options = options(table)
        let names = columns.map { table.columns[$0].name }
        let types = columns.map { table.columns[$0].type.type }
        switch table.connector {
        case "filesystem":
            let (files, directory) = try FilesystemSource.files(table: table.name, path: options["path"] ?? "")
            let lines = LineChunks(files: files, follows: FilesystemSource.monitorInterval(options) != nil, directory: directory)
            let (fieldTypes, projection) = physicalFields(of: table, reading: columns)
            return (0..<tasks).map { _ in
                FilesystemSource(lines: lines, format: options["format"] ?? "json", columns: names, types: types,
                                 fieldTypes: fieldTypes, projection: projection, options: options)
            }
        case "datagen":
            return [try DatagenSource(columns: names, types: types, options: options)]
        case "kafka":
            let first = try KafkaTopicSource(table: table, columns: columns, homePath: try home(homePath, table))
            // Each task reads a share of the partitions; with fewer partitions than tasks one task
            // reads them all, since a task without partitions would hold the watermark back forever.
            guard tasks > 1, first.partitions >= tasks else { return [first] }
            first.keepShare(task: 0, of: tasks)
            var readers: [SourceReader] = [first]
            for task in 1..<tasks {
                let reader = try KafkaTopicSource(table: table, columns: columns, homePath: try home(homePath, table))
                reader.keepShare(task: task, of: tasks)
                readers.append(reader)
            }
            return readers
        default:
            throw RuntimeError("table '\(table.name)': the \(table.connector ?? "") connector cannot be read as a source in this build")
        }
    }

    /// The types of `table`'s physical columns in declared order but those `excluded` (a kafka
    /// value without its key-only columns), which a record of a positional format (csv) holds,
    /// and the place among them of each of `columns`.
    static func physicalFields(of table: CatalogTable, reading columns: [Int], excluding excluded: [Int] = []) -> (types: [DataType], projection: [Int]) {
        let physical = table.columns.indices.filter { table.columns[$0].kind == .physical && !excluded.contains($0) }
        return (physical.map { table.columns[$0].type.type }, columns.compactMap { physical.firstIndex(of: $0) })
    }

    static func home(_ path: String?, _ table: CatalogTable) throws(RuntimeError) -> String {
        guard let path else { throw RuntimeError("table '\(table.name)': the kafka connector needs a Brook home for its topics") }
        return path
    }

    static func writer(for table: CatalogTable, homePath: String?, context: EvaluationContext) throws(RuntimeError) -> RowWriter {
        let options = options(table)
        let persisted = table.columns.filter(\.isPersisted)
        switch table.connector {
        case "filesystem":
            return try FileRowWriter(path: options["path"] ?? "", format: options["format"] ?? "json", names: persisted.map(\.name),
                                     types: persisted.map(\.type.type), options: options, context: context)
        case "print":
            return PrintRowWriter(types: persisted.map(\.type.type), options: options, context: context)
        case "blackhole":
            return BlackholeRowWriter()
        case "kafka":
            return try KafkaTopicWriter(table: table, homePath: try home(homePath, table), context: context)
        default:
            throw RuntimeError("table '\(table.name)': the \(table.connector ?? "") connector cannot be written in this build")
        }
    }
}
