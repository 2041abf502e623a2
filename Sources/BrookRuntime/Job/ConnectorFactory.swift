// Makes a table's reader or writer from its connector options.
import BrookCore
import BrookPlanner

/// Chooses and configures the connector implementation for a catalog table.
enum ConnectorFactory {
    static func options(_ table: CatalogTable) -> [String: String] {
        Dictionary(table.options.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    static func reader(for table: CatalogTable, columns: [Int]) throws(RuntimeError) -> SourceReader {
        let options = options(table)
        let names = columns.map { table.columns[$0].name }
        let types = columns.map { table.columns[$0].type.type }
        switch table.connector {
        case "filesystem":
            return try FilesystemSource(table: table.name, path: options["path"] ?? "", format: options["format"] ?? "json",
                                        columns: names, types: types, options: options)
        case "datagen":
            return try DatagenSource(columns: names, types: types, options: options)
        default:
            throw RuntimeError("table '\(table.name)': the \(table.connector ?? "") connector cannot be read as a source in this build")
        }
    }

    static func writer(for table: CatalogTable, context: EvaluationContext) throws(RuntimeError) -> RowWriter {
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
        default:
            throw RuntimeError("table '\(table.name)': the \(table.connector ?? "") connector cannot be written in this build")
        }
    }
}
