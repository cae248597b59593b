import Testing
@testable import Quotes

/// Token keys and texts built straight to UTF-8 must equal what the
/// standard library builds scalar by scalar.
@Suite struct ScalarStringTests {
    /// The reference: apostrophes unified, then `String.lowercased()`.
    static func referenceKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(Folding.unifyApostrophe(scalar)) }
        return String(view).lowercased()
    }

    @Test("keys", arguments: ["Otan", "L’Otan", "ÉTÉ", "Œdipe", "İstanbul", "ΣΟΦΙΑ", "Straße", "ǅemal", "×÷ÞÀ", "`Quoi´", "𝒜bc", "", "Лавров"])
    func key(word: String) {
        let scalars = Array(word.unicodeScalars)[...]
        #expect(ScalarString.key(scalars) == Self.referenceKey(scalars))
        #expect(ScalarString.make(scalars) == word)
    }

    @Test("every scalar keys and encodes like the standard library", arguments: [0x0..<0x10000, 0x10000..<0x30000, 0xE0000..<0xE0080])
    func everyScalar(range: Range<UInt32>) {
        var mismatches: [UInt32] = []
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let one = [scalar, "A"][...]
            if ScalarString.key(one) != Self.referenceKey(one) || ScalarString.make(one) != String(String.UnicodeScalarView(one)) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}
