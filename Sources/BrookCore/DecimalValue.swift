// Exact decimal numbers as SQL DECIMAL(p, s) holds them.

/// A DECIMAL value: an unscaled 128-bit integer and a scale, enough for precision 38.
/// Rounding is half up (away from zero on .5), as Flink rounds when it fits a value to a scale.
public struct DecimalValue: Hashable, Sendable, CustomStringConvertible {
    public var unscaled: Int128
    public var scale: Int

    public init(unscaled: Int128, scale: Int) {
        self.unscaled = unscaled
        self.scale = scale
    }

    static let powersOfTen: [Int128] = (0...38).map { exponent in
        var value: Int128 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    public static func powerOfTen(_ exponent: Int) -> Int128 { powersOfTen[exponent] }

    static let doublePowersOfTen: [Double] = powersOfTen.map { Double($0) }

    /// `unscaled / 10^scale` as a Double. The standard library converts Int128 through generic
    /// code that costs more than the rest of an aggregate; values within 64 bits (nearly all)
    /// convert directly, to the same result.
    @inline(__always) public static func double(unscaled: Int128, scale: Int) -> Double {
        let numerator = Int128(Int64.min) <= unscaled && unscaled <= Int128(Int64.max) ? Double(Int64(truncatingIfNeeded: unscaled)) : Double(unscaled)
        return scale <= 38 ? numerator / doublePowersOfTen[scale] : numerator / 1e38 / doublePowersOfTen[min(scale - 38, 38)]
    }

    /// Parses plain decimal text such as `-12.345` (no exponent).
    public init?(parsing text: some StringProtocol) {
        guard !text.isEmpty else { return nil }
        var unscaled: Int128 = 0
        var scale = 0
        var seenPoint = false
        var negative = false
        var digits = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "+") where index == 0: break
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 38 else { return nil }
                unscaled = unscaled * 10 + Int128(byte - UInt8(ascii: "0"))
                if unscaled != 0 { digits += 1 }
                if seenPoint { scale += 1 }
            default: return nil
            }
        }
        // Leading zeros after the point can take the scale past 38, which no DECIMAL has: round there.
        let value = DecimalValue(unscaled: negative ? -unscaled : unscaled, scale: scale).rescaled(to: min(scale, 38))
        self.unscaled = value.unscaled
        self.scale = value.scale
    }

    /// The decimal a double's shortest round-trip text denotes (`0.285` for the double nearest
    /// 0.285), as Java's BigDecimal.valueOf does; nil for NaN, infinities and overflow.
    public init?(_ double: Double) {
        guard double.isFinite else { return nil }
        let text = double.description
        guard let exponentIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            self.init(parsing: text)
            return
        }
        guard var mantissa = DecimalValue(parsing: text[..<exponentIndex]),
              let exponent = Int(String(text[text.index(after: exponentIndex)...].filter { $0 != "+" })) else { return nil }
        if exponent >= 0 {
            let shift = min(exponent, mantissa.scale)
            mantissa.scale -= shift
            let remaining = exponent - shift
            guard remaining <= 38 else { return nil }
            let (product, overflow) = mantissa.unscaled.multipliedReportingOverflow(by: DecimalValue.powerOfTen(remaining))
            guard !overflow else { return nil }
            mantissa.unscaled = product
        } else {
            mantissa.scale -= exponent
            guard mantissa.scale <= 38 else { return nil }
        }
        self = mantissa
    }

    /// The precision SQL gives this value as a literal: its digits, at least its scale
    /// (`0.296` is DECIMAL(3, 3), `1.5` DECIMAL(2, 1)).
    public var precision: Int {
        var magnitude = unscaled.magnitude
        var count = 0
        while magnitude > 0 {
            magnitude /= 10
            count += 1
        }
        return max(count, scale, 1)
    }

    /// This value at `newScale`, rounding half up when digits are dropped. A value too large for
    /// 128 bits at that scale saturates, which no DECIMAL precision admits, so callers see overflow.
    public func rescaled(to newScale: Int) -> DecimalValue {
        if newScale == scale { return self }
        if newScale > scale {
            let (product, overflow) = newScale - scale > 38 ? (0, unscaled != 0) : unscaled.multipliedReportingOverflow(by: DecimalValue.powerOfTen(newScale - scale))
            return DecimalValue(unscaled: overflow ? (unscaled < 0 ? .min : .max) : product, scale: newScale)
        }
        // A value below 10^38 shifted right by more than 38 digits rounds to zero.
        guard scale - newScale <= 38 else { return DecimalValue(unscaled: 0, scale: newScale) }
        let divisor = DecimalValue.powerOfTen(scale - newScale)
        let (quotient, remainder) = unscaled.quotientAndRemainder(dividingBy: divisor)
        var rounded = quotient
        if remainder.magnitude * 2 >= divisor.magnitude { rounded += unscaled < 0 ? -1 : 1 }
        return DecimalValue(unscaled: rounded, scale: newScale)
    }

    public var doubleValue: Double { DecimalValue.double(unscaled: unscaled, scale: scale) }

    public var description: String {
        let digits = String(unscaled.magnitude)
        let sign = unscaled < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }
}
