import Testing
@testable import Quotes
import QuotesStress

/// A "sentence" with no end (a pasted list, hostile input) is cut into
/// pieces of at most ``TextAnalyzer/maximumSentenceLength`` content tokens,
/// after a comma when one is near, so every search within a sentence stays
/// bounded. Without the cut, a 94 kB endless sentence took 96 s.
@Suite struct SentenceCapTests {
    static func sentences(_ text: String) throws -> [String] {
        let document = try Support.extractor().analyze(id: "t", source: SourceText(text))
        return document.sentences.map { document.text.string($0.range).trimmingCharacters(in: .whitespaces) }
    }

    static func contentTokens(_ sentence: String) throws -> Int {
        try Support.extractor().analyze(id: "t", source: SourceText(sentence)).content.count
    }

    @Test("a sentence of 1 000 words is cut after a comma or a semicolon into pieces of at most 200 tokens",
          arguments: [",", " ;"])
    func commas(mark: String) throws {
        let text = (0..<250).map { "un mot de plus \($0)\(mark)" }.joined(separator: " ")
        let pieces = try Self.sentences(text)
        #expect(pieces.count > 1)
        for piece in pieces.dropLast() {
            #expect(piece.hasSuffix(mark))
            #expect(try Self.contentTokens(piece) <= TextAnalyzer.maximumSentenceLength)
            #expect(try Self.contentTokens(piece) >= TextAnalyzer.maximumSentenceLength / 2)
        }
        #expect(pieces.joined(separator: " ") == text)
    }

    @Test("with no comma, the cut falls at the limit")
    func noComma() throws {
        let text = Array(repeating: "mot", count: 450).joined(separator: " ")
        let pieces = try Self.sentences(text)
        #expect(pieces.map { $0.split(separator: " ").count } == [200, 200, 50])
    }

    /// Sentences shorter than the limit are passed over without reading
    /// their tokens: a long one among them is still found and cut where a
    /// lone one is, and the short ones stay whole, in order.
    @Test("a long sentence among short ones is cut as when it stands alone",
          arguments: [0, 1, 5, 60])
    func amongShortOnes(shortBefore: Int) throws {
        let short = (0..<shortBefore).map { "Phrase courte numéro \($0)." }
        let long = "Début " + Array(repeating: "mot", count: 449).joined(separator: " ") + "."
        let after = ["Une autre phrase suit.", "Et une dernière."]
        let pieces = try Self.sentences((short + [long] + after).joined(separator: " "))
        let alone = try Self.sentences(long)
        #expect(alone.map { $0.split(separator: " ").count } == [200, 200, 50])
        #expect(alone.joined(separator: " ") == long)
        #expect(pieces == short + alone + after)
    }

    @Test("articles keep their sentences: none of the Corpus comes near the limit")
    func corpus() throws {
        let extractor = try Support.extractor()
        for url in try Support.articles() {
            let document = try extractor.analyze(id: url.lastPathComponent, source: SourceText(String(contentsOf: url, encoding: .utf8)))
            for sentence in document.sentences {
                #expect(sentence.tokens.filter { document.tokens[$0].kind != .space }.count < TextAnalyzer.maximumSentenceLength / 2)
            }
        }
    }

    @Test("an endless sentence of names, pronouns and quotes: every quote found")
    func endless() throws {
        let text = String(decoding: PathologicalInput.endlessSentence.document(count: 300), as: UTF8.self)
        let quotes = try Support.quotes(text)
        #expect(quotes.count == 300)
        #expect(quotes.allSatisfy { $0.text == "oui" })
    }
}
