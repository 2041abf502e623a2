// MarketSymbols: the built-in tickers with company names, starting prices and volatilities.
import BrookCore

/// The tickers Brook's samples and benchmark use, so every run starts from plausible prices and
/// headlines name real companies; symbols outside the table still get stable synthetic values.
public enum MarketSymbols {
    /// The built-in tickers in a fixed order (mega caps first), so `first(n)` is stable across releases.
    public static let defaultSymbols: [String] = table.map(\.symbol)

    /// The first `n` built-in tickers (at most all of them).
    public static func first(_ n: Int) -> [String] {
        Array(defaultSymbols.prefix(max(n, 0)))
    }

    /// Company name, price near 2024-05-01 and typical daily move in percent.
    static let table: [(symbol: String, name: String, price: Double, dailyVolatility: Double)] = [
        ("AAPL", "Apple", 190, 1.4), ("MSFT", "Microsoft", 420, 1.3), ("NVDA", "Nvidia", 860, 3.0),
        ("AMZN", "Amazon", 180, 1.8), ("GOOGL", "Alphabet", 165, 1.7), ("META", "Meta Platforms", 440, 2.2),
        ("TSLA", "Tesla", 180, 3.5), ("BRK.B", "Berkshire Hathaway", 400, 0.9), ("AVGO", "Broadcom", 1300, 2.5),
        ("JPM", "JPMorgan Chase", 190, 1.2), ("LLY", "Eli Lilly", 760, 1.8), ("V", "Visa", 270, 1.0),
        ("UNH", "UnitedHealth", 490, 1.5), ("XOM", "Exxon Mobil", 118, 1.3), ("MA", "Mastercard", 450, 1.0),
        ("JNJ", "Johnson & Johnson", 145, 0.9), ("PG", "Procter & Gamble", 163, 0.9), ("HD", "Home Depot", 335, 1.2),
        ("COST", "Costco", 725, 1.1), ("MRK", "Merck", 128, 1.1), ("ABBV", "AbbVie", 162, 1.2),
        ("CVX", "Chevron", 160, 1.3), ("CRM", "Salesforce", 270, 2.0), ("AMD", "Advanced Micro Devices", 155, 3.0),
        ("NFLX", "Netflix", 560, 2.2), ("BAC", "Bank of America", 37, 1.4), ("PEP", "PepsiCo", 175, 0.9),
        ("KO", "Coca-Cola", 62, 0.8), ("WMT", "Walmart", 60, 1.0), ("TMO", "Thermo Fisher Scientific", 570, 1.3),
        ("ADBE", "Adobe", 470, 2.0), ("ORCL", "Oracle", 115, 1.8), ("CSCO", "Cisco Systems", 47, 1.1),
        ("ACN", "Accenture", 300, 1.4), ("MCD", "McDonald's", 270, 1.0), ("ABT", "Abbott Laboratories", 106, 1.1),
        ("LIN", "Linde", 440, 1.0), ("DIS", "Walt Disney", 112, 1.6), ("WFC", "Wells Fargo", 59, 1.5),
        ("INTC", "Intel", 31, 2.5), ("QCOM", "Qualcomm", 165, 2.2), ("TXN", "Texas Instruments", 175, 1.5),
        ("INTU", "Intuit", 630, 1.8), ("AMGN", "Amgen", 275, 1.3), ("DHR", "Danaher", 245, 1.3),
        ("IBM", "IBM", 165, 1.3), ("CAT", "Caterpillar", 335, 1.6), ("PFE", "Pfizer", 26, 1.4),
        ("VZ", "Verizon", 39, 1.1), ("T", "AT&T", 17, 1.2), ("CMCSA", "Comcast", 38, 1.3),
        ("NOW", "ServiceNow", 700, 2.0), ("GE", "GE Aerospace", 160, 1.6), ("UBER", "Uber Technologies", 66, 2.5),
        ("AMAT", "Applied Materials", 200, 2.5), ("PM", "Philip Morris", 95, 1.1), ("ISRG", "Intuitive Surgical", 370, 1.6),
        ("GS", "Goldman Sachs", 425, 1.4), ("MS", "Morgan Stanley", 91, 1.4), ("NKE", "Nike", 92, 1.7),
        ("SPGI", "S&P Global", 415, 1.1), ("BKNG", "Booking Holdings", 3450, 1.6), ("HON", "Honeywell", 193, 1.1),
        ("LOW", "Lowe's", 228, 1.3), ("UNP", "Union Pacific", 236, 1.2), ("RTX", "RTX", 101, 1.2),
        ("BA", "Boeing", 168, 2.2), ("SBUX", "Starbucks", 75, 1.8), ("AXP", "American Express", 234, 1.4),
        ("BLK", "BlackRock", 755, 1.2), ("DE", "Deere", 392, 1.5), ("PLD", "Prologis", 102, 1.6),
        ("LMT", "Lockheed Martin", 465, 1.0), ("MDT", "Medtronic", 80, 1.1), ("GILD", "Gilead Sciences", 65, 1.2),
        ("SYK", "Stryker", 335, 1.2), ("ADP", "Automatic Data Processing", 242, 1.0), ("MU", "Micron Technology", 113, 3.0),
        ("LRCX", "Lam Research", 900, 2.6), ("PANW", "Palo Alto Networks", 290, 2.4), ("ADI", "Analog Devices", 200, 1.7),
        ("MDLZ", "Mondelez", 72, 1.0), ("C", "Citigroup", 61, 1.5), ("SCHW", "Charles Schwab", 73, 1.8),
        ("CVS", "CVS Health", 67, 1.8), ("PYPL", "PayPal", 68, 2.2), ("SNOW", "Snowflake", 155, 3.2),
        ("SHOP", "Shopify", 70, 3.2), ("PLTR", "Palantir", 22, 3.5), ("COIN", "Coinbase", 205, 4.5),
        ("ABNB", "Airbnb", 158, 2.2), ("F", "Ford Motor", 12, 2.0), ("GM", "General Motors", 45, 1.8),
        ("DAL", "Delta Air Lines", 51, 2.0), ("MMM", "3M", 96, 1.5), ("SO", "Southern Company", 74, 1.0),
        ("NEE", "NextEra Energy", 67, 1.6), ("TGT", "Target", 160, 1.8), ("CRWD", "CrowdStrike", 310, 3.0),
        ("MRNA", "Moderna", 110, 3.2),
    ]

