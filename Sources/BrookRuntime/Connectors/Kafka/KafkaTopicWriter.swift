// The kafka connector's sink: rows appended as json records to a topic in the Brook home or a Kafka cluster.
import BrookCore
import BrookKafka
import BrookPlanner
import BrookStorage
import Foundation

/// Appends each inserted row as one record (the json format's object of the physical columns;
/// the key from `key.fields` in `key.format` when given; the create time and headers from
/// `timestamp` and `headers` metadata columns when declared, else now and none), choosing the
/// partition as Kafka's default partitioner does ('default': murmur2 of the key; records without a
/// key all go to one partition per batch, the next batch to the next partition) or always 0
/// ('fixed'). Each batch is one transaction, on disk when the write returns.
final class KafkaTopicWriter: RowWriter {
    let options: KafkaOptions
    let log: TopicStore
    let formatter: RowFormatter
    /// Where the key.fields columns are in a written row.
    let keyPositions: [Int]
    let keyFormatter: RowFormatter?
    let fixedPartition: Bool
    let partitions: Int32
    let names: [String]
    /// Where the value's columns are in a written row: every physical column, or with
    /// 'value.fields-include' = 'EXCEPT_KEY' all but the key.fields.
    let valuePositions: [Int]
    private var timestampColumn: (position: Int, type: DataType)?
    private var headersColumn: (position: Int, type: DataType)?
    /// Where records without a key go in the current batch ('default' partitioner).
    private var stickyPartition: Int32 = 0

    init(table: CatalogTable, homePath: String, context: EvaluationContext) throws(RuntimeError) {
        do {
            options = try KafkaOptions(table: table)
        } catch {
            throw RuntimeError(error.description)
        }
        let persisted = table.columns.filter(\.isPersisted)
        var physical: [Int] = []
        for (position, column) in persisted.enumerated() {
            guard case .metadata(let key, _) = column.kind else {
                physical.append(position)
                continue
            }
            switch key {
            case "timestamp": timestampColumn = (position, column.type.type)
            case "headers": headersColumn = (position, column.type.type)
            default:
                throw RuntimeError("table '\(table.name)': column '\(column.name)' is metadata '\(key)', which a sink cannot write; declare it VIRTUAL")
            }
        }
        // KafkaOptions has checked that key.fields name physical columns.
        let keyPositions = options.keyFields.compactMap { field in physical.first { persisted[$0].name == field } }
        self.keyPositions = keyPositions
        valuePositions = options.valueExcludesKey ? physical.filter { !keyPositions.contains($0) } : physical
        names = valuePositions.map { persisted[$0].name }
        formatter = RowFormatter(names: names, types: valuePositions.map { persisted[$0].type.type }, format: options.format,
                                 delimiter: table.option("csv.field-delimiter") ?? ",", context: context)
        let keyTypes = keyPositions.map { persisted[$0].type.type }
        keyFormatter = options.keyFormat.map { [keyFields = options.keyFields] format in
            RowFormatter(names: keyFields, types: keyTypes, format: format, delimiter: ",", context: context)
        }
        fixedPartition = table.option("sink.partitioner") == "fixed"
        let found: Int32?
        do {
            log = try options.openStore(homePath: homePath)
            // Writing creates a missing topic, as Kafka brokers with auto.create.topics.enable do.
            found = try log.partitionCount(ofTopic: options.topic, createIfMissing: true)
        } catch {
            throw RuntimeError("table '\(table.name)': topic '\(options.topic)' on \(options.storeDescription): \(error)")
        }
        guard let found else {
            throw RuntimeError("table '\(table.name)': topic '\(options.topic)' (option 'topic') does not exist on \(options.storeDescription), which did not create it")
        }
        partitions = found
    }

    func write(_ batch: Batch) throws(RuntimeError) {
        var byPartition: [Int32: [AppendRecord]] = [:]
        let now = TopicLog.nowMilliseconds()
        let values = Batch(columns: valuePositions.map { batch.columns[$0] }, count: batch.count)
        let keys = Batch(columns: keyPositions.map { batch.columns[$0] }, count: batch.count)
        for row in 0..<batch.count where batch.kind(row).isAccumulate {
            var line = ""
            formatter.append(values, row: row, to: &line)
            line.removeLast()
            let key = keyFormatter.flatMap { format in recordKey(keys, row: row, format: format) }
            var partition: Int32 = 0
            if !fixedPartition {
                partition = key.map { KafkaPartitioner.partition(ofKey: Array($0.utf8), partitions: partitions) } ?? stickyPartition
            }
            var timestamp = now
            if let (position, type) = timestampColumn,
               case .timestamp(let micros) = try metadata(batch.columns[position].value(row), from: type, key: "timestamp") {
                timestamp = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
            }
            var headers: [RecordHeader] = []
            if let (position, type) = headersColumn {
                headers = KafkaMetadata.headers(try metadata(batch.columns[position].value(row), from: type, key: "headers"))
            }
            byPartition[partition, default: []].append(AppendRecord(timestamp: timestamp, key: key.map { Array($0.utf8) }, value: Array(line.utf8), headers: headers))
        }
        // Kafka's default partitioner sends records without a key to one partition per batch, then moves on.
        stickyPartition = (stickyPartition + 1) % partitions
        do {
            for (partition, records) in byPartition.sorted(by: { $0.key < $1.key }) {
                try log.append(topic: options.topic, partition: partition, records: records)
            }
        } catch {
            throw RuntimeError("writing topic '\(options.topic)': \(error)")
        }
    }

    /// A metadata cell as the metadata key's own type (the column may declare another).
    private func metadata(_ value: Value, from type: DataType, key: String) throws(RuntimeError) -> Value {
        try Cast.value(value, from: type, to: KafkaMetadata.keys[key]!.type, isTry: false, context: formatter.context)
    }

    /// The key as `key.format` writes it; raw is the one field's text, NULL stays a null key.
    private func recordKey(_ keys: Batch, row: Int, format: RowFormatter) -> String? {
        if format.format == "raw" {
            let value = keys.columns[0].value(row)
            return value.isNull ? nil : ValueText.plain(value, type: format.types[0], context: format.context)
        }
        var text = ""
        format.append(keys, row: row, to: &text)
        text.removeLast()
        return text
    }

    func close() throws(RuntimeError) {}
}
