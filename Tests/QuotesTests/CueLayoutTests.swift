import Testing
@testable import Quotes

/// A cue keeps its ranges as 32-bit bounds, ahead of its form, so that it
/// takes 48 bytes: the ranges must read back as given or set, and equality
/// must see every field.
@Suite struct CueLayoutTests {
    static func cue(content: Range<Int> = 4..<6, range: Range<Int> = 40..<52) -> Cue {
        Cue(form: .verb(lemma: 7, inverted: 5, isNonFinite: false), strength: .speech, content: content, range: range,
            insideQuote: false)
    }

    @Test("ranges read back as given and as set", arguments: [
        (0..<0, 0..<0), (4..<6, 40..<52), (Int(Int32.max) - 2..<Int(Int32.max), 9..<9),
    ] as [(Range<Int>, Range<Int>)])
    func ranges(content: Range<Int>, range: Range<Int>) {
        var c = Self.cue(content: content, range: range)
        #expect(c.content == content && c.range == range && c.isKnownVerb)
        c.content = range
        c.range = content
        #expect(c.content == range && c.range == content)
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

    @Test("a cue takes 48 bytes")
    func size() {
        #expect(MemoryLayout<Cue>.stride <= 48)
    }
}
