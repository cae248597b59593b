import Testing
@testable import Quotes

/// Metrics on a small hand-built document whose figures are worked out by
/// hand: four gold quotes (one missed), four predictions (one spurious, one
/// of the wrong kind, one with the wrong speaker).
@Suite struct EvaluatorTests {
    typealias Quote = GoldDocument.Quote

    static func note(_ original: String?, _ via: [String], _ quotedIn: String) -> TranslationNote {
        TranslationNote(original: original, originalSource: .cue, via: via, quotedIn: quotedIn, verbatim: nil, evidence: nil,
                        note: "", speakerNames: [])
    }

    static let gold = GoldDocument(schema: "quotectl-gold/1", doc: "d", split: .dev, domain: "test", quotes: [
        Quote(start: 0, end: 10, text: "g0", kind: .direct, speaker: "Sergueï Lavrov", mentions: [], cue: "a dit",
              translation: .init(original: "ru", via: [], quoted_in: "fr"), phenomena: ["incise-name"]),
        Quote(start: 20, end: 30, text: "g1", kind: .mixed, speaker: "la Turquie", mentions: [], cue: "a jugé",
              translation: nil, phenomena: ["attitude-cue", "organisation"]),
        Quote(start: 40, end: 60, text: "g2", kind: .indirect, speaker: "Anne Delcourt", mentions: [], cue: "a affirmé",
              translation: .init(original: nil, via: ["en"], quoted_in: "fr"), phenomena: ["que-clause"]),
        Quote(start: 70, end: 80, text: "g3", kind: .nonspeech, speaker: nil, mentions: [], cue: nil, translation: nil,
              phenomena: ["nonspeech-title"]),
    ])
    static let predictions: [Evaluator.Prediction] = [
        .init(start: 0, end: 10, text: "p0", kind: .direct, speaker: "M. Sergueï Lavrov", rule: "incise-name", confidence: 0.9,
              translation: note("ru", [], "fr")),
        .init(start: 21, end: 30, text: "p1", kind: .direct, speaker: "Turquie", rule: "attitude", confidence: 0.8,
              translation: note(nil, ["en"], "fr")),
        .init(start: 40, end: 58, text: "p2", kind: .indirect, speaker: "Paul Martin", rule: "que-clause", confidence: 0.9),
        .init(start: 90, end: 100, text: "p3", kind: .indirect, speaker: "X", rule: "selon", confidence: 0.6),
    ]

