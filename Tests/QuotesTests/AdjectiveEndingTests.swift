import Testing
@testable import Quotes

/// Lowercase adjectives are told by their endings, compared on UTF-8 bytes:
/// the answer must be the one of the definition, words of more than three
/// characters with one of the endings as a `String` suffix.
@Suite struct AdjectiveEndingTests {
    @Test("bytes give the String answer", arguments: [
        "militaire", "aire", "are", "al", "mondiale", "sociaux", "européen", "européenne", "ténu", "",
        "ministre", "président", "tel", "réel", "actif", "ive", "naïve", "e\u{301}le\u{301}ve", "ﬁscal", "ÉLECTORAL", "électoral",
        "arrive\u{301}e", "premie\u{300}re", "ann\u{301}ee\u{301}s", "e\u{301}",
    ])
    func ending(word: String) throws {
        let lexicon = try FrenchLexicon.shared()
        let expected = word.count > 3 && lexicon.adjectiveEndings.contains { word.hasSuffix($0) }
        #expect(lexicon.hasAdjectiveEnding(word) == expected)
    }

    @Test("every ending, alone and after three letters")
    func endings() throws {
        let lexicon = try FrenchLexicon.shared()
        for ending in lexicon.adjectiveEndings {
            #expect(lexicon.hasAdjectiveEnding(ending) == (ending.count > 3), "\(ending)")
            #expect(lexicon.hasAdjectiveEnding("abc" + ending), "abc\(ending)")
        }
    }
}
