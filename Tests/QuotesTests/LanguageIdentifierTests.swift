import Foundation
import Testing
@testable import Quotes

/// The language of short quotes as printed; sentences written for these tests.
@Suite struct LanguageIdentifierTests {
    static let identifier = Result { try LanguageIdentifier.bundled() }

    @Test(arguments: [
        ("La réunion a duré plus longtemps que prévu", "fr"),
        ("Nous attendons des actes, pas des paroles", "fr"),
        ("The match was harder than we expected", "en"),
        ("Nobody here wants another war", "en"),
        ("It's not over until the last whistle", "en"),
        ("Das haben wir uns anders vorgestellt", "de"),
        ("Wir bleiben hier, egal was passiert", "de"),
        ("Vamos a ganar este partido en casa", "es"),
        ("Lo importante es seguir trabajando", "es"),
        ("Abbiamo bisogno di tempo e di pazienza", "it"),
        ("La gente è stanca di promesse", "it"),
        ("Precisamos de mais tempo para decidir", "pt"),
        ("O povo quer trabalho e não promessas", "pt"),
        ("Bunu asla kabul etmeyeceğiz", "tr"),
        ("Halkımız barış istiyor", "tr"),
        ("Vsyo budet khorosho, ne volnuytes", "ru"),
        ("Net, my ne soglasny s etim", "ru"),
        ("Мы будем работать вместе", "ru"),
        ("Ми будемо працювати разом і далі", "uk"),
        ("Θα συνεχίσουμε τη δουλειά", "el"),
        ("نحن مستعدون للحوار", "ar"),
        ("ჩვენ ვაგრძელებთ მუშაობას", "ka"),
        ("我们会继续合作", "zh"),
        ("We moeten nu handelen, niet morgen", "nl"),
        ("Dziękuję wszystkim za wsparcie", "pl"),
        ("Köszönjük a támogatást mindenkinek", "hu"),
    ])
    func identify(text: String, language: String) throws {
        #expect(try Self.identifier.get().identify(text) == language)
    }

    /// The scores read letter by letter from the text (no array of letters,
    /// however long the quote) are exactly those over the letters listed first.
    @Test("letters read as they come score as the listed letters", arguments: [
        "", "2026 !", "«»", "a", "Oui.", "l’homme qu'il a vu", "  Deux   espaces  ",
        "İstanbul et IJsselmeer", "Straße, Œuvre, Ǆemal", "Мы будем работать", "我们 会 继续",
        "x1y2z3", "fin___", String(repeating: "Nous reviendrons, dit-il. ", count: 200),
        String(repeating: "Ça ira mieux demain, İzmir. ", count: 1_000),
    ])
    func streamedLetters(text: String) throws {
        let model = try Self.identifier.get().model
        #expect(model.logLikelihoods(ofText: text) == model.logLikelihoods(of: CharacterNGramModel.letters(text)))
    }

    /// Letters read from a text are scored through the table of ASCII
    /// trigrams where they can be; the letters listed first are scored by
    /// the hash tables alone. Every three-letter word over a…z (so every
    /// ASCII trigram and every trigram with a word boundary) and every
    /// Corpus article get the same sums both ways.
    @Test("the ASCII trigram table finds the rows the hash tables find")
    func asciiTable() throws {
        let model = try Self.identifier.get().model
        let alphabet = (UInt32(0x61)...0x7A).map { Character(Unicode.Scalar($0)!) }
        var words: [String] = []
        for a in alphabet { for b in alphabet { for c in alphabet { words.append(String([a, b, c])) } } }
        for text in [words.joined(separator: " "), words.joined(separator: "é"), words.joined()] {
            #expect(model.logLikelihoods(ofText: text) == model.logLikelihoods(of: CharacterNGramModel.letters(text)))
        }
        for article in try Support.articles() {
            let text = try String(contentsOf: article, encoding: .utf8)
            #expect(model.logLikelihoods(ofText: text) == model.logLikelihoods(of: CharacterNGramModel.letters(text)), "\(article.lastPathComponent)")
        }
    }

    @Test("words as the frequent-word bonus reads them", arguments: [
        ("", []),
        ("Oui.", ["oui"]),
        ("n'ont-ils pas dit", ["n'", "ont", "ils", "pas", "dit"]),
        ("l’homme qu’il a vu", ["l'", "homme", "qu'", "il", "a", "vu"]),
        ("jusqu'au bout", ["jusqu'", "au", "bout"]),
        ("it's the end'", ["it's", "the", "end"]),
        ("ʼa `b´ x''y", ["a", "b", "x''y"]),
        ("c''d", ["c'", "d"]),
        ("ÉTÉ 2026, Straße", ["été", "straße"]),
        ("İzmir", ["i\u{307}zmir"]),
    ] as [(String, [String])])
    func words(text: String, words: [String]) {
        var found: [String] = []
        let count = LanguageIdentifier.forEachWord(text) { word in
            found.append(String(String.UnicodeScalarView(word.map { Unicode.Scalar($0)! })))
        }
        #expect(found == words)
        #expect(count == words.count)
    }

