// Makes a table's reader or writer from its connector options.
import BrookCore
import BrookPlanner

/// Chooses and configures the connector implementation for a catalog table.
enum ConnectorFactory {
    static func options(_ table: CatalogTable) -> [String: String] {
        Dictionary(table.options.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    static func reader(for table: CatalogTable, columns: [Int], homePath: String?) throws(RuntimeError) -> SourceReader {
        let options = options(table)
        let names = columns.map { table.columns[$0].name }
        let types = columns.map { table.columns[$0].type.type }
        switch table.connector {
        case "filesystem":
            return try FilesystemSource(table: table.name, path: options["path"] ?? "", format: options["format"] ?? "json",
                                        columns: names, types: types, options: options)
        case "datagen":
            return try DatagenSource(columns: names, types: types, options: options)
        case "kafka":
            return try KafkaTopicSource(table: table, columns: columns, homePath: try home(homePath, table))
        default:
            throw RuntimeError("table '\(table.name)': the \(table.connector ?? "") connector cannot be read as a source in this build")
        }
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
