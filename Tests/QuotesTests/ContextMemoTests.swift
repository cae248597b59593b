import Foundation
import Testing
@testable import Quotes

/// The attribution context works some answers out once per document and keeps them: asked again,
/// in any order, each is what working it out afresh gives, on every Corpus article.
@Suite struct ContextMemoTests {
    @Test("a cue's subject, kept after it is first asked, on every Corpus article", arguments: try Support.articles())
    func cueSubjects(article: URL) throws {
        let stages = try Support.stages(article)
        let context = stages.context(), cues = stages.cues
        // Backwards first, then forwards: each answer kept is asked again after the others.
        for c in cues.indices.reversed() { #expect(context.subject(of: c) == context.subjectUncached(of: c)) }
        for c in cues.indices { #expect(context.subject(of: c) == context.subjectUncached(of: c)) }
        #expect(!cues.isEmpty)
    }
}