    /// A word longer than the splitter's buffer (64 scalars) is counted but
    /// not handed out; a closing apostrophe dropped brings a word back to
    /// the buffer's size.
    @Test("a word past the buffer is counted, not spelled", arguments: [
        (String(repeating: "a", count: 64) + " the", [String(repeating: "a", count: 64), "the"], 2),
        (String(repeating: "b", count: 65) + " the", ["the"], 2),
        (String(repeating: "c", count: 65) + "' the", ["the"], 2),
        (String(repeating: "d", count: 63) + "' x", [String(repeating: "d", count: 63), "x"], 2),
        (String(repeating: "D", count: 64) + "'", [String(repeating: "d", count: 64)], 1),
        (String(repeating: "f", count: 64) + "'' g", ["g"], 2),
        ("l'" + String(repeating: "e", count: 70) + "' fin", ["l'", "fin"], 3),
    ] as [(String, [String], Int)])
    func longWords(text: String, words: [String], count: Int) {
        var found: [String] = []
        let counted = LanguageIdentifier.forEachWord(text) { word in
            found.append(String(String.UnicodeScalarView(word.map { Unicode.Scalar($0)! })))
        }
        #expect(found == words)
        #expect(counted == count)
    }

    /// ``LanguageIdentifier/scores(_:)`` reads the text once for both the
    /// letter model and the frequent words: its sums and word count are
    /// exactly those of the two separate passes it replaces.
    @Test("one pass scores as the letter model and the words apart", arguments: [
        "", "2026 !", "a", "Oui.", "l’homme qu'il a vu", "n'ont-ils pas dit qu’ils viendraient ?", "it's the end'",
        "jusqu'au bout, lorsqu’on part", "ʼapostrophe modificativeʼ et `accent grave` ´aigu´", "  Deux   espaces  ",
        "İstanbul et IJsselmeer", "Straße, Œuvre, Ǆemal", "Мы будем работать", "the and der die und",
        "apre\u{300}s la pluie", String(repeating: "Nous reviendrons, dit-il. ", count: 400),
        String(repeating: "we'll see what the people want ", count: 300),
        String(repeating: "x", count: 80) + " the " + String(repeating: "y", count: 64) + "' and",
    ])
    func fusedScores(text: String) throws {
        let identifier = try Self.identifier.get()
        var expected = identifier.model.logLikelihoods(ofText: text)
        var bonuses = [Int](repeating: 0, count: expected.count)
        let words = LanguageIdentifier.forEachWord(text) { word in
            for column in identifier.words.columns(of: word) { bonuses[column] += 1 }
        }
        for (column, times) in bonuses.enumerated() {
            for _ in 0..<times { expected[column] += LanguageIdentifier.wordBonus }
        }
        let (scores, count) = identifier.scores(text)
        #expect(scores == expected)
        #expect(count == words)
    }

