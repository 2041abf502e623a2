// MarketDataError: why a generation run was refused or failed.

/// Typed failures so the CLI can say which option or path is wrong.
public enum MarketDataError: Error, Equatable, CustomStringConvertible {
    case noSymbols
    case invalidSymbol(String)
    case duplicateSymbol(String)
    case invalidDayCount(Int)
    case invalidStartDate(MarketDate)
    case invalidHeadlineRange(ClosedRange<Int>)
    case unwritableDirectory(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case nonFiniteSentiment(headline: String)

    public var description: String {
        switch self {
        case .noSymbols:
            return "no symbols given"
        case .invalidSymbol(let symbol):
            return "invalid symbol '\(symbol)': use 1–10 characters A–Z, 0–9, '.' or '-', starting with a letter"
        case .duplicateSymbol(let symbol):
            return "symbol '\(symbol)' is listed twice"
        case .invalidDayCount(let days):
            return "days must be at least 1, got \(days)"
        case .invalidStartDate(let date):
            return "start date \(date) is not a valid date between 1970 and 9999"
        case .invalidHeadlineRange(let range):
            return "headlines per symbol per day must lie within 0...1000, got \(range)"
        case .unwritableDirectory(let path, let reason):
            return "cannot write to directory '\(path)': \(reason)"
        case .writeFailed(let path, let reason):
            return "writing '\(path)' failed: \(reason)"
        case .nonFiniteSentiment(let headline):
            return "sentiment scorer returned a non-finite value for headline '\(headline)'"
        }
    }
}
