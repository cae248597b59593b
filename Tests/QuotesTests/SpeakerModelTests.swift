import Foundation
import Testing
@testable import Quotes

/// The weights file: what is written reads back the same, and a broken file says where.
@Suite struct SpeakerModelTests {
    static let file = "speaker-model.tsv"

    /// Weights with at most six decimals (what the file keeps), one per feature.
    static func model(_ seed: Int) -> SpeakerModel {
        let weights = SpeakerFeatures.names.indices.map { Double(($0 * 7919 + seed * 104_729) % 4001 - 2000) / 1000 }
        return SpeakerModel(weights: weights, plattA: 1.25 + Double(seed), plattB: -0.375)
    }

    @Test("serialize then parse gives the same model and the same bytes", arguments: [0, 1, 2])
    func roundTrip(seed: Int) throws {
        let model = Self.model(seed)
        let text = model.serialized(header: "test \(seed)")
        let parsed = try SpeakerModel.parse(text, file: Self.file)
        #expect(parsed == model)
        #expect(parsed.serialized(header: "test \(seed)") == text)
        #expect(text.split(separator: "\n").count == SpeakerFeatures.names.count + 3)
        #expect(text.hasPrefix("# feature\tweight"))
    }

    @Test("six decimals, no negative zero", arguments: [
        (0.1234567, "0.123457"), (-0.0000001, "0.000000"), (2.0, "2.000000"), (-1.5, "-1.500000"),
    ])
    func format(value: Double, printed: String) {
        #expect(SpeakerModel.format(value) == printed)
    }

    @Test("a feature left out weighs 0; platt defaults to a = 1, b = 0")
    func partial() throws {
        let model = try SpeakerModel.parse("# comment\nbias\t-0.5\nregistry\t2\n", file: Self.file)
        #expect(model.weights[SpeakerFeatures.index["bias"]!] == -0.5)
        #expect(model.weights[SpeakerFeatures.index["registry"]!] == 2)
        #expect(model.weights.filter { $0 != 0 }.count == 2)
        #expect(model.plattA == 1 && model.plattB == 0)
        var x = [Double](repeating: 0, count: SpeakerFeatures.names.count)
        x[SpeakerFeatures.index["bias"]!] = 1
        x[SpeakerFeatures.index["registry"]!] = 1
        #expect(model.score(x) == 1.5)
        #expect(abs(model.confidence(score: 1.5).value - 1 / (1 + exp(-1.5))) < 1e-12)
    }

    @Test("a malformed weights file: file:line:column and what is wrong", arguments: [
        ("bias\t1\nrule:nope\t2\n", "speaker-model.tsv:2:1: unknown feature \"rule:nope\""),
        ("bias\tone\n", "speaker-model.tsv:1:2: expected a number"),
        ("# header\n\nbias\tnan\n", "speaker-model.tsv:3:2: expected a number"),
        ("platt:a\tinf\n", "speaker-model.tsv:1:2: expected a number"),
        ("bias\n", "speaker-model.tsv:1: expected 2 tab-separated fields, found 1"),
        ("bias\t1\tx\n", "speaker-model.tsv:1: expected 2 tab-separated fields, found 3"),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: LexiconError.self) { try SpeakerModel.parse(text, file: Self.file) }
        do { _ = try SpeakerModel.parse(text, file: Self.file) } catch { #expect(error.description == message) }
    }
}
