import Foundation

/// The French lexicons under `Resources/fr/`, loaded and validated once per
/// process. Each file's format is documented in its header comment and in
/// `Resources/fr/README.md`; a malformed line fails with `file:line:column`.
///
/// ```swift
/// let lexicon = try FrenchLexicon.shared()
/// lexicon.verbForms["a"]        // nil: auxiliaries are function words
/// lexicon.verbForms["déclaré"]  // [VerbForm(verb: …, isParticiple: true)]
/// ```
public final class FrenchLexicon: Sendable {
    public struct SpeechVerb: Sendable {
        public let lemma: String
        public let strength: CueStrength
        /// A clitic required before the verb group (`y` for `y voir`).
        public let pre: [String]
        /// Words required right after the verb (`savoir` for `faire savoir`).
        public let post: [String]
        public let isReflexive: Bool
    }

    public struct VerbForm: Sendable {
        public let verb: Int
        public let isParticiple: Bool
        /// A present participle or infinitive (`déclarant`, `déclarer`).
        public let isNonFinite: Bool
    }

    public struct PersonNoun: Sendable {
        public let gender: Gender
        public let number: GrammaticalNumber
    }

    public struct OrganisationNoun: Sendable {
        public let gender: Gender
        public let number: GrammaticalNumber
        public let isDocument: Bool
    }

    public struct Country: Sendable {
        public let name: String
        public let article: String
        public let iso: String
        public let languages: [String]
    }

    public struct Nationality: Sendable {
        public let gender: Gender
        public let number: GrammaticalNumber
        public let country: String
    }

    public struct Honorific: Sendable {
        public let gender: Gender
        public let number: GrammaticalNumber
    }

    public enum FunctionClass: String, Sendable, CaseIterable {
        case determiner, pronoun, conjunction, preposition, auxAvoir = "aux-avoir", auxEtre = "aux-etre", clitic, adverb
    }

    /// The closed word lists of `word-classes.tsv`, one per question a stage asks.
    public enum WordClass: String, Sendable, CaseIterable {
        case definite, indefinite, nameParticle = "name-particle", placePreposition = "place-preposition",
             complementStop = "complement-stop", preNominal = "pre-nominal", anaphoricPronoun = "anaphoric-pronoun",
             invertedSubject = "inverted-subject", dateWord = "date-word", timeNoun = "time-noun", clauseNoun = "clause-noun"
    }

    public let speechVerbs: [SpeechVerb]
    /// Every listed form of a speech verb, lowercase.
    public let verbForms: [String: [VerbForm]]
    public let reportingCues: PhraseTable<CueStrength>
    public let personNouns: PhraseTable<PersonNoun>
    public let organisationNouns: PhraseTable<OrganisationNoun>
    /// Proper-name institutions and capitals (lowercase keys) → country.
    public let institutions: PhraseTable<String>
    public let countries: PhraseTable<Country>
    /// ISO 3166 alpha-2 → French country name.
    public let countryNames: [String: String]
    public let nationalities: [String: Nationality]
    /// Language name forms (lowercase) → BCP 47 code.
    public let languageCodes: [String: String]
    /// BCP 47 code → the masculine singular French name.
    public let languageNames: [String: String]
    /// First names (lowercase) → gender.
    public let firstNames: [String: Gender]
    /// Honorifics (lowercase, period included: `m.`, `mme`) → gender.
    public let honorifics: PhraseTable<Honorific>
    /// Abbreviations that do not end a sentence, lowercase, without the final period.
    public let abbreviations: Set<String>
    /// Words that, before a quote, make it a title or a name.
    public let titleCues: Set<String>
    /// ``titleCues`` by their bytes, for a document's keys.
    public let titleCueWords: WordTable
    /// Role nouns that can refer back to any person (`le responsable`, `l'élu`).
    public let genericRoles: Set<String>
    /// Endings of lowercase adjectives (`militaire`, `mondiale`).
    public let adjectiveEndings: [String]
    /// The same endings as UTF-8 bytes, compared with a key's last bytes.
    private let adjectiveEndingBytes: [[UInt8]]
    /// For each byte, the endings (indices in ``adjectiveEndings``) whose last byte it is.
    private let adjectiveEndingsByLastByte: [[Int]]

