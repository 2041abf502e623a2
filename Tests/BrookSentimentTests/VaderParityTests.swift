// Checks the Swift VADER against NLTK's scores for the generated parity corpus.
import Foundation
import Testing
import BrookSentiment

struct VaderParityTests {
    @Test func compoundMatchesNLTKOnEveryFixtureRow() throws {
        // check_vader_parity.sh points this at a freshly generated corpus.
        let override = ProcessInfo.processInfo.environment["BROOK_VADER_PARITY_FILE"]
        let rows = try override.map { try FixtureFile.rows(at: URL(fileURLWithPath: $0)) }
            ?? FixtureFile.rows("vader_nltk_parity.tsv")
        #expect(rows.count >= 2_000)
        var mismatches: [String] = []
        var largest = 0.0
        for row in rows {
            let expected = try #require(Double(row.value), "bad fixture value \(row.value)")
            let actual = VaderModel.shared.score(row.text)
            let difference = abs(actual - expected)
            largest = max(largest, difference)
            if difference >= 0.00005 {
                mismatches.append("swift \(actual) nltk \(expected) for \(row.text.debugDescription)")
            }
        }
        print("VADER parity: \(rows.count) rows, max |swift - nltk| = \(largest)")
        #expect(mismatches.count == 0, "\(mismatches.count) of \(rows.count) rows differ, max \(largest):\n\(mismatches.prefix(15).joined(separator: "\n"))")
    }
}
