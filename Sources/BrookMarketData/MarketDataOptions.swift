// MarketDataOptions: what a `brook datagen market` run generates.

/// The knobs of one generation run; the defaults produce Brook's benchmark set
/// (100 symbols × 26 trading days from 2024-05-01 = 1,014,000 bars).
public struct MarketDataOptions: Sendable {
    public static let defaultSeed: UInt64 = 0x4252_4F4F_4B4D_4B54
    public static let defaultStartDate = MarketDate(year: 2024, month: 5, day: 1)

    public var symbols: [String]
    /// Trading days (weekdays) to generate.
    public var days: Int
    /// The first day; a weekend start moves forward to Monday.
    public var startDate: MarketDate
    public var seed: UInt64
    public var headlinesPerSymbolPerDay: ClosedRange<Int>

    public init(
        symbols: [String] = MarketSymbols.defaultSymbols,
        days: Int = 26,
        startDate: MarketDate = MarketDataOptions.defaultStartDate,
        seed: UInt64 = MarketDataOptions.defaultSeed,
        headlinesPerSymbolPerDay: ClosedRange<Int> = 6...12
    ) {
        self.symbols = symbols
        self.days = days
        self.startDate = startDate
        self.seed = seed
        self.headlinesPerSymbolPerDay = headlinesPerSymbolPerDay
    }

    /// Rejects what would make the output meaningless, naming the offending value.
    public func validate() throws(MarketDataError) {
        guard !symbols.isEmpty else { throw .noSymbols }
        var seen = Set<String>()
        for symbol in symbols {
            guard Self.isWellFormed(symbol) else { throw .invalidSymbol(symbol) }
            guard seen.insert(symbol).inserted else { throw .duplicateSymbol(symbol) }
        }
        guard days >= 1 else { throw .invalidDayCount(days) }
        guard startDate.isValid else { throw .invalidStartDate(startDate) }
        guard headlinesPerSymbolPerDay.lowerBound >= 0, headlinesPerSymbolPerDay.upperBound <= 1_000 else {
            throw .invalidHeadlineRange(headlinesPerSymbolPerDay)
        }
    }

    /// Exchange-style tickers only (A–Z, digits, `.` and `-`), which also keeps them JSON- and URL-safe.
    private static func isWellFormed(_ symbol: String) -> Bool {
        let bytes = symbol.utf8
        guard (1...10).contains(bytes.count), let first = bytes.first, first >= 65, first <= 90 else { return false }
        return bytes.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }
    }
}
