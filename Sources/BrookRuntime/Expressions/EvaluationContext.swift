// What an expression may read besides its row: the session time zone, the clock, the watermark.
import BrookCore
import Foundation

/// A failure while a job runs: a bad value in a row, a division by zero, a malformed record.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// The session time zone (`table.local-time-zone`), which decides how TIMESTAMP_LTZ instants
/// read as wall-clock time. UTC, the default, takes a fast path with no lookups.
public struct SessionTimeZone: Sendable {
    public let identifier: String
    private let zone: TimeZone?

    public init(identifier: String) throws(RuntimeError) {
        self.identifier = identifier
        if identifier == "UTC" || identifier == "Z" {
            zone = nil
        } else if let zone = TimeZone(identifier: identifier) {
            self.zone = zone
        } else {
            throw RuntimeError("unknown time zone '\(identifier)' in 'table.local-time-zone'")
        }
    }

    public static let utc = try! SessionTimeZone(identifier: "UTC")

    /// Microseconds to add to an instant to get the local wall-clock reading at that instant.
    @inline(__always) public func offsetMicros(atInstant micros: Int64) -> Int64 {
        guard let zone else { return 0 }
        let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        return Int64(zone.secondsFromGMT(for: date)) * 1_000_000
    }

    /// The instant at which the wall clock in this zone reads `localMicros`.
    public func instant(fromLocal localMicros: Int64) -> Int64 {
        guard zone != nil else { return localMicros }
        let guess = localMicros - offsetMicros(atInstant: localMicros)
        return localMicros - offsetMicros(atInstant: guess)
    }
}

/// Per-evaluation inputs that are not columns.
public struct EvaluationContext: Sendable {
    public var timeZone: SessionTimeZone
    /// The operator's current watermark in microseconds, nil before the first.
    public var watermark: Int64?
    /// The time CURRENT_TIMESTAMP and friends read, microseconds since the epoch: fixed when the
    /// query starts in batch mode, the clock's reading at each evaluation in streaming mode, as
    /// Flink evaluates them once per query or once per record.
    public var now: Int64 { fixedNow ?? EvaluationContext.clock() }
    private var fixedNow: Int64?
    /// The session's settings when the job started (functions such as SENTIMENT read theirs).
    public var settings: [String: String]

    /// `now` nil reads the clock at every evaluation.
    public init(timeZone: SessionTimeZone = .utc, watermark: Int64? = nil, now: Int64? = EvaluationContext.clock(),
                settings: [String: String] = [:]) {
        self.timeZone = timeZone
        self.watermark = watermark
        fixedNow = now
        self.settings = settings
    }

    public static func clock() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) }
}
