import Testing
@testable import Quotes

/// A mention keeps its ranges as 32-bit bounds so that a long document's
/// hundreds of thousands of mentions take 64 bytes each: the ranges must
/// read back as they were given or set, and equality must see every field.
@Suite struct MentionLayoutTests {
    static func mention(content: Range<Int> = 3..<5, range: Range<Int> = 120..<138) -> Mention {
        Mention(kind: .role, content: content, range: range, gender: .feminine, number: .singular,
                text: "la ministre", roles: ["ministre"], country: "France",
                hasHonorific: false, insideQuote: false, isWeak: false)
    }

    @Test("ranges read back as given and as set", arguments: [
        (0..<0, 0..<0), (3..<5, 120..<138), (0..<1, 7..<7), (Int(Int32.max) - 1..<Int(Int32.max), 1_000_000..<Int(Int32.max)),
    ] as [(Range<Int>, Range<Int>)])
    func ranges(content: Range<Int>, range: Range<Int>) {
        var m = Self.mention(content: content, range: range)
        #expect(m.content == content && m.range == range)
        m.content = range
        m.range = content
        #expect(m.content == range && m.range == content)
    }

    @Test("equality sees every field")
    func equality() {
        let a = Self.mention()
        #expect(a == Self.mention())
        let changes: [(inout Mention) -> Void] = [
            { $0.content = 3..<6 }, { $0.range = 121..<138 }, { $0.text = "le ministre" }, { $0.roles = [] },
            { $0.country = nil }, { $0.kind = .unnamed }, { $0.gender = .masculine }, { $0.number = .plural },
            { $0.hasHonorific = true }, { $0.insideQuote = true }, { $0.isWeak = true },
        ]
        for (k, change) in changes.enumerated() {
            var b = a
            change(&b)
            #expect(a != b, "field \(k)")
        }
    }

    @Test("a mention takes 64 bytes")
    func size() {
        #expect(MemoryLayout<Mention>.stride <= 64)
    }
}