    /// Periphrases for titles (`chef du gouvernement` → the key of `premier ministre`).
    public let roleSynonyms: PhraseTable<String>

    public let functionWords: [String: [FunctionClass]]
    /// Gender and number of determiners and pronouns.
    public let functionAgreement: [String: (Gender, GrammaticalNumber)]

    // MARK: by word id

    /// Every word of every lexicon, numbered once: a document's tokens get
    /// their ids once (``WordTable/ids(_:)``) and the stages then ask the
    /// lexicons by id, without hashing the words again.
    public let words: WordTable
    /// For each word id, the bits of its ``WordClass``es and ``FunctionClass``es.
    private let classBits: [UInt16]
    private let functionBits: [UInt16]
    /// ``verbForms`` by word id.
    public let verbFormsByWord: WordMap<[VerbForm]>
    /// ``nationalities`` by word id.
    public let nationalityByWord: WordMap<Nationality>
    /// ``firstNames`` by word id.
    public let firstNameByWord: WordMap<Gender>
    /// ``functionAgreement`` by word id.
    public let agreementByWord: WordMap<(Gender, GrammaticalNumber)>
    /// Gender and number of the anaphoric pronouns (`il`, `elles`), by word id.
    public let pronounByWord: WordMap<(Gender, GrammaticalNumber)>

    /// The lexicons shipped with the library, loaded once.
    public static func shared() throws(LexiconError) -> FrenchLexicon {
        switch cached {
        case .success(let lexicon): return lexicon
        case .failure(let error): throw error
        }
    }

    private static let cached: Result<FrenchLexicon, LexiconError> = {
        guard let url = Bundle.module.url(forResource: "fr", withExtension: nil) else {
            return .failure(LexiconError(file: "Resources/fr", line: 0, column: nil, message: "the lexicon folder is missing from the Quotes bundle"))
        }
        do throws(LexiconError) { return .success(try FrenchLexicon(directory: url)) } catch { return .failure(error) }
    }()

    /// Loads every lexicon file from `directory`.
    public convenience init(directory: URL) throws(LexiconError) {
        func read(_ name: String) throws(LexiconError) -> String {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LexiconError(file: name, line: 0, column: nil, message: "cannot read \(url.path)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconError(file: name, line: 0, column: nil, message: "not valid UTF-8")
            }
            return text
        }
        try self.init(reader: read)
    }

    /// Every file the lexicons are read from, in the order their errors are reported.
    static let files = ["speech-verbs.tsv", "reporting-cues.tsv", "person-nouns.tsv", "organisation-nouns.tsv", "institutions.tsv",
                        "countries.tsv", "nationalities.tsv", "languages.tsv", "first-names.tsv", "honorifics.tsv", "abbreviations.txt",
                        "title-cues.txt", "generic-role-nouns.txt", "adjective-endings.txt", "role-synonyms.tsv", "function-words.tsv",
                        "word-classes.tsv"]
    private static let strengths = ["speech", "attitude"]
    private static let genders = ["m", "f", "mf"]
    private static let numbers = ["sg", "pl"]

    /// The speech verbs and the phrase tables of people, organisations, institutions and countries.
    private struct PhraseTables: Sendable {
        var verbs: [SpeechVerb] = []
        var forms: [String: [VerbForm]] = [:]
        var cues = PhraseTable<CueStrength>()
        var persons = PhraseTable<PersonNoun>()
        var organisations = PhraseTable<OrganisationNoun>()
        var institutionTable = PhraseTable<String>()
        var countryTable = PhraseTable<Country>()
        var isoNames: [String: String] = [:]

