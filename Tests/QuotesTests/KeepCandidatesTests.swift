import Foundation
import Testing
@testable import Quotes

/// An extractor that leaves the scored candidates out (as the extraction
/// run, the server and the report do) decides and prints exactly what one
/// that keeps them does; only ``Attribution/candidates`` differs.
@Suite struct KeepCandidatesTests {
    @Test("without candidates: the same decisions and the same output in every format, candidates empty; kept ones with their own features")
    func sameOutput() throws {
        let keeping = try QuoteExtractor()
        let leaving = try QuoteExtractor(keepingCandidates: false)
        #expect(keeping.keepsCandidates && !leaving.keepsCandidates)
        var kept = 0
        let model = try #require(try SpeakerModel.bundled())
        for url in try Support.articles() {
            let source = try SourceText(String(contentsOf: url, encoding: .utf8))
            let full = try keeping.extract(id: url.lastPathComponent, source: source)
            let lean = try leaving.extract(id: url.lastPathComponent, source: source)
            for format in OutputFormat.allCases {
                #expect(format.writer().render(full) == format.writer().render(lean), "\(url.lastPathComponent) as \(format)")
            }
            #expect(full.quotes.count == lean.quotes.count)
            for (a, b) in zip(full.quotes, lean.quotes) {
                #expect(a.attribution.speaker == b.attribution.speaker)
                #expect(a.attribution.rule == b.attribution.rule)
                #expect(a.attribution.confidence?.value == b.attribution.confidence?.value)
                #expect(b.attribution.candidates.isEmpty)
                // The kept candidates hold the decided speaker among them.
                if let speaker = a.attribution.speaker, a.attribution.rule != nil {
                    #expect(a.attribution.candidates.contains { $0.speaker == speaker }, "\(url.lastPathComponent) quote \(a.index)")
                }
                kept += a.attribution.candidates.count
                // Each kept vector is its candidate's own (the engine fills one buffer quote
                // after quote): the bias, one rule and one mention kind, and its score.
                for candidate in a.attribution.candidates {
                    let x = candidate.features
                    #expect(x.count == SpeakerFeatures.names.count)
                    guard x.count == SpeakerFeatures.names.count else { continue }
                    #expect(x[SpeakerFeatures.Named.bias.rawValue] == 1)
                    #expect(x[SpeakerFeatures.ruleBase..<SpeakerFeatures.mentionBase].filter { $0 == 1 }.count == 1, "\(url.lastPathComponent) quote \(a.index)")
                    #expect(x[SpeakerFeatures.mentionBase...].filter { $0 == 1 }.count == 1, "\(url.lastPathComponent) quote \(a.index)")
                    #expect(candidate.score == model.score(x))
                }
            }
        }
        // The Corpus has hundreds of attributed quotes, each with a candidate or more.
        #expect(kept > 500)
    }

    /// A rule known only by the array it proposes, each proposal twice: the
    /// engine appends the array (the protocol's default) and keeps the first
    /// of each speaker and rule id, so that it decides and logs exactly as
    /// with the standard rules, which append their proposals in place.
    struct Doubled: AttributionRule {
        let inner: any AttributionRule
        var id: RuleID { inner.id }
        func propose(for quote: Int, in context: AttributionContext) -> [Candidate] {
            let found = inner.propose(for: quote, in: context)
            return found + found
        }
    }

    @Test("rules proposing arrays with repeats: the same candidates as rules appending in place", arguments: try Support.articles())
    func arrayRules(article: URL) throws {
        let stages = try Support.stages(article)
        let model = try #require(try SpeakerModel.bundled())
        let (inPlace, arrays) = (stages.context(), stages.context())
        let a = AttributionEngine(model: model, keepingFeatures: true).attribute(inPlace)
        let b = AttributionEngine(rules: StandardRules.all.map { Doubled(inner: $0) }, model: model, keepingFeatures: true).attribute(arrays)
        #expect(a.map { $0?.entity } == b.map { $0?.entity })
        #expect(a.map { $0?.rule } == b.map { $0?.rule })
        func rows(_ context: AttributionContext) -> [[String]] {
            context.candidates.map { $0.map { "\($0.rule) \($0.entity) \(String(describing: $0.mention)) \(String(describing: $0.cue)) \(String(describing: $0.score))" } }
        }
        #expect(rows(inPlace) == rows(arrays))
        // No speaker twice under one rule id.
        for list in inPlace.candidates {
            #expect(Set(list.map { "\($0.rule) \($0.entity)" }).count == list.count)
        }
    }

    /// An engine that keeps no features reuses one candidate list from quote
    /// to quote and logs none: it decides as one that keeps them, whose log
    /// holds every quote's candidates.
    @Test("an engine without features logs no candidates and decides the same", arguments: try Support.articles())
    func engineLog(article: URL) throws {
        let stages = try Support.stages(article)
        let model = try #require(try SpeakerModel.bundled())
        let (full, lean) = (stages.context(), stages.context())
        let kept = AttributionEngine(model: model, keepingFeatures: true).attribute(full)
        let left = AttributionEngine(model: model, keepingFeatures: false).attribute(lean)
        #expect(kept.map { $0?.entity } == left.map { $0?.entity })
        #expect(kept.map { $0?.rule } == left.map { $0?.rule })
        #expect(kept.map { $0?.score } == left.map { $0?.score })
        #expect(full.candidates.count == stages.quotes.count && lean.candidates.count == stages.quotes.count)
        #expect(lean.candidates.allSatisfy { $0.isEmpty })
        for (decision, candidates) in zip(kept, full.candidates) where decision != nil {
            #expect(candidates.contains { $0.entity == decision!.entity })
        }
    }
}
