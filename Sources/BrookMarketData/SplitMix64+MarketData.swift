// Per-symbol random streams and the draws the generator needs, on BrookCore's SplitMix64.
import BrookCore

extension SplitMix64 {
    /// A stream for one symbol and purpose; independent of which other symbols are generated, so a
    /// symbol's data stays the same when the symbol list changes.
    init(seed: UInt64, symbol: String, stream: UInt64) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in symbol.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        self.init(seed: mixer.next() ^ hash)
        _ = next()
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in 0..<bound; multiply-high avoids the modulo bias and the division.
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func pick(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// Approximately standard normal (Irwin–Hall of four uniforms): cheap, needs no libm, and its
    /// missing far tails are supplied by the news-driven jumps instead.
    mutating func gaussian() -> Double {
        let a = next()
        let b = next()
        let scale = 0x1.0p-32
        let sum = Double(a & 0xFFFF_FFFF) * scale + Double(a >> 32) * scale
            + Double(b & 0xFFFF_FFFF) * scale + Double(b >> 32) * scale
        return (sum - 2) * 1.7320508075688772
    }
}
