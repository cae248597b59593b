import Testing
@testable import Quotes

/// The country → language table of the role guess (`Resources/notes/country-languages.tsv`)
/// and the other data tables of the notes.
@Suite struct CountryLanguagesTests {
    @Test("every country of the lexicon has a decision")
    func complete() throws {
        let table = try CountryLanguages.bundled()
        let lexicon = try FrenchLexicon.shared()
        for iso in lexicon.countryNames.keys { #expect(table.decisions[iso] != nil, "\(iso) has no row") }
    }

    @Test("a guess only where one language clearly dominates and it is not French", arguments: [
        ("PL", "pl"), ("IT", "it"), ("RU", "ru"), ("IL", "he"), ("CN", "zh"), ("UA", "uk"), ("BY", "ru"), ("ES", "es"),
        ("BE", nil), ("CH", nil), ("CA", nil), ("IN", nil), ("LU", nil), ("FR", nil), ("SN", nil), ("CD", nil),
        ("DZ", nil), ("MA", nil), ("TN", nil), ("LB", nil), ("PK", nil), ("IQ", nil),
    ] as [(String, String?)])
    func decision(iso: String, language: String?) throws {
        #expect(try CountryLanguages.bundled().language(iso: iso) == language)
    }

    @Test("a malformed row names the file, line and field", arguments: [
        ("PL\tone\tpolish\t-", "t.tsv:1:3: a country with one language names it (two or three lowercase letters), found \"polish\""),
        ("BE\tseveral\tnl\tDutch and French", "t.tsv:1:3: a country with several languages gives none; write -"),
        ("BE\tseveral\t-\t-", "t.tsv:1:4: say which languages share public life"),
        ("SN\tone\tfr\t-", "t.tsv:1:3: a French-speaking country is francophone, not one"),
        ("Pologne\tone\tpl\t-", "t.tsv:1:1: expected an ISO 3166 alpha-2 code, found \"Pologne\""),
        ("PL\tmostly\tpl\t-", "t.tsv:1:2: expected one of francophone, one, several, found \"mostly\""),
        ("PL\tone\tpl\t-\nPL\tone\tpl\t-", "t.tsv:2:1: PL is listed twice"),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: LexiconError.self) { try CountryLanguages(text, file: "t.tsv") }
        do { _ = try CountryLanguages(text, file: "t.tsv") } catch { #expect(error.description == message) }
    }

    @Test("the scene cues and the translation cues load as one table; a pattern in both is an error")
    func sceneCues() throws {
        let cues = try TranslationCues.bundled()
        #expect(cues.patterns.contains { $0.keys == PhraseTable<Int>.split("avant de repasser à l' <lang>") && $0.role == .switch })
        #expect(cues.patterns.contains { $0.keys == PhraseTable<Int>.split("la transcription <lang>") && $0.role == .relay })
        #expect(throws: LexiconError.self) {
            try TranslationCues(files: [("en <lang>\tspoken-near", "a.tsv"), ("en <lang>\tspoken", "b.tsv")])
        }
    }

    @Test("a writer's language reads as a language name")
    func periphrases() throws {
        let names = try LanguagePeriphrases.bundled()
        #expect(names.codes["langue de goethe"] == "de")
        #expect(names.codes["langue de cervantès"] == "es")
        #expect(throws: LexiconError.self) { try LanguagePeriphrases("langue de Goethe\tgerman", file: "p.tsv") }
    }
}
