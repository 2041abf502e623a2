// Python's round(x, n) for doubles, so rounded scores match NLTK's digit for digit.

extension Double {
    /// Rounds to `digits` decimals the way CPython does: by the exact binary value, ties to even.
    /// Multiplying first can round a value across the .5 boundary, so the product's rounding error
    /// (recovered exactly with a fused multiply-add) decides the near-tie cases.
    func pythonRounded(digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = self * scale
        guard scaled.isFinite, abs(scaled) < 4.0e15 else { return self }
        let error = (-scaled).addingProduct(self, scale)
        let floorPart = scaled.rounded(.down)
        let fraction = scaled - floorPart
        let whole: Double
        if fraction == 0.5 {
            if error > 0 {
                whole = floorPart + 1
            } else if error < 0 {
                whole = floorPart
            } else {
                whole = floorPart.truncatingRemainder(dividingBy: 2) == 0 ? floorPart : floorPart + 1
            }
        } else {
            whole = scaled.rounded(.toNearestOrAwayFromZero)
        }
        return whole / scale
    }
}
