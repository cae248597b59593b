import Testing
@testable import Quotes

/// The quick NFC test that spares ICU's normalizer: a text it passes is one
/// ICU finds normalized, and the working text is the same either way.
@Suite struct QuickNFCTests {
    /// Every Latin and General Punctuation scalar.
    static let range = ScalarTable<Bool>.scalars

    @Test("every pair of scalars it passes is NFC for ICU; it refuses a combining mark, a singleton and any other script")
    func passedPairsAreNFC() throws {
        let passed = Self.range.filter { NormalizedText.isQuickNFC([$0]) }
        #expect(passed.count > 600)
        var wrong: [String] = []
        for a in passed {
            for b in passed {
                let units = Array(String(String.UnicodeScalarView([a, b])).utf16)
                if try !Normalizer.nfc.isNormalized(units), wrong.count < 10 { wrong.append("U+\(String(a.value, radix: 16)) U+\(String(b.value, radix: 16))") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        for refused: Unicode.Scalar in ["\u{301}", "\u{2000}", "\u{2001}", "\u{212B}", "ا", "😀"] {
            #expect(!NormalizedText.isQuickNFC(["e", refused]), "U+\(String(refused.value, radix: 16))")
        }
    }

    @Test("the working text is ICU's NFC of the source, whichever way it is read", arguments: [
        "Mevlüt Çavuşoğlu a déclaré «non».", "Cafe\u{301} de l’Europe", "A\u{2000}B\u{2001}C", "Ångström \u{212B}",
        "L’accord, «signé» à Sotchi.", "Сергей Лавров", "e\u{301}\u{327}", "", "a\u{2028}b",
    ])
    func workingTextIsNFC(text: String) throws {
        let working = try NormalizedText(SourceText(text))
        let expected = try Normalizer.nfc.normalize(text)
        #expect(String(String.UnicodeScalarView(working.scalars)) == expected)
    }
}