        init(_ texts: [String: String]) throws(LexiconError) {
            func read(_ name: String) -> String { texts[name] ?? "" }
            let (strengths, genders, numbers) = (FrenchLexicon.strengths, FrenchLexicon.genders, FrenchLexicon.numbers)
            // Speech verbs.
            var seenLemmas = Set<String>()
            // The forms are gathered first and filed at once, in a table made as large as they need
            // (grown one by one, it was rehashed thirteen times, every form hashed again each time).
            var verbForms: [(form: String, VerbForm)] = []
            for row in try LexiconTable.rows(read("speech-verbs.tsv"), file: "speech-verbs.tsv", columns: 6) {
                let lemma = row.fields[0]
                guard seenLemmas.insert(lemma).inserted else { throw row.error("duplicate lemma \"\(lemma)\"", field: 0) }
                let strength = CueStrength(rawValue: try row.choice(1, strengths))!
                let reflexive = lemma.hasPrefix("se ") || lemma.hasPrefix("s'") || lemma.hasPrefix("s’")
                let index = verbs.count
                verbs.append(SpeechVerb(lemma: lemma, strength: strength, pre: PhraseTable<Int>.split(row.field(2)),
                                        post: PhraseTable<Int>.split(row.field(3)), isReflexive: reflexive))
                let finite = row.list(4)
                let participles = row.list(5)
                guard !finite.isEmpty || !participles.isEmpty else { throw row.error("a verb needs at least one form", field: 4) }
                let infinitiveLike = Set([finite.last].compactMap { $0 })
                for form in finite {
                    let nonFinite = form.hasSuffix("ant") || infinitiveLike.contains(form)
                    verbForms.append((ScalarString.lowercased(form), VerbForm(verb: index, isParticiple: false, isNonFinite: nonFinite)))
                }
                for form in participles {
                    verbForms.append((ScalarString.lowercased(form), VerbForm(verb: index, isParticiple: true, isNonFinite: false)))
                }
            }
            forms.reserveCapacity(verbForms.count)
            for (form, verbForm) in verbForms { forms[form, default: []].append(verbForm) }

            for row in try LexiconTable.rows(read("reporting-cues.tsv"), file: "reporting-cues.tsv", columns: 2) {
                cues.insert(row.fields[0], CueStrength(rawValue: try row.choice(1, strengths))!)
            }

            let personRows = try LexiconTable.rows(read("person-nouns.tsv"), file: "person-nouns.tsv", columns: 3)
            persons.reserveCapacity(personRows.count)
            for row in personRows {
                persons.insert(row.fields[0], PersonNoun(gender: Gender(lexicon: try row.choice(1, genders)),
                                                         number: GrammaticalNumber(lexicon: try row.choice(2, numbers))))
            }

            for row in try LexiconTable.rows(read("organisation-nouns.tsv"), file: "organisation-nouns.tsv", columns: 4) {
                organisations.insert(row.fields[0], OrganisationNoun(
                    gender: Gender(lexicon: try row.choice(1, genders)),
                    number: GrammaticalNumber(lexicon: try row.choice(2, numbers)),
                    isDocument: try row.choice(3, ["org", "doc"]) == "doc"))
            }

            for row in try LexiconTable.rows(read("institutions.tsv"), file: "institutions.tsv", columns: 3) {
                _ = try row.choice(2, ["institution", "capital"])
                institutionTable.insert(row.fields[0], row.field(1))
            }

            for row in try LexiconTable.rows(read("countries.tsv"), file: "countries.tsv", columns: 4) {
                countryTable.insert(row.fields[0], Country(name: row.fields[0], article: row.field(1), iso: row.field(2), languages: row.list(3)))
                if !row.field(2).isEmpty, isoNames[row.field(2)] == nil { isoNames[row.field(2)] = row.fields[0] }
            }
        }
    }

    /// The word lists: nationalities, languages, first names, honorifics, abbreviations, titles, function words, word classes.
    private struct WordLists: Sendable {
        var nationalityTable: [String: Nationality] = [:]
        var codes: [String: String] = [:]
        var names: [String: String] = [:]
        var firstNameTable: [String: Gender] = [:]
        var honorificTable = PhraseTable<Honorific>()
        var abbreviationSet = Set<String>()
        var titleCues = Set<String>()
        var genericRoles = Set<String>()
        var adjectiveEndings: [String] = []
        var synonyms = PhraseTable<String>()
        var functionTable: [String: [FunctionClass]] = [:]
        var agreement: [String: (Gender, GrammaticalNumber)] = [:]
        var classTable: [String: [WordClass]] = [:]
        var pronouns: [String: (Gender, GrammaticalNumber)] = [:]