    /// Everything the generator needs about one symbol; unknown symbols get hash-derived values so
    /// any ticker the user types produces stable, plausible data.
    static func profile(for symbol: String) -> SymbolProfile {
        var rng = SplitMix64(seed: 0x5359_4D42_4F4C, symbol: symbol, stream: 1)
        let baseVolume = 400 + Double(rng.below(4_600))
        if let entry = table.first(where: { $0.symbol == symbol }) {
            return SymbolProfile(
                symbol: symbol, company: entry.name, startPrice: entry.price,
                dailyVolatility: entry.dailyVolatility / 100, baseVolume: baseVolume)
        }
        let price = 8 + Double(rng.below(39_200)) / 100
        let volatility = (1 + Double(rng.below(250)) / 100) / 100
        return SymbolProfile(
            symbol: symbol, company: syntheticName(rng: &rng), startPrice: price,
            dailyVolatility: volatility, baseVolume: baseVolume)
    }

    private static func syntheticName(rng: inout SplitMix64) -> String {
        let heads = ["Vel", "Or", "Cal", "Nex", "Bri", "Tor", "Quan", "Ash", "Mer", "Lum", "Sol", "Hal", "Kin", "Ver"]
        let tails = ["trix", "via", "ten", "ora", "dyne", "cor", "ium", "ant", "wave", "gen", "ford", "ex"]
        let suffixes = ["Holdings", "Technologies", "Corp", "Industries", "Therapeutics", "Systems", "Group"]
        return heads[rng.below(heads.count)] + tails[rng.below(tails.count)] + " " + suffixes[rng.below(suffixes.count)]
    }
}

/// One symbol's fixed traits for a run.
struct SymbolProfile {
    let symbol: String
    let company: String
    let startPrice: Double
    let dailyVolatility: Double
    let baseVolume: Double
}
