// The datagen connector: random or sequential rows, optionally paced per second.
import BrookCore
import Foundation

/// Generates rows as Flink's datagen connector does: `fields.<name>.kind` random (with min/max
/// or length) or sequence (with start/end), `number-of-rows` to bound it, `rows-per-second` to
/// pace it; a sequence ends the source when it runs out. A fixed `seed` makes it repeatable.
public final class DatagenSource: SourceReader {
    struct FieldGenerator {
        var type: DataType
        var sequence: ClosedRange<Int64>?
        var minimum: Double
        var maximum: Double
        var length: Int
    }

    let generators: [FieldGenerator]
    let limit: Int?
    let rowsPerSecond: Int?
    private var produced = 0
    private var random: SplitMix64
    private let started = Date()
    public let skippedRecords = 0

    public var isBounded: Bool { limit != nil }

    public init(columns: [String], types: [DataType], options: [String: String]) throws(RuntimeError) {
        var generators: [FieldGenerator] = []
        for (name, type) in zip(columns, types) {
            let prefix = "fields.\(name)."
            var generator = FieldGenerator(type: type, sequence: nil, minimum: 0, maximum: 1000,
                                           length: Int(options[prefix + "length"] ?? "") ?? 10)
            if options[prefix + "kind"] == "sequence" {
                guard let start = Int64(options[prefix + "start"] ?? ""), let end = Int64(options[prefix + "end"] ?? ""), start <= end else {
                    throw RuntimeError("datagen field '\(name)': a sequence needs integer 'fields.\(name).start' <= 'fields.\(name).end'")
                }
                generator.sequence = start...end
            }
            if let minimum = options[prefix + "min"].flatMap(Double.init) { generator.minimum = minimum }
            if let maximum = options[prefix + "max"].flatMap(Double.init) { generator.maximum = maximum }
            generators.append(generator)
        }
        self.generators = generators
        let sequenceLimit = generators.compactMap { $0.sequence.map { Int($0.upperBound - $0.lowerBound + 1) } }.min()
        let requested = options["number-of-rows"].flatMap { Int($0) }
        limit = [requested, sequenceLimit].compactMap { $0 }.min()
        rowsPerSecond = options["rows-per-second"].flatMap { Int($0) }
        random = SplitMix64(seed: UInt64(options["seed"] ?? "") ?? 42)
    }

    public func next(maxRows: Int) throws(RuntimeError) -> Batch? {
        var count = maxRows
        if let limit {
            if produced >= limit { return nil }
            count = min(count, limit - produced)
        }
        if let rowsPerSecond {
            let allowed = Int(Date().timeIntervalSince(started) * Double(rowsPerSecond)) + 1 - produced
            if allowed <= 0 {
                Thread.sleep(forTimeInterval: 0.01)
                return Batch(columns: generators.map { ColumnBuilder(type: $0.type).build() }, count: 0)
            }
            count = min(count, allowed)
        }
        var builders = generators.map { ColumnBuilder(type: $0.type, capacity: count) }
        for row in 0..<count {
            for (index, generator) in generators.enumerated() {
                if let sequence = generator.sequence {
                    builders[index].append(.integer(sequence.lowerBound + Int64(produced + row)))
                    continue
                }
                let unit = Double(random.next() >> 11) / Double(1 << 53)
                let number = generator.minimum + unit * (generator.maximum - generator.minimum)
                switch PhysicalType.kind(of: generator.type) {
                case .int64:
                    if generator.type.isTimestamp {
                        builders[index].appendInt64(Int64(Date().timeIntervalSince1970 * 1_000_000))
                    } else {
                        builders[index].appendInt64(Arithmetic.wrap(Int64(number.rounded(.down)), to: generator.type))
                    }
                case .double: builders[index].appendDouble(generator.type == .float ? Double(Float(number)) : number)
                case .decimal: builders[index].append(DecimalValue(number).map(Value.decimal) ?? .null)
                case .boolean: builders[index].appendBoolean(random.next() & 1 == 1)
                case .value:
                    builders[index].appendValue(.bytes((0..<generator.length).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
                case .string:
                    let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
                    builders[index].appendString(String((0..<generator.length).map { _ in letters[Int(random.next() % UInt64(letters.count))] }))
                }
            }
        }
        produced += count
        return Batch(columns: builders.map { $0.build() }, count: count)
    }
}