        init(_ texts: [String: String]) throws(LexiconError) {
            func read(_ name: String) -> String { texts[name] ?? "" }
            let (genders, numbers) = (FrenchLexicon.genders, FrenchLexicon.numbers)
            let nationalityRows = try LexiconTable.rows(read("nationalities.tsv"), file: "nationalities.tsv", columns: 4)
            nationalityTable.reserveCapacity(nationalityRows.count)
            for row in nationalityRows {
                nationalityTable[ScalarString.lowercased(row.fields[0])] = Nationality(
                    gender: Gender(lexicon: try row.choice(1, genders)),
                    number: GrammaticalNumber(lexicon: try row.choice(2, numbers)), country: row.field(3))
            }

            for row in try LexiconTable.rows(read("languages.tsv"), file: "languages.tsv", columns: 2) {
                let code = row.fields[0]
                let languageForms = row.list(1)
                guard let first = languageForms.first else { throw row.error("a language needs at least one name", field: 1) }
                names[code] = first
                for form in languageForms { codes[ScalarString.lowercased(form)] = code }
            }

            let firstNameRows = try LexiconTable.rows(read("first-names.tsv"), file: "first-names.tsv", columns: 2)
            firstNameTable.reserveCapacity(firstNameRows.count)
            for row in firstNameRows {
                firstNameTable[ScalarString.lowercased(row.fields[0])] = Gender(lexicon: try row.choice(1, genders))
            }

            for row in try LexiconTable.rows(read("honorifics.tsv"), file: "honorifics.tsv", columns: 4) {
                honorificTable.insert(row.fields[0], Honorific(gender: Gender(lexicon: try row.choice(1, genders)),
                                                              number: GrammaticalNumber(lexicon: try row.choice(2, numbers))))
            }

            for (line, value) in try LexiconTable.entries(read("abbreviations.txt"), file: "abbreviations.txt") {
                guard value.hasSuffix(".") else {
                    throw LexiconError(file: "abbreviations.txt", line: line, column: nil, message: "an abbreviation ends with its period: \"\(value).\"")
                }
                // Keys as the tokenizer sees the word before the final period.
                let keys = PhraseTable<Int>.split(String(value.dropLast()))
                if let last = keys.last { abbreviationSet.insert(last) }
            }

            titleCues = Set(try LexiconTable.entries(read("title-cues.txt"), file: "title-cues.txt").map { $0.value.lowercased() })
            genericRoles = Set(try LexiconTable.entries(read("generic-role-nouns.txt"), file: "generic-role-nouns.txt")
                .compactMap { PhraseTable<Int>.split($0.value).first })
            adjectiveEndings = Array(Set(try LexiconTable.entries(read("adjective-endings.txt"), file: "adjective-endings.txt").map(\.value)))
            for row in try LexiconTable.rows(read("role-synonyms.tsv"), file: "role-synonyms.tsv", columns: 2) {
                guard let key = PhraseTable<Int>.split(row.fields[1]).first else { throw row.error("empty title", field: 1) }
                synonyms.insert(row.fields[0], key)
            }

            let classes = FunctionClass.allCases.map(\.rawValue)
            for row in try LexiconTable.rows(read("function-words.tsv"), file: "function-words.tsv", columns: 4) {
                let lowered = ScalarString.lowercased(row.fields[0])
                let form = lowered.unicodeScalars.contains("’") ? lowered.replacingOccurrences(of: "’", with: "'") : lowered
                let functionClass = FunctionClass(rawValue: try row.choice(1, classes))!
                functionTable[form, default: []].append(functionClass)
                if functionClass == .determiner || functionClass == .pronoun, !row.field(2).isEmpty {
                    agreement[form] = (Gender(lexicon: row.field(2)), GrammaticalNumber(lexicon: row.field(3)))
                }
            }

            let wordClassNames = WordClass.allCases.map(\.rawValue)
            for row in try LexiconTable.rows(read("word-classes.tsv"), file: "word-classes.tsv", columns: 4) {
                let form = row.fields[0]
                let wordClass = WordClass(rawValue: try row.choice(1, wordClassNames))!
                guard !(classTable[form]?.contains(wordClass) ?? false) else { throw row.error("\"\(form)\" is already \(wordClass.rawValue)", field: 1) }
                classTable[form, default: []].append(wordClass)
                if wordClass == .anaphoricPronoun {
                    pronouns[form] = (Gender(lexicon: try row.choice(2, ["m", "f"])), GrammaticalNumber(lexicon: try row.choice(3, numbers)))
                }
            }
        }
    }

