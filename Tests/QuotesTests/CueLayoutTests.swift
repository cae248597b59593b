import Testing
@testable import Quotes

/// A cue keeps its ranges in ``CompactRange`` wrappers: equality must still
/// see every field, the wrapped ranges included.
@Suite struct CueLayoutTests {
    static func cue(content: Range<Int> = 4..<6, range: Range<Int> = 40..<52) -> Cue {
        Cue(form: .verb(lemma: 7, inverted: 5, isNonFinite: false), strength: .speech, content: content, range: range,
            insideQuote: false)
    }

    @Test("equality sees every field")
    func equality() {
        let a = Self.cue()
        #expect(a == Self.cue())
        let changes: [(inout Cue) -> Void] = [
            { $0.content = 4..<7 }, { $0.range = 41..<52 }, { $0.form = .preposition },
            { $0.form = .verb(lemma: 7, inverted: nil, isNonFinite: false) }, { $0.strength = .attitude },
            { $0.insideQuote = true }, { $0.isKnownVerb = false },
        ]
        for (k, change) in changes.enumerated() {
            var b = a
            change(&b)
            #expect(a != b, "field \(k)")
        }
    }
}
