// The interface every runtime operator implements: rows in, rows out, watermarks, end of input.

/// Where an operator sends what it produces.
public struct OperatorOutput {
    let emitBatch: (Batch) throws(RuntimeError) -> Void

    public init(_ emitBatch: @escaping (Batch) throws(RuntimeError) -> Void) {
        self.emitBatch = emitBatch
    }

    @inline(__always) public func emit(_ batch: Batch) throws(RuntimeError) {
        if batch.count > 0 { try emitBatch(batch) }
    }
}

/// One operator of a running job. An operator is driven by one thread at a time, so it owns its
/// state without locks; the runner calls it with each input's batches, with the combined
/// (minimum) watermark of its inputs when that advances, and once at end of input.
public protocol StreamOperator: AnyObject {
    /// Rows arriving on input `port` (0 for single-input operators, 0/1 for joins).
    func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError)

    /// The combined input watermark reached `watermark` (microseconds); release what it makes
    /// final. Returns the watermark to forward downstream, which may lag the input's.
    func advanceWatermark(to watermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64

    /// All inputs ended (after a final watermark); emit whatever remains.
    func finish(output: OperatorOutput) throws(RuntimeError)

    /// Counters for the job summary: rows dropped as late, rows in state.
    var metrics: OperatorMetrics { get }
}

/// What an operator reports about itself.
public struct OperatorMetrics: Sendable {
    public var rowsIn = 0
    public var rowsOut = 0
    public var lateRowsDropped = 0
    public var rowsInState = 0

    public init() {}
}

extension StreamOperator {
    public func advanceWatermark(to watermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 { watermark }
    public func finish(output: OperatorOutput) throws(RuntimeError) {}
}
