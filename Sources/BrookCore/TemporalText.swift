// Parsing of SQL date, time and timestamp text ('2024-05-31 10:00:00.123') into numbers.

/// Converts SQL-standard temporal text to days and microseconds since the epoch, using the
/// proleptic Gregorian calendar, without Foundation (it is on the data path for CSV and JSON).
public enum TemporalText {
    /// Days since 1970-01-01 of a civil date.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    public static func parseDate(_ text: some StringProtocol) -> Int32? {
        let bytes = Array(text.utf8)
        let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3, let year = number(parts[0]), year <= 9999, let month = number(parts[1]), let day = number(parts[2]),
              (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day) else { return nil }
        return Int32(daysFromCivil(year: year, month: month, day: day))
    }

    /// The length of a month in the proleptic Gregorian calendar, so 2024-02-30 is refused rather than rolled over.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Microseconds of the day and the number of fraction digits written.
    public static func parseTime(_ text: some StringProtocol) -> (Int64, Int)? {
        let bytes = Array(text.utf8)
        let pieces = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let clock = pieces[0].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), let hour = number(clock[0]), let minute = number(clock[1]),
              hour < 24, minute < 60 else { return nil }
        let second = clock.count == 3 ? number(clock[2]) : 0
        guard let second, second < 60 else { return nil }
        var micros = Int64(hour * 3600 + minute * 60 + second) * 1_000_000
        var precision = 0
        if pieces.count == 2 {
            let fraction = pieces[1]
            guard !fraction.isEmpty, fraction.count <= 9, let digits = number(fraction) else { return nil }
            precision = fraction.count
            var scaled = Int64(digits)
            if precision < 6 {
                for _ in precision..<6 { scaled *= 10 }
            } else {
                for _ in 6..<precision { scaled /= 10 }
            }
            micros += scaled
        }
        return (micros, precision)
    }

    /// Microseconds since the epoch of `yyyy-MM-dd[ HH:mm[:ss[.f…]]]` (a `T` also separates), read
    /// as UTC, with the number of fraction digits written.
    public static func parseTimestamp(_ text: some StringProtocol) -> (Int64, Int)? {
        var string = String(text)
        if string.hasSuffix("Z") { string.removeLast() }
        let separator = string.firstIndex(where: { $0 == " " || $0 == "T" })
        let datePart = separator.map { string[..<$0] } ?? string[...]
        guard let days = parseDate(datePart) else { return nil }
        var micros = Int64(days) * 86_400_000_000
        var precision = 0
        if let separator {
            guard let (time, digits) = parseTime(string[string.index(after: separator)...]) else { return nil }
            micros += time
            precision = digits
        }
        return (micros, precision)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `yyyy-MM-dd` of a day count since the epoch.
    public static func formatDate(_ days: Int) -> String {
        let (year, month, day) = civilFromDays(days)
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `HH:mm:ss` plus as many fraction digits as needed (none when zero), up to `precision`;
    /// `fullPrecision` writes all `precision` digits, as CAST to a string does.
    public static func formatTime(_ microsOfDay: Int64, precision: Int = 6, fullPrecision: Bool = false) -> String {
        let seconds = Int(microsOfDay / 1_000_000)
        var text = padded(seconds / 3600, 2) + ":" + padded(seconds / 60 % 60, 2) + ":" + padded(seconds % 60, 2)
        var fraction = Int(microsOfDay % 1_000_000)
        var digits = 6
        for _ in 0..<(6 - min(precision, 6)) {
            fraction /= 10
            digits -= 1
        }
        if fullPrecision { return digits > 0 ? text + "." + padded(fraction, digits) : text }
        if fraction == 0 { digits = 0 }
        while digits > 0, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        if digits > 0 { text += "." + padded(fraction, digits) }
        return text
    }

    /// `yyyy-MM-dd HH:mm:ss[.f…]` of microseconds since the epoch, with only the fraction digits
    /// needed, or (`fullPrecision`) all `precision` of them.
    public static func formatTimestamp(_ micros: Int64, precision: Int = 6, fullPrecision: Bool = false) -> String {
        let days = micros >= 0 ? micros / 86_400_000_000 : (micros - 86_399_999_999) / 86_400_000_000
        let timeOfDay = micros - days * 86_400_000_000
        return formatDate(Int(days)) + " " + formatTime(timeOfDay, precision: precision, fullPrecision: fullPrecision)
    }
}
