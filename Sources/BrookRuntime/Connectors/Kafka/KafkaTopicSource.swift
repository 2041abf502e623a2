// The kafka connector's source: records of a topic in the Brook home or a Kafka cluster, parsed by the value format.
import BrookCore
import BrookPlanner
import BrookStorage
import Foundation

/// Reads a topic partition by partition (all of them, or one task's share) from the home's topic log or a Kafka cluster, parsing each record's value
/// with the json (or csv) format and filling `timestamp`, `partition`, `offset` and `topic`
/// metadata columns; records without a value (tombstones) are skipped. With 'value.fields-include'
/// = 'EXCEPT_KEY' the key.fields columns are parsed from the record key instead. Unbounded unless
/// `scan.bounded.mode` is set; commits its offsets to its consumer group after each batch.
final class KafkaTopicSource: SourceReader {
    /// Where a read column comes from: the value (its place among the value's columns), the key
    /// (its place in key.fields), or record metadata.
    enum Cell { case value(Int), key(Int), metadata(String) }

    let options: KafkaOptions
    let log: TopicStore
    let cells: [Cell]
    let types: [DataType]
    let valueColumns: [Int]
    let parser: FilesystemSource.LineParser
    let keyReader: KafkaKeyReader?
    let ignoreParseErrors: Bool
    let tableName: String
    private var positions: [Int32: Int64] = [:]
    private var ends: [Int32: Int64]?
    /// How many partitions the topic has.
    let partitions: Int32
    /// The partitions this reader reads: all of them, or its share when tasks split the topic.
    private var assigned: [Int32]
    private(set) var skippedRecords = 0
    private(set) var lastBatchPartitions: [(partition: Int32, rows: Int)] = []
    var sourcePartitions: [Int32] { assigned }

    var isBounded: Bool { ends != nil }

    init(table: CatalogTable, columns: [Int], homePath: String) throws(RuntimeError) {
        do {
            options = try KafkaOptions(table: table)
        } catch {
            throw RuntimeError(error.description)
        }
        tableName = table.name
        if options.startup == .groupOffsets, options.groupID == nil {
            throw RuntimeError("table '\(table.name)': option 'scan.startup.mode': 'group-offsets' (the default) needs 'properties.group.id', or choose earliest-offset or latest-offset")
        }
        let found: Int32?
        do {
            log = try options.openStore(homePath: homePath)
            found = try log.partitionCount(ofTopic: options.topic, createIfMissing: false)
        } catch {
            throw RuntimeError("table '\(table.name)': topic '\(options.topic)' on \(options.storeDescription): \(error)")
        }
        // A source never creates its topic: a misspelt name should fail, as Flink's KafkaSource does.
        guard let found else {
            throw RuntimeError("table '\(table.name)': topic '\(options.topic)' (option 'topic') does not exist on \(options.storeDescription)")
        }
        partitions = found
        let keyFieldColumns = options.valueExcludesKey ? options.keyFields.compactMap { field in table.columns.firstIndex { $0.name == field } } : []
        var cells: [Cell] = []
        var valueColumns: [Int] = []
        for index in columns {
            switch table.columns[index].kind {
            case .metadata(let key, _): cells.append(.metadata(key))
            default:
                if let place = keyFieldColumns.firstIndex(of: index) {
                    cells.append(.key(place))
                } else {
                    cells.append(.value(valueColumns.count))
                    valueColumns.append(index)
                }
            }
        }
        self.cells = cells
        self.valueColumns = valueColumns
        types = columns.map { table.columns[$0].type.type }
        let valueTypes = valueColumns.map { table.columns[$0].type.type }
        let settings = ConnectorFactory.options(table)
        keyReader = options.keyFormat.flatMap { [keyFields = options.keyFields] format in
            keyFieldColumns.isEmpty ? nil : KafkaKeyReader(format: format, names: keyFields, types: keyFieldColumns.map { table.columns[$0].type.type })
        }
        if options.format == "csv" {
            // A csv value holds every physical column but those only in the key.
            let (fieldTypes, projection) = ConnectorFactory.physicalFields(of: table, reading: valueColumns, excluding: keyFieldColumns)
            parser = .csv(CSVRecordReader(fieldTypes: fieldTypes, projection: projection, options: settings))
            ignoreParseErrors = settings["csv.ignore-parse-errors"] == "true"
        } else {
            parser = .json(JSONRecordReader(names: valueColumns.map { table.columns[$0].name }, types: valueTypes,
                                            failOnMissingField: settings["json.fail-on-missing-field"] == "true"))
            ignoreParseErrors = settings["json.ignore-parse-errors"] == "true"
        }
        assigned = Array(0..<partitions)
        do {
            for partition in 0..<partitions {
                positions[partition] = try options.offset(of: options.startup, partition: partition, log: log)
            }
            if let bounded = options.bounded {
                var ends: [Int32: Int64] = [:]
                for partition in 0..<partitions { ends[partition] = try options.offset(of: bounded, partition: partition, log: log) }
                self.ends = ends
            }
        } catch {
            throw RuntimeError("table '\(table.name)': topic '\(options.topic)' on \(options.storeDescription): \(error)")
        }
    }

