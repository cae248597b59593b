import Testing
@testable import Quotes

/// The checks on one hand-made quote, without the engine.
@Suite struct VerifierTests {
    /// «Oui», said by Jean Dupont with `confidence`.
    static func output(confidence: Double) -> Verifier.Output {
        let span = QuoteSpan(content: 1..<4, open: 0, close: 4, kind: .direct, style: .guillemets)
        let attribution = Attribution(speaker: Speaker(name: "Jean Dupont", kind: .person), rule: "incise-name", cue: nil, mention: nil,
                                      confidence: Confidence(confidence))
        let source = SourceText("«Oui», a dit Jean Dupont.")
        let quote = ExtractedQuote(index: 0, span: span, range: SourceRange(1, 4), source: source, attribution: attribution)
        return Verifier.Output(path: "a.txt", source: source, quotes: [quote])
    }

    @Test("confidence is compared as printed, to three decimals: never \"at least 0.9, found 0.9\"", arguments: [
        (0.8996, true),   // printed 0.9
        (0.9, true),
        (0.8994, false),  // printed 0.899
    ])
    func confidenceAsPrinted(confidence: Double, passes: Bool) throws {
        let yaml = "policies:\n  min_confidence: 0.9\ndocuments:\n  - path: a.txt\n    quotes:\n      - text: Oui\n        min_confidence: 0.9\n"
        let expectations = try ExpectationsReader.read(yaml, file: "e.yml")
        let report = try Verifier().verify(expectations, outputs: [Self.output(confidence: confidence)], expectationsFile: "e.yml")
        #expect(report.checks.count == 2)
        #expect(report.failed == (passes ? 0 : 2), "\(report.text())")
    }

    @Test("the summary counts checks in words", arguments: [
        ("policies:\n  require_speaker: true\n", "1 check: 1 passed, 0 failed\n"),
        ("policies:\n  require_speaker: true\n  min_confidence: 0.5\n", "2 checks: 2 passed, 0 failed\n"),
    ])
    func summary(yaml: String, text: String) throws {
        let expectations = try ExpectationsReader.read(yaml, file: "e.yml").selecting(paths: ["a.txt"]).expectations
        let report = try Verifier().verify(expectations, outputs: [Self.output(confidence: 0.9)], expectationsFile: "e.yml")
        #expect(report.text() == text)
    }
}