    /// Runs `a` and `b` at once, on two cores when there are; the error of `a` first.
    private static func both<A: Sendable, B: Sendable>(_ a: @Sendable () throws(LexiconError) -> A,
                                                       _ b: @Sendable () throws(LexiconError) -> B) throws(LexiconError) -> (A, B) {
        let first = Slot<A>(), second = Slot<B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { first.value = Result(catching: a) } else { second.value = Result(catching: b) }
        }
        return (try first.value!.get(), try second.value!.get())
    }

    /// Loads the lexicons from a file reader (tests feed strings).
    init(reader read: (String) throws(LexiconError) -> String) throws(LexiconError) {
        var texts: [String: String] = [:]
        for name in Self.files { texts[name] = try read(name) }
        // Two halves at once (start-up is mostly this): the verbs and phrase tables, and the word lists.
        let (phrases, lists) = try Self.both({ [texts] () throws(LexiconError) in try PhraseTables(texts) },
                                             { [texts] () throws(LexiconError) in try WordLists(texts) })
        speechVerbs = phrases.verbs
        verbForms = phrases.forms
        countryNames = phrases.isoNames
        nationalities = lists.nationalityTable
        languageCodes = lists.codes
        languageNames = lists.names
        firstNames = lists.firstNameTable
        abbreviations = lists.abbreviationSet
        titleCues = lists.titleCues
        titleCueWords = WordTable(lists.titleCues.sorted())
        genericRoles = lists.genericRoles
        adjectiveEndings = lists.adjectiveEndings
        adjectiveEndingBytes = lists.adjectiveEndings.map { Array($0.utf8) }
        var byLastByte = [[Int]](repeating: [], count: 256)
        for (n, ending) in adjectiveEndingBytes.enumerated() { if let last = ending.last { byLastByte[Int(last)].append(n) } }
        adjectiveEndingsByLastByte = byLastByte
        functionWords = lists.functionTable
        functionAgreement = lists.agreement
        let (forms, nationalityTable, firstNameTable, functionTable, agreement, classTable, pronouns) =
            (phrases.forms, lists.nationalityTable, lists.firstNameTable, lists.functionTable, lists.agreement, lists.classTable, lists.pronouns)
        var (cues, persons, organisations, institutionTable, countryTable) =
            (phrases.cues, phrases.persons, phrases.organisations, phrases.institutionTable, phrases.countryTable)
        var (honorificTable, synonyms) = (lists.honorificTable, lists.synonyms)

        // Number every word once, phrase words included, then index the tables by id.
        var vocabulary: [String] = []
        vocabulary += functionTable.keys
        vocabulary += classTable.keys
        vocabulary += forms.keys
        vocabulary += nationalityTable.keys
        vocabulary += firstNameTable.keys
        vocabulary += cues.words + persons.words + organisations.words + institutionTable.words
        vocabulary += countryTable.words + honorificTable.words + synonyms.words
        let table = WordTable(vocabulary)
        words = table
        var bits = [UInt16](repeating: 0, count: table.count)
        for (form, wordClasses) in classTable {
            for wordClass in wordClasses { bits[Int(table.id(form).raw)] |= Self.bit(wordClass) }
        }
        classBits = bits
        bits = [UInt16](repeating: 0, count: table.count)
        for (form, functionClasses) in functionTable {
            for functionClass in functionClasses { bits[Int(table.id(form).raw)] |= Self.bit(functionClass) }
        }
        functionBits = bits
        verbFormsByWord = WordMap(forms, in: table)
        nationalityByWord = WordMap(nationalityTable, in: table)
        firstNameByWord = WordMap(firstNameTable, in: table)
        agreementByWord = WordMap(agreement, in: table)
        pronounByWord = WordMap(pronouns, in: table)
        cues.compile(table)
        persons.compile(table)
        organisations.compile(table)
        institutionTable.compile(table)
        countryTable.compile(table)
        honorificTable.compile(table)
        synonyms.compile(table)
        reportingCues = cues
        personNouns = persons
        organisationNouns = organisations
        institutions = institutionTable
        countries = countryTable
        honorifics = honorificTable
        roleSynonyms = synonyms
    }

    @inline(__always)
    private static func bit(_ wordClass: WordClass) -> UInt16 {
        switch wordClass {
        case .definite: 1 << 0
        case .indefinite: 1 << 1
        case .nameParticle: 1 << 2
        case .placePreposition: 1 << 3
        case .complementStop: 1 << 4
        case .preNominal: 1 << 5
        case .anaphoricPronoun: 1 << 6
        case .invertedSubject: 1 << 7
        case .dateWord: 1 << 8
        case .timeNoun: 1 << 9
        case .clauseNoun: 1 << 10
        }
    }

    @inline(__always)
    private static func bit(_ functionClass: FunctionClass) -> UInt16 {
        switch functionClass {
        case .determiner: 1 << 0
        case .pronoun: 1 << 1
        case .conjunction: 1 << 2
        case .preposition: 1 << 3
        case .auxAvoir: 1 << 4
        case .auxEtre: 1 << 5
        case .clitic: 1 << 6
        case .adverb: 1 << 7
        }
    }

    /// Whether word `id` is in the list of `wordClass`.
    @inline(__always)
    public func isWord(_ id: WordID, _ wordClass: WordClass) -> Bool {
        id.isKnown && classBits[Int(id.raw)] & Self.bit(wordClass) != 0
    }

    /// Whether word `id` is a function word of any class.
    @inline(__always)
    public func isFunctionWord(_ id: WordID) -> Bool { id.isKnown && functionBits[Int(id.raw)] != 0 }

    /// Whether word `id` is in function class `functionClass`.
    @inline(__always)
    public func isFunction(_ id: WordID, _ functionClass: FunctionClass) -> Bool {
        id.isKnown && functionBits[Int(id.raw)] & Self.bit(functionClass) != 0
    }

    /// The id of each content token of `document`.
    public func words(of document: Document) -> ContentWords {
        document.contentWords.count == document.contentKeys.count ? document.contentWords : document.words(in: words)
    }

    /// The id of content token `c` of `document`: read from the ids the
    /// document carries, looked up when it carries none.
    @inline(__always)
    public func word(_ c: Int, of document: Document) -> WordID {
        document.contentWords.count == document.contentKeys.count ? document.contentWords[c] : words.id(document.contentKeys[c])
    }

    /// Whether a lowercase word reads as an adjective (a nationality or a known ending).
    public func looksLikeAdjective(_ key: String) -> Bool {
        nationalities[key] != nil || hasAdjectiveEnding(key)
    }

    /// Whether a lowercase word ends like an adjective (`adjective-endings.txt`).
    public func hasAdjectiveEnding(_ key: String) -> Bool {
        // The key's last UTF-8 bytes pick the endings it can have before
        // String's test (a grapheme count and a canonical suffix comparison),
        // which then runs for those endings only. Not for a key with a
        // combining mark (`e` + U+0301 for `é`), which can end like an ending
        // without ending in its bytes; the text layer's keys are NFC and have none.
        let decomposed = key.unicodeScalars.contains { $0.value >= 0x300 && $0.properties.canonicalCombiningClass != .notReordered }
        guard decomposed else {
            var bytes = key
            return bytes.withUTF8 { tail in
                // Only the endings with the key's last byte.
                guard let last = tail.last else { return false }
                for n in adjectiveEndingsByLastByte[Int(last)] {
                    let ending = adjectiveEndingBytes[n]
                    if ending.count <= tail.count && tail.suffix(ending.count).elementsEqual(ending) && key.hasSuffix(adjectiveEndings[n]) {
                        return key.count > 3
                    }
                }
                return false
            }
        }
        return key.count > 3 && adjectiveEndings.contains { key.hasSuffix($0) }
    }

    /// Whether `key` is in function class `functionClass`.
    @inline(__always)
    public func isFunction(_ key: String, _ functionClass: FunctionClass) -> Bool {
        functionWords[key]?.contains(functionClass) ?? false
    }
}

/// One result written by one thread of ``FrenchLexicon``'s loading and read
/// after both threads have finished.
private final class Slot<Value>: @unchecked Sendable {
    var value: Result<Value, LexiconError>?
}
