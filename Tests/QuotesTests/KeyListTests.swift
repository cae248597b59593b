import Testing
@testable import Quotes

/// A closed list of keys answers as the array literal it replaces:
/// `contains` as `==`, `endsOne` as `contains(where: hasSuffix)`.
@Suite struct KeyListTests {
    static let words = ["de", "du", "d'", "à", "é", "ée", "ant", "", "du"]
    static let list = KeyList(words)

    @Test(arguments: ["de", "du", "d'", "à", "é", "des", "d", "", "dé", "a", "ée", "adressée", "présent",
                      "puissant", "été", "ant", "e\u{301}", "xe\u{301}", "ée\u{301}", "\u{600}ant", "Сергей",
                      "Œuvre", "ǅé", "e\u{300}", "d\u{2BC}", "ʼé", "\u{2FF}", "\u{300}", "d\u{301}e", "ÿée"])
    func sameAsStrings(key: String) {
        #expect(Self.list.contains(key) == Self.words.contains(key))
        #expect(Self.list.firstIndex(of: key) == Self.words.firstIndex(of: key))
        let nonEmpty = KeyList(Self.words.filter { !$0.isEmpty })
        #expect(nonEmpty.endsOne(key) == Self.words.filter { !$0.isEmpty }.contains(where: { key.hasSuffix($0) }))
    }

    /// Words of 63 bytes and more share one length bit: a key of such a
    /// length is still compared, found or not.
    static let long = [String(repeating: "x", count: 70), String(repeating: "y", count: 63), "ab", "ÿ"]

    @Test(arguments: [String(repeating: "x", count: 70), String(repeating: "x", count: 64), String(repeating: "y", count: 63),
                      String(repeating: "y", count: 80), "ab", "ac", "b", "ÿ", "y\u{308}", "", String(repeating: "x", count: 69) + "y"])
    func longWords(key: String) {
        #expect(KeyList(Self.long).firstIndex(of: key) == Self.long.firstIndex(of: key))
    }

    /// Words that share their first eight bytes, their length or both,
    /// repeated words (the first one counts), and more words than one slot
    /// table of the smallest size holds.
    static let crowded = ["continuity", "continuity-far", "incise-name", "incise-late", "incise-name", "abcdefgh", "abcdefghi",
                          "abcdefgX", "abcdefgh", "selon", "colon", "", "a", "ab", "ba", "paragraph-subject", "paragraph-subjecT",
                          "é", "ée", "déclaré", "déclarée"] + (0..<40).map { "mot\($0)" }

    @Test(arguments: crowded + ["continuit", "continuity-fa", "incise-nam", "abcdefg", "abcdefghij", "abcdefgY", "mot40", "mot7",
                                "paragraph-subjec", "x", "", "déclar", "de\u{301}claré", "ABCDEFGH"])
    func crowdedList(key: String) {
        #expect(KeyList(Self.crowded).firstIndex(of: key) == Self.crowded.firstIndex(of: key))
    }

    /// Punctuation of U+2010…U+2027 is compared by its bytes, found or not; a mark after it, or
    /// a scalar just outside the range, sends the key to the `String` comparison, which agrees.
    static let punctuation = ["—", "’", "…", "«", "d’", "–", "‐"]

    @Test(arguments: ["—", "’", "…", "«", "d’", "–", "‐", "‑", "―", "‘", "„", "‧", "\u{2028}", "\u{200F}", "—\u{301}", "’\u{338}",
                      "…x", "x…", "\u{2026}", "d'", "—’", "\u{2030}", "\u{2190}\u{338}", "\u{219A}"])
    func punctuationKeys(key: String) {
        #expect(KeyList(Self.punctuation).firstIndex(of: key) == Self.punctuation.firstIndex(of: key))
        #expect(KeyList(Self.punctuation).endsOne(key) == Self.punctuation.contains(where: { key.hasSuffix($0) }))
    }

    /// Which keys are taken as NFC without a look, byte by byte.
    @Test(arguments: [("abc", true), ("été", true), ("\u{2FF}", true), ("\u{300}", false), ("e\u{301}", false), ("—", true),
                      ("\u{2010}", true), ("\u{2027}", true), ("\u{200F}", false), ("\u{2028}", false), ("\u{2190}", false),
                      ("x—y’…", true), ("—\u{301}", false), ("Сергей", false), ("", true)])
    func plainNFC(key: String, plain: Bool) {
        #expect(Array(key.utf8).withUnsafeBufferPointer(KeyList.isPlainNFC) == plain)
    }

    @Test func literal() {
        let marks: KeyList = [",", "!", "…"]
        #expect(marks.contains("…"))
        #expect(!marks.contains("."))
        #expect(!KeyList([]).contains(""))
        #expect(KeyList([""]).contains(""))
    }
}
