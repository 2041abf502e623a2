// Pins the individual VADER rules to NLTK's outputs for short texts.
import Testing
@testable import BrookSentiment

struct VaderModelTests {
    let vader = VaderModel.shared

    @Test func lexiconWordCarriesItsValence() {
        #expect(vader.score("good") == 0.4404)
    }

    @Test func negationFlipsValence() {
        #expect(vader.score("not good") == -0.3412)
        #expect(vader.score("I ain't happy") == -0.4585)
    }

    @Test func capsEmphasisBoostsOnlyWhenMixedCase() {
        #expect(vader.score("GOOD news today") == 0.5622)
        #expect(vader.score("GOOD NEWS") == 0.4404)
    }

    @Test func boosterIntensifiesAndDampenerSoftens() {
        #expect(vader.score("very good") == 0.4927)
        #expect(vader.score("VERY good news") == 0.6028)
        #expect(vader.score("kinda bad") == -0.4951)
    }

    @Test func exclamationsAddEmphasisButOnlyStripWhenListed() {
        #expect(vader.score("good!") == 0.4926)
        #expect(vader.score("good??") == 0.504)
        #expect(vader.score("good?") == 0.4404)
        // Five "!" are not one of NLTK's strippable runs, so the word is not recognised.
        #expect(vader.score("good!!!!!") == 0)
        #expect(vader.score("good.,") == 0)
    }

    @Test func butShiftsWeightToTheSecondClause() {
        #expect(vader.score("good but bad") == -0.5859)
        #expect(vader.score("bad but good") == 0.3818)
    }

    @Test func leastNegatesExceptAfterAt() {
        #expect(vader.score("the least good") == -0.3412)
        #expect(vader.score("at least good") == 0.4404)
    }

    @Test func neverSoIntensifies() {
        #expect(vader.score("never so good") == 0.6474)
        #expect(vader.score("never this bad") == -0.6956)
    }

    @Test func idiomReplacesWordValence() {
        #expect(vader.score("the bomb is here") == -0.4939)
    }

    @Test func repeatedWordIsScoredAtItsFirstOccurrence() {
        // NLTK looks positions up with list.index, so the last "good" ignores the "not" before it.
        #expect(vader.score("good good not good") == 0.8271)
        #expect(vader.score("not good good") == -0.5875)
    }

    @Test func pythonWhitespaceSeparatesWordsButZeroWidthSpaceDoesNot() {
        #expect(vader.score("not\u{00A0}good") == -0.3412)
        #expect(vader.score("not\u{3000}good") == -0.3412)
        #expect(vader.score("not\u{1C}good") == -0.3412)
        #expect(vader.score("not\u{200B}good") == 0)
    }

    @Test func nonASCIICapitalsCountTowardsCapsDifferential() {
        // "ÉLAN" is upper case to Python too, so "GOOD" is not the only capitalised word.
        #expect(vader.score("ÉLAN good news") == 0.4404)
        #expect(vader.score("GOOD news") == 0.5622)
    }

    @Test func emptyAndUnknownTextScoresZero() {
        #expect(vader.polarityScores("") == PolarityScores(neg: 0, neu: 0, pos: 0, compound: 0))
        #expect(vader.polarityScores("a b c") == PolarityScores(neg: 0, neu: 0, pos: 0, compound: 0))
        #expect(vader.score("Piper Sandler Raises Tesla Price Target") == 0)
    }

    @Test func polarityProportionsMatchNLTK() {
        #expect(vader.polarityScores("not good") == PolarityScores(neg: 0.706, neu: 0.294, pos: 0, compound: -0.3412))
        #expect(vader.polarityScores("good but bad") == PolarityScores(neg: 0.617, neu: 0.13, pos: 0.253, compound: -0.5859))
        #expect(vader.polarityScores("Sales were good :)") == PolarityScores(neg: 0, neu: 0.253, pos: 0.747, compound: 0.7096))
    }

    @Test func roundingFollowsPythonOnExactBinaryValue() {
        // Python rounds the stored binary value: 0.00015 and 2.675 sit just below the tie, 0.00025 just above.
        #expect(0.00015.pythonRounded(digits: 4) == 0.0001)
        #expect(0.00025.pythonRounded(digits: 4) == 0.0003)
        #expect(2.675.pythonRounded(digits: 2) == 2.67)
        #expect((-0.12345).pythonRounded(digits: 4) == -0.1235)
    }
}
