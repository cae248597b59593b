import Testing
@testable import Quotes

/// ICU's charset detection through ``CharsetDetector``: what it says, before
/// quotectl's own decisions (``EncodingDetector``).
@Suite struct CharsetDetectorTests {
    @Test("ICU's first guess for the test article in each form", arguments: [
        ("UTF-8", "UTF-8"), ("windows-1252", "windows-1252"), ("ISO-8859-15", "ISO-8859-1"),
        ("UTF-16LE", "UTF-16LE"), ("UTF-16BE", "UTF-16BE"),
        // ICU has no Mac Roman: it reads the article as windows-1252, which is why WesternCharsets exists.
        ("macintosh", "windows-1252"),
    ])
    func first(charset: String, guess: String) throws {
        let form = try #require(EncodedArticle.forms.first { $0.charset == charset })
        let matches = try CharsetDetector().matches(in: try EncodedArticle.bytes(form))
        #expect(matches.first?.name == guess)
        #expect(matches.first.map { $0.confidence >= EncodingDetector.minimumConfidence } == true)
        #expect(matches.map(\.confidence) == matches.map(\.confidence).sorted(by: >))
    }

    @Test("a French single-byte text is recognised as French")
    func language() throws {
        let form = try #require(EncodedArticle.forms.first { $0.charset == "windows-1252" })
        #expect(try CharsetDetector().matches(in: try EncodedArticle.bytes(form)).first?.language == "fr")
    }

    @Test("one detector serves many texts, and an empty one")
    func reuse() throws {
        let detector = try CharsetDetector()
        _ = try detector.matches(in: [])
        let first = try detector.matches(in: Array("«\u{A0}Oui\u{A0}», a-t-elle répondu.".utf8))
        let again = try detector.matches(in: Array("«\u{A0}Oui\u{A0}», a-t-elle répondu.".utf8))
        #expect(first == again)
    }
}
