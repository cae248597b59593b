import Testing
@testable import Quotes

/// The four Western European sets told apart by the characters they make
/// of the bytes above 0x7F.
@Suite struct WesternCharsetsTests {
    @Test("the set whose reading looks most like French", arguments: [
        ([0x9C, 0x92, 0xE9], "ISO-8859-1", "windows-1252"),    // œ ’ é; C1 controls in the ISO sets
        ([0xBD, 0xA4, 0xE9], "ISO-8859-1", "ISO-8859-15"),     // œ € é, not ½ ¤
        ([0x8E, 0x8F, 0x88, 0xC7, 0xC8], "windows-1252", "macintosh"),   // é è à « », not Ž, a control, ˆ, Ç, È
        ([0xE9, 0xE8, 0xAB, 0xBB], "windows-1252", "windows-1252"),      // the same in three sets: ICU's name
        ([0xE9, 0xE8, 0xAB, 0xBB], "ISO-8859-1", "ISO-8859-1"),
    ] as [([UInt8], String, String)])
    func likeliest(bytes: [UInt8], preferring: String, expected: String) throws {
        let text = Array("Le maire a dit ".utf8) + bytes + Array(" hier.".utf8)
        #expect(try WesternCharsets().likeliest(for: text, preferring: preferring) == expected)
    }

    @Test("what characters are worth", arguments: [
        ("é", 3), ("œ", 3), ("«", 3), ("\u{A0}", 3), ("’", 3),
        ("Ç", 1), ("ñ", 1), ("Ž", 1), ("“", 1), ("€", 1),
        ("½", -1), ("¤", -1), ("‡", -1), ("∂", -1),
        ("\u{85}", -10), ("\u{0}", -10), ("\u{FFFD}", -10),
    ] as [(Unicode.Scalar, Int)])
    func score(scalar: Unicode.Scalar, worth: Int) {
        #expect(WesternCharsets.score(scalar) == worth)
    }
}
