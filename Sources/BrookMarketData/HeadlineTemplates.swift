// HeadlineTemplates: the headline wordings, each with its tone and how far it moves the price.

/// The values a wording may quote.
struct HeadlineFacts {
    let company: String
    let symbol: String
    let firm: String
    let priceTarget: Int
    let percent: Int
    let quarter: Int
    let billions: Int
}

/// One wording; its tone decides the direction of the move so prices react the way the text says.
struct HeadlineTemplate: Sendable {
    enum Tone: Sendable {
        case positive, negative, neutral
    }

    enum Impact: Sendable {
        /// The text quotes the percentage (`Shares Fall 4%`), so the move matches it.
        case quoted
        case mild
        case none
    }

    let tone: Tone
    let impact: Impact
    let render: @Sendable (HeadlineFacts) -> String
}

enum HeadlineTemplates {
    static let positive: [HeadlineTemplate] = [
        .init(tone: .positive, impact: .mild) { "\($0.firm) Raises \($0.company) Price Target To $\($0.priceTarget)" },
        .init(tone: .positive, impact: .mild) { "\($0.firm) Upgrades \($0.company) To Buy" },
        .init(tone: .positive, impact: .mild) { "\($0.firm) Initiates Coverage On \($0.company) With Overweight Rating, Announces $\($0.priceTarget) Price Target" },
        .init(tone: .positive, impact: .quoted) { "\($0.company) Shares Climb \($0.percent)% After Earnings Beat" },
        .init(tone: .positive, impact: .quoted) { "\($0.company) Stock Jumps \($0.percent)% On Strong Demand Outlook" },
        .init(tone: .positive, impact: .quoted) { "\($0.company) Soars \($0.percent)% As Analysts Cheer Record Quarter" },
        .init(tone: .positive, impact: .mild) { "\($0.company) Beats Q\($0.quarter) EPS Estimates, Raises Full-Year Guidance" },
        .init(tone: .positive, impact: .mild) { "\($0.company) Announces $\($0.billions) Billion Share Buyback" },
        .init(tone: .positive, impact: .mild) { "\($0.company) Wins Major Government Contract, Shares Rise" },
        .init(tone: .positive, impact: .mild) { "Why \($0.company) (\($0.symbol)) Shares Are Trading Higher Today" },
        .init(tone: .positive, impact: .mild) { "\($0.company) Reports Record Quarterly Revenue, Strong Growth" },
        .init(tone: .positive, impact: .mild) { "\($0.company) Unveils New AI Products, Analysts See Upside" },
    ]

    static let negative: [HeadlineTemplate] = [
        .init(tone: .negative, impact: .mild) { "\($0.firm) Lowers \($0.company) Price Target To $\($0.priceTarget)" },
        .init(tone: .negative, impact: .mild) { "\($0.firm) Downgrades \($0.company) To Underperform" },
        .init(tone: .negative, impact: .quoted) { "\($0.company) Shares Fall \($0.percent)% After Revenue Miss" },
        .init(tone: .negative, impact: .quoted) { "\($0.company) Stock Drops \($0.percent)% As Margins Shrink" },
        .init(tone: .negative, impact: .quoted) { "\($0.company) Plunges \($0.percent)% After Weak Guidance Disappoints Investors" },
        .init(tone: .negative, impact: .mild) { "\($0.company) Cuts Outlook Amid Weak Demand" },
        .init(tone: .negative, impact: .mild) { "\($0.company) Faces Regulatory Probe, Stock Slides" },
        .init(tone: .negative, impact: .mild) { "Why \($0.company) (\($0.symbol)) Shares Are Trading Lower Today" },
        .init(tone: .negative, impact: .mild) { "\($0.company) Misses Q\($0.quarter) Earnings Estimates" },
        .init(tone: .negative, impact: .mild) { "\($0.company) Recalls Products Over Safety Concerns" },
        .init(tone: .negative, impact: .mild) { "\($0.company) Hit With Lawsuit Over Alleged Fraud" },
        .init(tone: .negative, impact: .mild) { "\($0.company) To Cut Jobs As Sales Slump" },
    ]

    static let neutral: [HeadlineTemplate] = [
        .init(tone: .neutral, impact: .none) { "\($0.company) Announces Quarterly Dividend" },
        .init(tone: .neutral, impact: .none) { "\($0.company) To Present At Upcoming Technology Conference" },
        .init(tone: .neutral, impact: .none) { "\($0.firm) Maintains Neutral On \($0.company), Keeps Price Target At $\($0.priceTarget)" },
        .init(tone: .neutral, impact: .none) { "\($0.company) Files 10-Q For Fiscal Quarter" },
        .init(tone: .neutral, impact: .none) { "\($0.company) Schedules Q\($0.quarter) Earnings Release Date" },
        .init(tone: .neutral, impact: .none) { "Options Activity Spotted In \($0.company) (\($0.symbol))" },
        .init(tone: .neutral, impact: .none) { "\($0.company) Names New Chief Financial Officer" },
        .init(tone: .neutral, impact: .none) { "\($0.symbol) Stock Moves Sideways Ahead Of Fed Decision" },
        .init(tone: .neutral, impact: .none) { "What's Going On With \($0.company) Stock?" },
        .init(tone: .neutral, impact: .none) { "\($0.company) Shareholders Vote On Board Nominees At Annual Meeting" },
        .init(tone: .neutral, impact: .none) { "Here's How Much $1000 Invested In \($0.company) 10 Years Ago Would Be Worth Today" },
        .init(tone: .neutral, impact: .none) { "\($0.company) (\($0.symbol)) Short Interest Update" },
    ]

    static let quotedPositive = positive.filter { $0.impact == .quoted }
    static let quotedNegative = negative.filter { $0.impact == .quoted }
    static let mildPositive = positive.filter { $0.impact != .quoted }
    static let mildNegative = negative.filter { $0.impact != .quoted }

    static let firms = [
        "Piper Sandler", "Morgan Stanley", "Goldman Sachs", "JPMorgan", "Wedbush", "Bank of America",
        "Citigroup", "Barclays", "UBS", "Jefferies", "Evercore ISI", "Needham", "KeyBanc", "Raymond James",
        "Mizuho", "Bernstein", "Deutsche Bank", "Wells Fargo", "Truist Securities", "Oppenheimer",
    ]
}
