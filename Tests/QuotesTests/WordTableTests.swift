import Foundation
import Testing
@testable import Quotes

/// Word ids: the lexicons asked by id must answer as they do by text, on
/// words of every kind and on every Corpus document.
@Suite struct WordTableTests {
    @Test("ids are dense, stable and unknown for unlisted words")
    func numbering() {
        let table = WordTable(["le", "président", "le", "élu"])
        #expect(table.count == 3)
        #expect(table.id("le") == WordID(raw: 0))
        #expect(table.id("président") == WordID(raw: 1))
        #expect(table.id("élu") == WordID(raw: 2))
        #expect(table.id("Président") == .unknown)
        #expect(!table.id("lavrov").isKnown)
        let set = WordSet(["élu", "absent"], in: table)
        #expect(set.contains(table.id("élu")))
        #expect(!set.contains(table.id("le")))
        #expect(!set.contains(.unknown))
        let map = WordMap(["président": 7, "absent": 9], in: table)
        #expect(map[table.id("président")] == 7)
        #expect(map[table.id("élu")] == nil)
        #expect(map[.unknown] == nil)
        #expect(map.hasValue(table.id("président")))
        #expect(!map.hasValue(table.id("élu")))
        #expect(!map.hasValue(table.id("le")))
        #expect(!map.hasValue(.unknown))
    }

    @Test("word classes from word-classes.tsv", arguments: [
        ("la", FrenchLexicon.WordClass.definite, true),
        ("la", .nameParticle, true),
        ("plusieurs", .indefinite, true),
        ("plusieurs", .definite, false),
        ("van", .nameParticle, true),
        ("près", .placePreposition, true),
        ("où", .complementStop, true),
        ("célèbre", .preNominal, true),
        ("eux", .anaphoricPronoun, true),
        ("on", .anaphoricPronoun, false),
        ("on", .invertedSubject, true),
        ("ministre", .definite, false),
    ])
    func classes(word: String, wordClass: FrenchLexicon.WordClass, expected: Bool) throws {
        let lexicon = try FrenchLexicon.shared()
        #expect(lexicon.isWord(lexicon.words.id(word), wordClass) == expected)
    }

    @Test("lookups by id agree with lookups by text on every Corpus token")
    func agreement() throws {
        let lexicon = try FrenchLexicon.shared()
        let extractor = try Support.extractor()
        var checked = 0
        for url in try Support.articles() {
            let document = try extractor.analyze(id: url.lastPathComponent, source: SourceText(String(contentsOf: url, encoding: .utf8)))
            let keys = document.contentKeys
            let words = document.contentWords
            #expect(Array(words) == lexicon.words.ids(keys))
            for i in keys.indices {
                let (key, word) = (keys[i], words[i])
                #expect((lexicon.verbForms[key] != nil) == (lexicon.verbFormsByWord[word] != nil), "\(key)")
                #expect(lexicon.verbFormsByWord.hasValue(word) == (lexicon.verbFormsByWord[word] != nil), "\(key)")
                // The cue finder asks startsEntry before match: no match without it.
                #expect(lexicon.reportingCues.startsEntry(word) == lexicon.reportingCues.startsEntry(key), "\(key)")
                #expect(lexicon.reportingCues.match(words: words, at: i) == nil || lexicon.reportingCues.startsEntry(word), "\(key)")
                #expect(lexicon.nationalities[key]?.country == lexicon.nationalityByWord[word]?.country, "\(key)")
                #expect(lexicon.firstNames[key] == lexicon.firstNameByWord[word], "\(key)")
                #expect((lexicon.functionWords[key] != nil) == lexicon.isFunctionWord(word), "\(key)")
                for functionClass in FrenchLexicon.FunctionClass.allCases {
                    #expect(lexicon.isFunction(key, functionClass) == lexicon.isFunction(word, functionClass), "\(key)")
                }
                #expect(lexicon.personNouns.match(keys, at: i)?.length == lexicon.personNouns.match(words: words, at: i)?.length, "\(key)")
                #expect(lexicon.organisationNouns.match(keys, at: i)?.length == lexicon.organisationNouns.match(words: words, at: i)?.length)
                #expect(lexicon.countries.match(keys, at: i)?.value.name == lexicon.countries.match(words: words, at: i)?.value.name)
                #expect(lexicon.institutions.match(keys, at: i)?.value == lexicon.institutions.match(words: words, at: i)?.value)
                #expect(lexicon.honorifics.match(keys, at: i)?.length == lexicon.honorifics.match(words: words, at: i)?.length)
                #expect(lexicon.reportingCues.match(keys, at: i)?.length == lexicon.reportingCues.match(words: words, at: i)?.length)
                #expect(lexicon.roleSynonyms.match(keys, at: i)?.value == lexicon.roleSynonyms.match(words: words, at: i)?.value)
                #expect(lexicon.personNouns.startsEntry(key) == lexicon.personNouns.startsEntry(word))
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    /// The finders pass over unmarked words in one scan: from every position of every Corpus
    /// article, it stops where testing word after word would.
    @Test("the first marked word of a range, on every Corpus article")
    func firstMarked() throws {
        let lexicon = try FrenchLexicon.shared()
        let extractor = try Support.extractor()
        let marked = (0..<lexicon.words.count).map { lexicon.verbFormsByWord.hasValue(WordID(raw: Int32($0))) }
        var found = 0
        for url in try Support.articles() {
            let document = try extractor.analyze(id: url.lastPathComponent, source: SourceText(String(contentsOf: url, encoding: .utf8)))
            let words = document.contentWords
            for start in stride(from: 0, through: words.count, by: 5) {
                for end in [start, min(start + 3, words.count), min(start + 60, words.count), words.count] {
                    let expected = (start..<end).first { lexicon.verbFormsByWord.hasValue(words[$0]) } ?? end
                    #expect(words.first(markedIn: marked, in: start..<end) == expected, "\(url.lastPathComponent) \(start)..<\(end)")
                    if expected < end { found += 1 }
                }
            }
        }
        #expect(found > 1_000)
    }

    @Test("a word listed twice in one class is an error with its place")
    func duplicateClass() {
        let files = ["word-classes.tsv": "# c\nle\tdefinite\t-\t-\nle\tdefinite\t-\t-\n"]
        do {
            _ = try FrenchLexicon(reader: { name throws(LexiconError) in
                if let text = files[name] { return text }
                return try bundled(name)
            })
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "word-classes.tsv:3:2: \"le\" is already definite")
        }
    }

    /// A lexicon file as shipped, from the source tree.
    private func bundled(_ name: String) throws(LexiconError) -> String {
        let url = Support.root.appendingPathComponent("Sources/Quotes/Resources/fr").appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw LexiconError(file: name, line: 0, column: nil, message: "missing") }
        return text
    }
}
