import Testing
@testable import Quotes

/// The keys of content tokens are numbered across the documents an analyzer
/// reads: each document must still read its own keys and ids as if it had
/// been read alone, whatever was read before or after it.
@Suite struct VocabularyTests {
    /// Each text read alone, by a fresh analyzer: the keys of its content tokens.
    static func alone(_ text: String) throws -> [String] {
        let document = try TextAnalyzer(abbreviations: ["M"]).analyze(id: "t", source: SourceText(text))
        return Array(document.contentKeys)
    }

    @Test("documents read one after another keep their own keys", arguments: [
        (["Le ministre a parlé.", "Le ministre a répondu."], 3),
        (["L’Élysée a tranché.", "l'élysée, L'ÉLYSÉE et l’Élysée."], 1 << 20),
        (["Ədalət partiyası.", "Ədalət et ədalət.", "Straße, STRASSE."], 2),
        (["", "Un mot.", ""], 1),
    ])
    func keysAcrossDocuments(texts: [String], limit: Int) throws {
        let analyzer = try TextAnalyzer(abbreviations: ["M"], vocabularyLimit: limit)
        var documents: [Document] = []
        for text in texts { documents.append(try analyzer.analyze(id: "t", source: SourceText(text))) }
        for (text, document) in zip(texts, documents) {
            // Held documents are read after later ones grew (or reset) the vocabulary.
            #expect(Array(document.contentKeys) == (try Self.alone(text)))
            #expect(document.contentKeys.vocabulary.count <= Set(document.contentKeys.vocabulary).count)
            for c in document.content.indices {
                let token = document.tokens[document.content[c]]
                #expect(document.contentKeys[c] == ScalarString.key(document.text.scalars[token.start..<token.end]))
                // A token's key finds its own number, in this document's snapshot of the vocabulary.
                #expect(document.keyNumber(document.contentKeys[c]) == document.contentKeys.numbers[c])
            }
            #expect(document.keyNumber("mot-absent-de-tous") == nil)
        }
    }

    @Test("a vocabulary over its limit starts afresh before the next document")
    func limit() throws {
        let analyzer = try TextAnalyzer(abbreviations: [], vocabularyLimit: 4)
        let first = try analyzer.analyze(id: "a", source: SourceText("un deux trois quatre cinq"))
        let second = try analyzer.analyze(id: "b", source: SourceText("six un"))
        #expect(first.contentKeys.vocabulary == ["un", "deux", "trois", "quatre", "cinq"])
        #expect(second.contentKeys.vocabulary == ["six", "un"])
        let third = try analyzer.analyze(id: "c", source: SourceText("un sept"))
        #expect(third.contentKeys.vocabulary == ["six", "un", "sept"])
        #expect(Array(third.contentKeys.numbers) == [1, 2])
    }

    @Test("ids in a table the analyzer numbers agree with ids looked up by key, in any table")
    func idsAgree() throws {
        let given = WordTable(["le", "ministre", "a", "dit"])
        let other = WordTable(["dit", "oui", "le"])
        let analyzer = try TextAnalyzer(abbreviations: [], tables: [given])
        for text in ["Le ministre a dit oui.", "Oui, a dit le ministre. Non, dit-il."] {
            let document = try analyzer.analyze(id: "t", source: SourceText(text))
            for table in [given, other] {
                #expect(Array(document.words(in: table)) == table.ids(document.contentKeys))
            }
        }
    }

    @Test("a growing word table numbers every word once, densely", arguments: [1, 16, 5_000])
    func growth(count: Int) {
        var table = WordTable(capacity: 1)
        let words = (0..<count).map { "mot\($0 * 7919 % 100_003)é" }
        for (n, word) in words.enumerated() {
            let (id, isNew) = Array(word.utf8).withUnsafeBufferPointer { table.insert($0) }
            #expect(isNew && id == WordID(raw: Int32(n)))
        }
        #expect(table.count == count)
        for (n, word) in words.enumerated() {
            #expect(table.id(word) == WordID(raw: Int32(n)))
            let (id, isNew) = Array(word.utf8).withUnsafeBufferPointer { table.insert($0) }
            #expect(!isNew && id == WordID(raw: Int32(n)))
        }
        #expect(!table.id("absent").isKnown)
    }
}
