// The interface of a connector's reading side.
import BrookCore

/// Reads a table's stored columns (those `columns` names, in that order) batch by batch.
public protocol SourceReader: AnyObject {
    /// Up to `maxRows` rows; nil when a bounded source has no more. An unbounded source that
    /// has nothing new returns an empty batch, so the runner can serve other sources.
    func next(maxRows: Int) throws(RuntimeError) -> Batch?

    /// False when the source follows its input for new data and never ends.
    var isBounded: Bool { get }

    /// Records skipped because they could not be parsed (with ignore-parse-errors).
    var skippedRecords: Int { get }

    /// The source partitions this reader reads (Kafka partitions), each with its own watermark;
    /// empty when the input is one stream.
    var sourcePartitions: [Int32] { get }

    /// For the last batch of a partitioned reader: how many rows came from each partition, in
    /// row order.
    var lastBatchPartitions: [(partition: Int32, rows: Int)] { get }
}

extension SourceReader {
    public var sourcePartitions: [Int32] { [] }
    public var lastBatchPartitions: [(partition: Int32, rows: Int)] { [] }
}
