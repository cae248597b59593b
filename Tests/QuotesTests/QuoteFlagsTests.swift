import Testing
@testable import Quotes

/// `QuoteFlags` behaves as the `Set<QuoteFlag>` it replaced: membership,
/// insertion, equality, and reading in the flags' sorted order, for every
/// set of flags there is.
@Suite struct QuoteFlagsTests {
    /// Every subset of the flags, as a set and as `QuoteFlags`, built by insertion.
    static var subsets: [(Set<QuoteFlag>, QuoteFlags)] {
        let all = QuoteFlag.allCases
        return (0..<(1 << all.count)).map { mask in
            var set: Set<QuoteFlag> = []
            var flags: QuoteFlags = []
            for (i, flag) in all.enumerated() where mask & (1 << i) != 0 {
                set.insert(flag)
                flags.insert(flag)
            }
            return (set, flags)
        }
    }

    @Test("read in sorted order, with the same members as a set")
    func sameAsSet() {
        for (set, flags) in Self.subsets {
            #expect(Array(flags) == set.sorted())
            #expect(flags.count == set.count)
            #expect(flags.isEmpty == set.isEmpty)
            for flag in QuoteFlag.allCases { #expect(flags.contains(flag) == set.contains(flag)) }
            #expect(flags == QuoteFlags(arrayLiteralOf: set.sorted()))
        }
    }

    @Test("equal exactly when the sets are equal")
    func equality() {
        let subsets = Self.subsets
        for (a, fa) in subsets {
            for (b, fb) in subsets { #expect((fa == fb) == (a == b)) }
        }
    }

    @Test("insert tells whether the flag was new")
    func insertReportsNewFlag() {
        var flags: QuoteFlags = [.unclosed]
        #expect(flags.insert(.unclosed).inserted == false)
        #expect(flags.insert(.lossyInput).inserted == true)
        #expect(flags.map(\.rawValue) == ["lossy-input", "unclosed"])
    }
}

private extension QuoteFlags {
    init(arrayLiteralOf flags: [QuoteFlag]) {
        self = []
        for flag in flags { insert(flag) }
    }
}
