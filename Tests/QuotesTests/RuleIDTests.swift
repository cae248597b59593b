import Testing
@testable import Quotes

/// Rule names compared by their bytes answer as the names compared as strings,
/// for every rule the engine has and for names in NFC beyond ASCII.
@Suite struct RuleIDTests {
    static let names: [String] = StandardRules.all.map(\.id.rawValue)
        + ["", "a", "incise-name", "incise-nam", "incise-namf", "règle-é", "règle-e", "规则", "r\u{1F600}"]

    @Test("== by bytes agrees with == on the names")
    func equality() {
        for a in Self.names {
            for b in Self.names {
                #expect((RuleID(rawValue: a) == RuleID(rawValue: b)) == (a == b), "\(a) / \(b)")
            }
        }
    }

    @Test("equal rules hash alike")
    func hashing() {
        for name in Self.names {
            #expect(RuleID(rawValue: name).hashValue == RuleID(rawValue: String(decoding: Array(name.utf8), as: UTF8.self)).hashValue)
        }
    }
}