    /// `identify` takes a text's script from the letters its scoring pass counted, and asks
    /// `script(of:)` only when a letter outside the Latin ranges appears: the counts must give
    /// what `script(of:)` gives whenever they are used, and must see every other letter.
    @Test("the letters counted while scoring give the script script(of:) finds", arguments: [
        "", "2026, «»", "Oui", "Le port rouvrira lundi", "apre\u{300}s l\u{2019}été, Œuvre", "Straße, Ǆemal, ẞ, Ỳ",
        "İstanbul et IJsselmeer", "Мы будем работать", "Le Kremlin a dit «Мы будем работать»", "ɐ ʃ ə", "Ἀθῆναι",
        "مرحبا بكم", "東京 と 大阪", "x\u{1E00}\u{1EFF}\u{0250}", String(repeating: "Nous reviendrons. ", count: 300),
    ])
    func countedScript(text: String) throws {
        var counts = LanguageIdentifier.LetterCounts()
        _ = try Self.identifier.get().scores(text, counting: &counts)
        let exact = LanguageIdentifier.script(of: text)
        let hasOther = text.unicodeScalars.contains { $0.value >= 0x80 && CharacterClass.isLetter($0)
            && !($0.value <= 0x024F || (0x1E00...0x1EFF).contains($0.value)) }
        #expect(counts.otherScript == hasOther)
        if !counts.otherScript { #expect(counts.script == exact) }
    }

    @Test("too short to tell", arguments: ["Da", "Bravo", "Wahnsinn!", "Oui", "Мир", "", "2026", "«»"])
    func tooShort(text: String) throws {
        #expect(try Self.identifier.get().identify(text) == "unknown")
    }

    @Test("the article's language wins when close, never on one word", arguments: [
        ("Le port rouvrira lundi", "fr"),
        ("la frontière tiendra", "fr"),
        ("vingt mille tonnes par an dès mars", "fr"),
        ("une catastrophe annoncée", "fr"),
        ("sans délai", "fr"),
        ("inacceptable", "unknown"),
        ("Lo importante es seguir trabajando", "es"),
        ("Nobody here wants another war", "en"),
        ("Wir bleiben hier, egal was passiert", "de"),
    ])
    func prior(text: String, language: String) throws {
        #expect(try Self.identifier.get().identify(text, prior: "fr") == language)
    }

    @Test("between the language spoken and the article's", arguments: [
        ("Wahnsinn!", ["de", "fr"], "de"),
        ("Danke schön", ["de", "fr"], "de"),
        ("Jamais!", ["de", "fr"], "fr"),
        ("Merci", ["ru", "fr"], "fr"),
        ("souveraineté", ["tr", "fr"], "fr"),
        ("Спасибо", ["ru", "fr"], "ru"),
        ("Pyrenees", ["en", "fr"], nil),
        ("Nou la", ["ht", "fr"], nil),
    ] as [(String, [String], String?)])
    func choose(text: String, candidates: [String], language: String?) throws {
        #expect(try Self.identifier.get().choose(text, among: candidates) == language)
    }

    /// A quote's words read in place, out of its document's scalars, get the
    /// same answers as the same words as a string: Latin, other scripts,
    /// mixed, too short, a word longer than the splitter holds, nothing.
    @Test("scalars in place answer as the string", arguments: [
        "La réunion a duré plus longtemps que prévu", "Nobody here wants another war", "Bunu asla kabul etmeyeceğiz",
        "Мы будем работать вместе", "我们会继续合作", "Merci Спасибо merci", "Wahnsinn!", "Da", "", "«»",
        "n'ont qu'à l'écrire", String(repeating: "anticonstitutionnellement", count: 4) + " oui",
    ])
    func scalarsInPlace(text: String) throws {
        let identifier = try Self.identifier.get()
        let scalars = Array(text.unicodeScalars)
        scalars.withUnsafeBufferPointer { words in
            #expect(identifier.identify(scalars: words) == identifier.identify(text))
            #expect(identifier.identify(scalars: words, prior: "fr") == identifier.identify(text, prior: "fr"))
            for candidates in [["de", "fr"], ["ru", "fr"], ["tr", "fr"]] {
                #expect(identifier.choose(scalars: words, among: candidates) == identifier.choose(text, among: candidates))
            }
        }
    }

    @Test("malformed data files name file, line and field")
    func malformed() {
        #expect(throws: LexiconError(file: "samples.tsv", line: 2, column: 1, message: "expected a BCP 47 code such as fr or ru-Latn, found \"FR\"")) {
            try LanguageIdentifier(stopwords: "fr\tle,la\n", samples: "fr\tLe chat dort.\nFR\tLa pluie tombe.\n")
        }
        let long = String(repeating: "w", count: 65)
        #expect(throws: LexiconError(file: "stopwords.tsv", line: 2, column: 2,
                                     message: "\"wwwwwwwwwwwwwwww…\" is longer than 64 letters, the longest word the identifier reads")) {
            try LanguageIdentifier(stopwords: "fr\tle,la\nen\tthe,\(long)\n", samples: "fr\tLe chat dort.\nen\tThe cat sleeps.\n")
        }
        #expect(throws: LexiconError(file: "samples.tsv", line: 0, column: nil, message: "no sample for de, which stopwords.tsv lists")) {
            try LanguageIdentifier(stopwords: "fr\tle,la\nde\tder,die\n", samples: "fr\tLe chat dort.\n")
        }
    }
}

extension LanguageIdentifier {
    /// Calls `body` with each word ``WordSplitter`` finds in `text`, in
    /// order, and returns how many there were: the words the bonus reads.
    /// A word longer than ``WordSplitter/capacity`` is counted, not handed out.
    static func forEachWord(_ text: String, _ body: (UnsafeBufferPointer<UInt32>) -> Void) -> Int {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: WordSplitter.capacity) { buffer in
            var splitter = WordSplitter(buffer)
            for scalar in text.unicodeScalars where splitter.read(scalar, isLetter: CharacterClass.isLetter(scalar)) {
                if let word = splitter.word { body(word) }
            }
            if splitter.finish(), let word = splitter.word { body(word) }
            return splitter.count
        }
    }
}
