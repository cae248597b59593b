import Foundation
import Testing
@testable import Quotes

/// Comparison keys of names: normalization for Latin letters with
/// diacritics, the transliterator for the rest.
@Suite struct FoldingTests {
    @Test(arguments: [
        // Latin letters whose diacritics decompose: normalization alone.
        ("Mevlüt Çavuşoğlu", "mevlut cavusoglu", false),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan", false),
        ("Élisabeth Borne", "elisabeth borne", false),
        ("Jean-Luc MÉLENCHON", "jean-luc melenchon", false),
        ("Antonín Dvořák", "antonin dvorak", false),
        ("Nguyễn Phú Trọng", "nguyen phu trong", false),
        ("Sergueï Lavrov", "serguei lavrov", false),
        ("İstanbul", "istanbul", false),
        ("l’Élysée", "l'elysee", false),
        ("Rene\u{301}e", "renee", false),
        ("Ngo\u{323}\u{302}c", "ngoc", false),
        ("Mevlut Cavusoglu", "mevlut cavusoglu", false),
        ("", "", false),
        // Latin letters without a decomposition, spelled as the transliterator spells them.
        ("Binali Yıldırım", "binali yildirim", false),
        ("M. Aydınoğlu", "m. aydinoglu", false),
        ("Lars Løkke Rasmussen", "lars lokke rasmussen", false),
        ("Wolfgang Straße", "wolfgang strasse", false),
        ("Lech Wałęsa", "lech walesa", false),
        ("Cœur", "coeur", false),
        ("Æsa Þórðardóttir", "aesa thordardottir", false),
        ("Ǿrsted", "orsted", false),
        // The schwa, which the transliterator keeps: folded, not spelled.
        ("Elmar Məmmədov", "elmar məmmədov", false),
        ("ƏLIYEVA", "əliyeva", false),
        // Typographic spaces and punctuation, spelled as the transliterator spells them.
        ("Anne\u{A0}Vidal", "anne vidal", false),
        ("Anne\u{202F}Vidal", "anne vidal", false),
        ("les cheminots «\u{A0}en colère\u{A0}»", "les cheminots << en colere >>", false),
        ("Saint–Denis … “Nord”", "saint-denis ... \"nord\"", false),
        // Other scripts, rarer letters, mixed, marks on punctuation: the transliterator.
        ("Áŋŋel", "annel", true),
        ("Сергей Лавров", "sergej lavrov", true),
        ("Αλέξης Τσίπρας", "alexes tsipras", true),
        ("Sergueï Лавров", "serguei lavrov", true),
        ("2\u{301}", "2", true),
        ("≠", "≠", true),
        ("«\u{301}", "<<\u{301}", true),
    ])
    func key(name: String, key: String, transliterated: Bool) {
        let folding = Folding()
        #expect(folding.fold(name) == Folding.Folded(key: key, transliterated: transliterated))
        // The same key as through the transliterator, whichever way it was made.
        #expect(Folding().transliteratedKey(name) == key)
        #expect(folding.hasOpenedTransliterator == transliterated)
    }

    @Test("Latin names keep their case in ASCII", arguments: [
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("Anna Dupont", "Anna Dupont"),
        ("Lech Wałęsa", nil),
        ("Сергей Лавров", nil),
    ] as [(String, String?)])
    func ascii(name: String, ascii: String?) {
        #expect(Folding.asciiWithoutTransliterator(name) == ascii)
    }

    @Test("the cache tells spellings apart by their bytes, and both give the same key")
    func cacheByBytes() {
        #expect(BytesKey("Renée") == BytesKey("Renée"))
        #expect(BytesKey("Renée").hashValue == BytesKey(String("xRenée".dropFirst())).hashValue)
        #expect(BytesKey("Renée") != BytesKey("Rene\u{301}e"))
        #expect(BytesKey("Renée") != BytesKey("Renéé"))
        #expect(BytesKey("") == BytesKey(""))
        let folding = Folding()
        for _ in 0..<2 {
            #expect(folding.key("Renée Lévêque") == "renee leveque")
            #expect(folding.key("Rene\u{301}e Le\u{301}ve\u{302}que") == "renee leveque")
        }
    }

    /// Every scalar normalization accepts (alone, and between letters that
    /// take the non-ASCII path) gets exactly the transliterator's result:
    /// the key, and the ASCII rendering with its case.
    @Test("normalization agrees with the transliterator on every scalar it accepts")
    func everyScalar() throws {
        let folding = Folding()
        let toASCII = try Transliterator("Any-Latin; Latin-ASCII")
        // What the key was before normalization took over Latin text.
        func transliterated(_ text: String) -> String {
            text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : folding.transliteratedKey(text)
        }
        var mismatches: [String] = []
        var accepted = 0
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), Folding.keyWithoutTransliterator(String(scalar)) != nil else { continue }
            accepted += 1
            for text in [String(scalar), "É\(scalar)ö", "a\(scalar)B", "X\(scalar)Y", "\(scalar)\(scalar)", "\(scalar)\u{301}", "\(scalar)\u{323}\u{302}x"] {
                if let key = Folding.keyWithoutTransliterator(text), key != transliterated(text) {
                    mismatches.append("key U+\(String(value, radix: 16)) in \(text.debugDescription)")
                }
                if let plain = Folding.asciiWithoutTransliterator(text), plain != (try toASCII.apply(text)) {
                    mismatches.append("ASCII U+\(String(value, radix: 16)) in \(text.debugDescription)")
                }
            }
        }
        #expect(accepted > 500)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
    }

    @Test("every word of the Corpus and every registry name keeps the key the transliterator gives")
    func corpusWords() throws {
        let folding = Folding()
        var texts = try Support.articles().map { try String(contentsOf: $0, encoding: .utf8) }
        texts += try Registry.bundled().entries.flatMap { [$0.name] + ($0.aliases ?? []) + [$0.native].compactMap { $0 } }
        var words = Set<String>()
        for text in texts {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where !word.utf8.allSatisfy({ $0 < 0x80 }) {
                words.insert(String(word))
            }
            words.formUnion(text.split(separator: "\n").map(String.init))
        }
        let differing = words.filter { word in
            Folding.keyWithoutTransliterator(word).map { $0 != folding.transliteratedKey(word) } ?? false
        }
        #expect(differing.isEmpty, "\(differing.sorted().prefix(10))")
    }
}
