import Foundation
import Testing
@testable import Quotes

/// The attribution context works some answers out once per document and keeps them: asked again,
/// in any order, each is what working it out afresh gives, on every Corpus article.
@Suite struct ContextMemoTests {
    @Test("a cue's subject, kept after it is first asked, on every Corpus article", arguments: try Support.articles())
    func cueSubjects(article: URL) throws {
        let lexicon = try FrenchLexicon.shared()
        let extractor = try Support.extractor()
        var document = try extractor.analyze(id: article.lastPathComponent, source: SourceText(String(contentsOf: article, encoding: .utf8)))
        document.contentWords = lexicon.words(of: document)
        let marked = SpanClassifier(lexicon: lexicon).classify(QuoteScanner.scan(document), in: document)
        let cues = CueFinder(lexicon: lexicon).cues(in: document, quotes: marked)
        let mentions = MentionFinder(lexicon: lexicon).mentions(in: document, quotes: marked, cues: cues)
        let entities = EntityResolver(lexicon: lexicon, registry: try Registry.bundled(), folding: Folding()).resolve(mentions, in: document)
        let context = AttributionContext(document: document, lexicon: lexicon, quotes: marked, quoteCue: marked.map { _ in nil },
                                         mentions: mentions, entities: entities, cues: cues)
        // Backwards first, then forwards: each answer kept is asked again after the others.
        for c in cues.indices.reversed() { #expect(context.subject(of: c) == context.subjectUncached(of: c)) }
        for c in cues.indices { #expect(context.subject(of: c) == context.subjectUncached(of: c)) }
        #expect(!cues.isEmpty)
    }
}
