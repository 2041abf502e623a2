// WindowAggregate: one result row per key and window, emitted once the watermark passes the window.
import BrookCore
import BrookPlanner

/// Aggregates rows already assigned to windows (by a window table function) per group key and
/// window; a window's row is emitted when the watermark passes its window time (end - 1 ms) and
/// its state is freed. Rows for windows the watermark has passed are late and dropped.
///
/// Groups are found by the keys other than window_start and window_end (a slot per key, looked
/// up once for the run of rows the window function emits for one input row), then by window
/// time among the key's few open windows. Windows close in window-time order and, within one
/// window time, in the order their groups appeared.
public final class WindowAggregateOperator: StreamOperator {
    /// One key's open window: its group key values as output, and its accumulators.
    struct OpenWindow {
        var windowTime: Int64
        var keyValues: [Value]
        var accumulators: [AggregateAccumulator]
    }

    let groupKeys: [Int]
    /// The group keys other than window_start and window_end, which find a row's slot.
    let slotKeys: [Int]
    let windowEndColumn: Int
    let endIsLocalTime: Bool
    let calls: [AggregateCall]
    let arguments: [VectorEvaluator?]
    let outputTypes: [DataType]
    let context: EvaluationContext
    private var slots = RecyclingKeySlots()
    private var open: [[OpenWindow]] = []
    /// Per window time, the slots with a window open at it, in the order they opened.
    private var closing: [Int64: [Int]] = [:]
    private var openCount = 0
    private var watermark = Int64.min
    public private(set) var metrics = OperatorMetrics()
    /// Where late rows go besides the count, when the job has a late-row table.
    var lateRows: LateRowChannel?

    /// `windowStart` and `windowEnd` are positions in `groupKeys`. The window_end column holds
    /// wall-clock time; when the windows were assigned on a TIMESTAMP_LTZ, `endIsLocalTime`
    /// converts it to the instant the watermark measures.
    public init(groupKeys: [Int], windowStart: Int, windowEnd: Int, endIsLocalTime: Bool, calls: [AggregateCall], outputTypes: [DataType], context: EvaluationContext) {
        self.groupKeys = groupKeys
        slotKeys = groupKeys.indices.filter { $0 != windowStart && $0 != windowEnd }.map { groupKeys[$0] }
        windowEndColumn = groupKeys[windowEnd]
        self.endIsLocalTime = endIsLocalTime
        self.calls = calls
        arguments = calls.map { $0.arguments.first.map(ExpressionCompiler.compile) }
        self.outputTypes = outputTypes
        self.context = context
    }

    private func slot(for key: RowKey) -> Int {
        let slot = slots.slot(for: key)
        while open.count < slots.capacity { open.append([]) }
        return slot
    }

    public func process(_ batch: Batch, port: Int, output: OperatorOutput) throws(RuntimeError) {
        metrics.rowsIn += batch.count
        var values: [Column?] = []
        for argument in arguments { values.append(try argument.map { (e: VectorEvaluator) throws(RuntimeError) in try e(batch, context) }) }
        let windowEnds = batch.columns[windowEndColumn]
        var lastKey: RowKey?
        var lastSlot = 0
        for row in 0..<batch.count {
            let end = windowEnds.int64(row)
            let windowTime = (endIsLocalTime ? context.timeZone.instant(fromLocal: end) : end) - 1000
            if windowTime <= watermark {
                metrics.lateRowsDropped += 1
                try lateRows?.send(batch, row: row, time: windowTime)
                continue
            }
            let key = RowKey.of(batch, row: row, columns: slotKeys)
            let keySlot = key == lastKey ? lastSlot : slot(for: key)
            lastKey = key
            lastSlot = keySlot
            var position = open[keySlot].firstIndex { $0.windowTime == windowTime } ?? -1
            if position < 0 {
                position = open[keySlot].count
                open[keySlot].append(OpenWindow(windowTime: windowTime, keyValues: groupKeys.map { batch.columns[$0].value(row) },
                                                accumulators: calls.map { AggregateAccumulator(call: $0, retracts: false) }))
                closing[windowTime, default: []].append(keySlot)
                openCount += 1
            }
            for (index, accumulator) in open[keySlot][position].accumulators.enumerated() {
                accumulator.apply(values[index]?.value(row) ?? .null, sign: 1)
            }
        }
        metrics.rowsInState = openCount
    }

    public func advanceWatermark(to newWatermark: Int64, output: OperatorOutput) throws(RuntimeError) -> Int64 {
        guard newWatermark > watermark else { return watermark }
        watermark = newWatermark
        let ready = closing.keys.filter { $0 <= newWatermark }.sorted()
        guard !ready.isEmpty else { return newWatermark }
        var builder = BatchBuilder(types: outputTypes)
        for windowTime in ready {
            for keySlot in closing.removeValue(forKey: windowTime)! {
                guard let position = open[keySlot].firstIndex(where: { $0.windowTime == windowTime }) else { continue }
                let window = open[keySlot].remove(at: position)
                openCount -= 1
                builder.appendRow(window.keyValues + window.accumulators.map { $0.result() })
                if open[keySlot].isEmpty { slots.release(keySlot) }
            }
        }
        metrics.rowsOut += builder.count
        metrics.rowsInState = openCount
        try output.emit(builder.flush())
        return newWatermark
    }

    public func finish(output: OperatorOutput) throws(RuntimeError) {
        _ = try advanceWatermark(to: Int64.max, output: output)
    }
}