    /// Keeps only partitions `task`, `task + tasks`, ...: one task's share when `tasks` tasks read the topic.
    func keepShare(task: Int, of tasks: Int) {
        assigned = assigned.filter { Int($0) % tasks == task }
        positions = positions.filter { Int($0.key) % tasks == task }
        ends = ends?.filter { Int($0.key) % tasks == task }
    }

    func next(maxRows: Int) throws(RuntimeError) -> Batch? {
        var values = types.enumerated().compactMap { index, type -> ColumnBuilder? in
            if case .value = cells[index] { return ColumnBuilder(type: type, capacity: maxRows) }
            return nil
        }
        // Builders of the key and metadata columns, by their place among the read columns.
        var others: [Int: ColumnBuilder] = [:]
        for (index, cell) in cells.enumerated() {
            if case .value = cell { continue }
            others[index] = ColumnBuilder(type: types[index], capacity: maxRows)
        }
        var rows = 0
        var finished = true
        lastBatchPartitions = []
        for partition in assigned where rows < maxRows {
            let position = positions[partition]!
            let end = ends?[partition]
            if let end, position >= end { continue }
            finished = false
            let records: [StoredRecord]
            do {
                records = try log.read(topic: options.topic, partition: partition, offset: position, maxBytes: 4 << 20, maxRecords: maxRows - rows)
            } catch {
                throw RuntimeError("table '\(tableName)': reading topic '\(options.topic)': \(error)")
            }
            let rowsBefore = rows
            defer { if rows > rowsBefore { lastBatchPartitions.append((partition, rows - rowsBefore)) } }
            for record in records {
                if let end, record.offset >= end { break }
                positions[partition] = record.offset + 1
                // A tombstone (no value) gives no row, as Flink's json and csv deserializers return null for it.
                guard let bytes = record.value else { continue }
                // The key is parsed first, into columns of its own, so a bad value leaves no half row behind.
                var keyColumns: [Column] = []
                do throws(JSONRecordReader.LineError) {
                    keyColumns = try keyReader?.read(record.key) ?? []
                } catch {
                    if ignoreParseErrors {
                        skippedRecords += 1
                        continue
                    }
                    throw RuntimeError("topic \(options.topic) partition \(partition) offset \(record.offset): key column \(error.offset + 1): \(error.message)")
                }
                do throws(JSONRecordReader.LineError) {
                    try bytes.withUnsafeBufferPointer { line throws(JSONRecordReader.LineError) in
                        switch parser {
                        case .json(let reader): try reader.read(line, into: &values)
                        case .csv(let reader): try reader.read(line, into: &values)
                        }
                    }
                } catch {
                    if ignoreParseErrors {
                        skippedRecords += 1
                        continue
                    }
                    throw RuntimeError("topic \(options.topic) partition \(partition) offset \(record.offset): column \(error.offset + 1): \(error.message)")
                }
                for (index, cell) in cells.enumerated() {
                    switch cell {
                    case .value: continue
                    case .key(let place): others[index]!.append(from: keyColumns[place], row: 0)
                    case .metadata(let key):
                        let value = KafkaMetadata.value(key, record: record, partition: partition, topic: options.topic)
                        let type = KafkaMetadata.keys[key]?.type ?? types[index]
                        others[index]!.append(try Cast.value(value, from: type, to: types[index], isTry: false, context: EvaluationContext()))
                    }
                }
                rows += 1
            }
        }
        if let groupID = options.groupID, rows > 0 {
            try? log.commitOffsets(group: groupID, offsets: positions.map { CommittedOffset(topic: options.topic, partition: $0.key, offset: $0.value) })
        }
        if rows == 0 {
            if isBounded && finished { return nil }
            if !isBounded { Thread.sleep(forTimeInterval: 0.05) }
        }
        var builtValues = values.map { $0.build() }.makeIterator()
        let columns = cells.indices.map { index -> Column in
            if let builder = others[index] { return builder.build() }
            return builtValues.next()!
        }
        return Batch(columns: columns, count: rows)
    }
}
