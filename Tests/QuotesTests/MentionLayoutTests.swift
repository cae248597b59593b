import Testing
@testable import Quotes

/// A mention keeps its ranges in ``CompactRange`` wrappers: equality must
/// still see every field, the wrapped ranges included.
@Suite struct MentionLayoutTests {
    static func mention(content: Range<Int> = 3..<5, range: Range<Int> = 120..<138) -> Mention {
        Mention(content: content, range: range, text: "la ministre", roles: ["ministre"], country: "France", kind: .role, gender: .feminine,
                number: .singular, hasHonorific: false, insideQuote: false, isWeak: false)
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
}
