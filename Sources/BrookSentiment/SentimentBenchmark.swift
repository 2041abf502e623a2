// Measures how many headlines per second a model scores on one core.
import Foundation

/// Throughput measurement behind `brook bench sentiment`, kept beside the models it measures.
public enum SentimentBenchmark {
    /// Scores `headlines` round-robin with `model` on the calling thread for about `seconds`,
    /// after a short warm-up; returns how many were scored and the rate per second.
    public static func run(model: any SentimentModel, headlines: [String], seconds: Double) -> (count: Int, perSecond: Double) {
        guard !headlines.isEmpty, seconds > 0 else { return (0, 0) }
        var checksum = 0.0
        for headline in headlines.prefix(1_000) { checksum += model.score(headline) }
        let clock = ContinuousClock()
        let start = clock.now
        let budget = Duration.milliseconds(Int64(seconds * 1_000))
        var count = 0
        var elapsed = Duration.zero
        repeat {
            for headline in headlines {
                checksum += model.score(headline)
            }
            count += headlines.count
            elapsed = clock.now - start
        } while elapsed < budget
        blackHole(checksum)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (count, Double(count) / wall)
    }

    /// Keeps the optimiser from discarding the scores it would otherwise see as unused.
    @inline(never)
    private static func blackHole(_ value: Double) {
        if value.isNaN { print("") }
    }
}
