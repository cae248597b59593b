import Testing
@testable import Quotes

/// The coverage–precision table and the null-speaker rate on a hand-built
/// prediction set, worked out by hand: six matched speech quotes (one without
/// a speaker), a matched title, a missed quote and a spurious prediction.
@Suite struct EvaluatorCoverageTests {
    typealias Quote = GoldDocument.Quote

    static func quote(_ start: Int, _ kind: QuoteKind = .direct, _ speaker: String? = "Anne Vidal") -> Quote {
        Quote(start: start, end: start + 10, text: "q", kind: kind, speaker: speaker, mentions: [], cue: nil, translation: nil, phenomena: [])
    }

    static let gold = GoldDocument(schema: "quotectl-gold/1", doc: "d", split: .dev, domain: "test", quotes: [
        quote(0), quote(20), quote(40), quote(60, .indirect, "Yann Le Goff"), quote(80, .mixed), quote(100),
        quote(120, .nonspeech, nil),
        quote(140),   // missed
    ])

    static func prediction(_ start: Int, _ speaker: String?, _ confidence: Double?, _ kind: QuoteKind = .direct) -> Evaluator.Prediction {
        .init(start: start, end: start + 10, text: "p", kind: kind, speaker: speaker, rule: speaker == nil ? nil : "colon", confidence: confidence)
    }

    static let predictions: [Evaluator.Prediction] = [
        prediction(0, "Mme Anne Vidal", 0.97),        // right
        prediction(20, "Yann Le Goff", 0.92),         // wrong
        prediction(40, "Anne Vidal", 0.8996),         // right; printed 0.9
        prediction(60, "Yann Le Goff", 0.75, .indirect),  // right
        prediction(80, "Yann Le Goff", 0.55, .mixed), // wrong
        prediction(100, nil, nil),                     // no speaker
        prediction(120, nil, nil, .nonspeech),         // a title: not a speech quote
        prediction(200, "Anne Vidal", 0.99),          // spurious: not counted
    ]

    static func report() throws -> EvaluationReport {
        try Evaluator(extractor: Support.extractor()).score([(gold, predictions)], split: "dev")
    }

    @Test("kept at confidence ≥ t (as printed) out of the matched speech quotes, and the precision of their speakers", arguments: [
        (0.5, 5, 3), (0.6, 4, 3), (0.7, 4, 3), (0.8, 3, 2), (0.9, 3, 2), (0.95, 1, 1),
    ])
    func coverage(threshold: Double, kept: Int, right: Int) throws {
        let report = try Self.report()
        #expect(report.coverage.map(\.threshold) == Evaluator.coverageThresholds)
        let row = try #require(report.coverage.first { $0.threshold == threshold })
        #expect(row.kept == kept && row.total == 6)
        #expect(row.precision == .init(correct: right, total: kept))
        #expect(abs(row.share - Double(kept) / 6) < 1e-12)
    }

    @Test("null speaker: matched speech quotes whose prediction has no speaker")
    func nullSpeaker() throws {
        let report = try Self.report()
        #expect(report.nullSpeaker == .init(count: 1, total: 6))
        #expect(report.speakerAccuracy == .init(correct: 3, total: 6))
        #expect(report.engine == nil)
    }

    @Test("no confidence is never kept; nothing matched keeps nothing")
    func edges() {
        let rows = Evaluator.coverage([(nil, true), (0.95, false)], total: 2, thresholds: [0.5, 0.96])
        #expect(rows.map(\.kept) == [1, 0])
        #expect(rows.map(\.precision) == [.init(correct: 0, total: 1), .init(correct: 0, total: 0)])
        #expect(Evaluator.coverage([], total: 0).allSatisfy { $0.kept == 0 && $0.share == 0 })
    }
}
