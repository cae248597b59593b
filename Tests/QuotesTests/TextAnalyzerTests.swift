import Testing
@testable import Quotes

@Suite struct TextAnalyzerTests {
    static let analyzer: @Sendable () throws -> TextAnalyzer = { try TextAnalyzer(abbreviations: FrenchLexicon.shared().abbreviations) }

    @Test("sentences", arguments: [
        ("M. Lavrov est arrivé. Il a parlé.", 2),
        ("Mme Varga a répondu. Le Dr Kis aussi.", 2),
        ("J. Dupont a signé hier. Puis il est parti.", 2),
        ("Il était amer. Nous avons perdu.", 2),          // ICU alone takes "amer." for "mer."
        ("Le 3 janv. il a parlé. Puis il est parti.", 2),
        ("Une phrase sans point", 1),
        ("", 1),
    ])
    func sentences(text: String, count: Int) throws {
        let doc = try Self.analyzer().analyze(id: "t", source: SourceText(text))
        #expect(doc.sentences.count == count)
    }

    /// A working range's original text without some scalars, against filtering the whole text:
    /// with nothing dropped, marks at either end or side by side, a decomposed accent, an emoji.
    @Test("original text without dropped scalars", arguments: [
        "l'association Halles vivantes",
        "l’association «Halles vivantes»",
        "le « Quotidien » et “l’Écho”",
        "«»\"\"‘’e\u{301}🙂",
        "",
    ])
    func originalTextDropping(text: String) throws {
        let doc = try Self.analyzer().analyze(id: "t", source: SourceText("  " + text + "\n\nFin."))
        func dropped(_ scalar: Unicode.Scalar) -> Bool { CharacterClass.isQuoteMark(scalar) && !CharacterClass.isApostrophe(scalar) }
        let end = doc.text.scalars.count
        for range in [0..<end, 2..<(2 + text.unicodeScalars.count), 0..<0, 1..<min(end, 6)] {
            let filtered = String(String.UnicodeScalarView(doc.originalText(range).unicodeScalars.filter { !dropped($0) }))
            #expect(doc.originalText(range, dropping: dropped) == filtered)
        }
    }

    @Test("paragraphs are blank-line separated", arguments: [
        ("Un.\n\nDeux.\n\nTrois.", 3),
        ("Un.\nToujours un.", 1),
        ("Un.\r\n\r\nDeux.", 2),
        ("Un.\n   \nDeux.", 2),
    ])
    func paragraphs(text: String, count: Int) throws {
        #expect(try Self.analyzer().analyze(id: "t", source: SourceText(text)).paragraphs.count == count)
    }

    /// A paragraph's positions hold exactly the positions its index is
    /// given for, blank lines and both ends of the text included.
    @Test("paragraph positions agree with paragraph indices", arguments: [
        "Un.\n\nDeux.\n\nTrois.", "Un seul paragraphe.", "", "\n\nAprès deux lignes.\n\n\n\nEt la fin.\n\n",
    ])
    func paragraphPositions(text: String) throws {
        let doc = try Self.analyzer().analyze(id: "t", source: SourceText(text))
        for p in 0..<max(doc.paragraphs.count, 1) {
            let positions = doc.paragraphPositions(p)
            for x in -3...(text.unicodeScalars.count + 3) {
                #expect(positions.contains(x) == (doc.paragraphIndex(at: x) == p), "paragraph \(p), position \(x)")
            }
        }
    }

    @Test("token kinds", arguments: [
        ("«Oui»", [TokenKind.quoteMark, .word, .quoteMark]),
        ("l'Otan", [.word, .word]),
        ("a-t-il", [.word, .punctuation, .word, .punctuation, .word]),
        ("2017, 8ème", [.number, .punctuation, .space, .word]),
        ("«\u{202F}Non\u{202F}»", [.quoteMark, .space, .word, .space, .quoteMark]),
    ])
    func tokenKinds(text: String, kinds: [TokenKind]) throws {
        let doc = try Self.analyzer().analyze(id: "t", source: SourceText(text))
        #expect(doc.tokens.map(\.kind) == kinds)
    }

    @Test("elision splits l' d' qu' but not aujourd'hui", arguments: [
        ("qu'il", ["qu'", "il"]),
        ("d’Ankara", ["d'", "ankara"]),
        ("aujourd'hui", ["aujourd'hui"]),
    ])
    func elision(text: String, keys: [String]) throws {
        let doc = try Self.analyzer().analyze(id: "t", source: SourceText(text))
        #expect(Array(doc.keys) == keys)
    }

    @Test("dateline or metadata prefix is its own sentence", arguments: [
        (" date 2020-12 La Russie a dit non.", "La Russie a dit non."),
        ("LYON, 12 mars (AFP) - Le maire a parlé.", "Le maire a parlé."),
        ("BRUXELLES — La Commission a tranché.", "La Commission a tranché."),
    ])
    func dateline(text: String, lede: String) throws {
        let doc = try Self.analyzer().analyze(id: "t", source: SourceText(text))
        let last = try #require(doc.sentences.last)
        #expect(doc.text.string(last.range) == lede)
    }

    @Test("offsets point into the original whatever normalization happens", arguments: [
        "Il a dit «cafe\u{301}» hier.",        // NFD é
        "\u{FEFF}Il a dit «oui».",              // BOM
        "Il a dit «oui».\r\n\r\nEt «non».",     // CRLF
        "Il a dit «\u{202F}oui\u{202F}».",      // narrow NBSP
        "A\u{30A} «e\u{301}te\u{301}» \u{212B}", // composition and singleton
        "«😀 emoji» et «fin»",                  // non-BMP
    ])
    func offsets(text: String) throws {
        let quotes = try Support.quotes(text)
        #expect(!quotes.isEmpty)
        for quote in quotes {
            #expect(text.scalars(quote.range.lowerBound.value, quote.range.upperBound.value) == quote.text)
        }
    }
}

@Suite struct SentenceQuoteTests {
    @Test("a sentence that opens with a quote owns its opening mark", arguments: [
        ("Il était amer. « Nous avons perdu », a-t-il dit.", "« Nous avons perdu », a-t-il dit."),
        ("Elle sourit. “On a gagné”, lance-t-elle.", "“On a gagné”, lance-t-elle."),
        ("Fin du match. \"Bravo\", dit-il.", "\"Bravo\", dit-il."),
    ])
    func openingMark(text: String, last: String) throws {
        let doc = try TextAnalyzerTests.analyzer().analyze(id: "t", source: SourceText(text))
        let sentence = try #require(doc.sentences.last)
        #expect(doc.text.string(sentence.range) == last)
    }
}
