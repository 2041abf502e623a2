// The instants a TIMESTAMP holds, and conversions into them that fail instead of overflowing.
import BrookCore

/// Years 0000 to 9999, as Flink's TIMESTAMP; numbers turned into timestamps outside it are an
/// error naming the value, where unchecked arithmetic would trap or wrap around.
enum TimestampRange {
    /// 0000-01-01 00:00:00 and 9999-12-31 23:59:59.999999, in microseconds since the epoch.
    static let micros: ClosedRange<Int64> = -62_167_219_200_000_000...253_402_300_799_999_999

    /// `value` counted in units of `unitMicros` microseconds (1,000,000 for seconds, 1,000 for milliseconds).
    static func micros(_ value: Int64, unitMicros: Int64) throws(RuntimeError) -> Int64 {
        let (product, overflow) = value.multipliedReportingOverflow(by: unitMicros)
        guard !overflow, micros.contains(product) else { throw outside(String(value), unitMicros: unitMicros) }
        return product
    }

    static func micros(_ value: Double, unitMicros: Int64) throws(RuntimeError) -> Int64 {
        let scaled = (value * Double(unitMicros)).rounded(.down)
        guard scaled.isFinite, scaled >= Double(micros.lowerBound), scaled <= Double(micros.upperBound) else {
            throw outside(String(value), unitMicros: unitMicros)
        }
        return Int64(scaled)
    }

    private static func outside(_ value: String, unitMicros: Int64) -> RuntimeError {
        let unit = unitMicros == 1_000_000 ? "seconds" : unitMicros == 1000 ? "milliseconds" : "microseconds"
        return RuntimeError("\(value) \(unit) since 1970 is outside the TIMESTAMP range (years 0000 to 9999)")
    }
}