    static func report(_ gold: GoldDocument = gold, _ predictions: [Evaluator.Prediction] = predictions) throws -> EvaluationReport {
        try Evaluator(extractor: Support.extractor()).score([(gold, predictions)], split: "dev")
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test("span scores, whatever the kind and per kind", arguments: [
        ("any", 3, 1, 1, 0.75, 0.75),
        ("direct", 1, 1, 0, 0.5, 1.0),
        ("mixed", 0, 0, 1, 0.0, 0.0),
        ("indirect", 1, 1, 0, 0.5, 1.0),
        ("nonspeech", 0, 0, 1, 0.0, 0.0),
    ])
    func spans(kind: String, tp: Int, fp: Int, fn: Int, precision: Double, recall: Double) throws {
        let report = try Self.report()
        let scores = kind == "any" ? report.spans : try #require(report.spansByKind[kind])
        #expect((scores.truePositives, scores.falsePositives, scores.falseNegatives) == (tp, fp, fn))
        #expect(Self.close(scores.precision, precision) && Self.close(scores.recall, recall))
        #expect(Self.close(scores.f1, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)))
    }

    @Test("speaker accuracy on matched speech quotes; end to end")
    func speakers() throws {
        let report = try Self.report()
        #expect(report.speakerAccuracy == .init(correct: 2, total: 3))
        #expect(report.endToEnd == .init(truePositives: 2, falsePositives: 2, falseNegatives: 2))
    }

    @Test("per rule: predictions carrying it, precision on matched quotes")
    func rules() throws {
        let rules = try Self.report().rules
        #expect(rules.map(\.rule) == ["attitude", "incise-name", "que-clause", "selon"])
        #expect(rules.map(\.predicted) == [1, 1, 1, 1])
        #expect(rules.map(\.precision) == [.init(correct: 1, total: 1), .init(correct: 1, total: 1), .init(correct: 0, total: 1),
                                            .init(correct: 0, total: 0)])
        let table = try Evaluator(extractor: Support.extractor()).calibrationTable(try Self.report())
        #expect(table.entries["que-clause"] == .init(correct: 0, total: 1))
        #expect(table.entries["selon"] == nil)
    }

    @Test("calibration over matched attributions: ECE and Brier")
    func calibration() throws {
        let calibration = try Self.report().calibration
        #expect(calibration.count == 3)
        #expect(Self.close(calibration.brierScore, (0.01 + 0.04 + 0.81) / 3))
        #expect(Self.close(calibration.expectedCalibrationError, 2.0 / 3 * 0.4 + 1.0 / 3 * 0.2))
        #expect(calibration.bins.map(\.count) == [1, 2])
    }

    @Test("translation facts: one right, one missed, one relay the text does not state")
    func translation() throws {
        #expect(try Self.report().translation == .init(correct: 1, total: 3))
    }

    @Test("translation facts compare original only when the gold gives it", arguments: [
        (GoldDocument.Translation(original: nil, via: [], quoted_in: "fr"), note("tr", [], "fr"), true),
        (.init(original: "tr", via: [], quoted_in: "fr"), note("en", [], "fr"), false),
        (.init(original: "tr", via: ["en"], quoted_in: "fr"), note("tr", [], "fr"), false),
        (.init(original: "en", via: [], quoted_in: "en"), note("en", [], "fr"), false),
    ])
    func translationFacts(gold: GoldDocument.Translation, predicted: TranslationNote, right: Bool) throws {
        let document = GoldDocument(schema: "quotectl-gold/1", doc: "d", split: .dev, domain: "t", quotes: [
            Quote(start: 0, end: 5, text: "g", kind: .direct, speaker: "A", mentions: [], cue: nil, translation: gold, phenomena: []),
        ])
        let report = try Self.report(document, [.init(start: 0, end: 5, text: "p", kind: .direct, speaker: "A", translation: predicted)])
        #expect(report.translation == .init(correct: right ? 1 : 0, total: 1))
    }

    @Test("per-phenomenon counts")
    func phenomena() throws {
        let rows = try Self.report().phenomena
        #expect(rows.map(\.tag) == ["attitude-cue", "incise-name", "nonspeech-title", "organisation", "que-clause"])
        #expect(rows.map(\.gold) == [1, 1, 1, 1, 1])
        #expect(rows.map(\.found) == [1, 1, 0, 1, 1])
        #expect(rows.map(\.speakerRight) == [1, 1, 0, 1, 0])
    }

    @Test("the errors, with what was expected and found")
    func errors() throws {
        let errors = try Self.report().errors
        #expect(errors.map(\.kind) == [.missed, .spurious, .wrongKind, .wrongSpeaker])
        #expect(errors.map(\.start) == [70, 90, 20, 40])
        #expect((errors[2].expected, errors[2].found) == ("mixed", "direct"))
        #expect((errors[3].expected, errors[3].found, errors[3].rule) == ("Anne Delcourt", "Paul Martin", "que-clause"))
        #expect(errors[1].text == "p3")
    }

    @Test("same speaker or not", arguments: [
        ("la Turquie", "Turquie", true),
        ("La Turquie", "la Turquie", true),
        ("Lavrov", "M. Lavrov", true),
        ("Sergueï Lavrov", "SERGUEI LAVROV", true),
        ("Sergueï Lavrov", "Lavrov", false),
        ("l'Union européenne", "Union europeenne", true),
        ("l’Union européenne", "L'Union européenne", true),
        ("Anne Delcourt", "Mme Anne Delcourt", true),
        ("les manifestants", "manifestants", true),
        ("Kemal Aydınoğlu", "Kemal Aydinoglu", true),
        ("Jean-Pierre Martin", "Jean Pierre Martin", true),
        ("le Kremlin", "la Maison-Blanche", false),
        ("un diplomate européen", "Un diplomate", false),
        ("l'ARS Nouvelle-Aquitaine", "Aquitaine", false),
    ])
    func sameSpeaker(gold: String, predicted: String, expected: Bool) throws {
        #expect(try Evaluator(extractor: Support.extractor()).sameSpeaker(gold, predicted) == expected)
    }

    @Test("ECE, Brier and bin sizes of hand-computed points", arguments: [
        ([], 0.0, 0.0, [Int]()),
        ([(1.0, true)], 0, 0, [1]),
        ([(0.3, false)], 0.3, 0.09, [1]),
        ([(0.9, true), (0.9, false), (0.2, false)], 2.0 / 3 * 0.4 + 1.0 / 3 * 0.2, (0.01 + 0.81 + 0.04) / 3, [1, 2]),
        (Array(repeating: (0.7, true), count: 7) + Array(repeating: (0.7, false), count: 3), 0, (7 * 0.09 + 3 * 0.49) / 10, [10]),
        ([(0.95, true), (0.95, false)], 0.45, (0.0025 + 0.9025) / 2, [2]),
    ] as [([(Double, Bool)], Double, Double, [Int])])
    func calibrationMetrics(points: [(Double, Bool)], ece: Double, brier: Double, bins: [Int]) {
        let score = Evaluator.calibration(points.map { (confidence: $0.0, correct: $0.1) })
        #expect(score.count == points.count)
        #expect(Self.close(score.expectedCalibrationError, ece))
        #expect(Self.close(score.brierScore, brier))
        #expect(score.bins.map(\.count) == bins)
    }
}
