import Foundation
import Testing
@testable import Quotes

/// The cue patterns: one phrase per pattern of the bundled file (written for
/// these tests), and the errors a malformed file gets.
@Suite struct TranslationCuesTests {
    typealias Role = TranslationCues.Role

    /// A phrase, the role and language its first cue has, and the cue's words.
    static let phrases: [(String, Role, String?, String)] = [
        ("a-t-il dit en turc", .spokenNear, "tr", "en turc"),
        ("a-t-il répondu dans un anglais parfait", .scene, "en", "dans un anglais parfait"),
        ("a-t-il répondu dans un anglais sans accent", .spokenNear, "en", "dans un anglais"),
        ("s'exprimant en arabe devant la presse", .spoken, "ar", "s'exprimant en arabe"),
        ("le délégué, qui s'exprimait en hongrois", .scene, "hu", "qui s'exprimait en hongrois"),
        ("les élus, qui s'exprimaient en catalan", .scene, "ca", "qui s'exprimaient en catalan"),
        ("le ministre s'est exprimé en persan", .spoken, "fa", "s'est exprimé en persan"),
        ("la juge s'est exprimée en néerlandais", .spoken, "nl", "s'est exprimée en néerlandais"),
        ("les deux hommes se sont exprimés en russe", .spoken, "ru", "se sont exprimés en russe"),
        ("il a choisi de s'exprimer en géorgien", .spoken, "ka", "s'exprimer en géorgien"),
        ("parlant en polonais", .spoken, "pl", "parlant en polonais"),
        ("l'élu, qui parlait en basque", .spoken, "eu", "qui parlait en basque"),
        ("répondant en espagnol aux questions", .spoken, "es", "répondant en espagnol"),
        ("dans des propos en chinois", .spoken, "zh", "propos en chinois"),
        ("dans un entretien en suédois", .spoken, "sv", "entretien en suédois"),
        ("lors d'une interview en coréen", .spoken, "ko", "interview en coréen"),
        ("passant à l'allemand", .switch, "de", "passant à l'allemand"),
        ("passant au portugais", .switch, "pt", "passant au portugais"),
        ("des déclarations traduits du turc", .spoken, "tr", "traduits du turc"),
        ("un message traduit du grec", .spoken, "el", "traduit du grec"),
        ("une lettre traduite du japonais", .spoken, "ja", "traduite du japonais"),
        ("des paroles traduites du roumain", .spoken, "ro", "traduites du roumain"),
        ("des propos traduits de l'ukrainien", .spoken, "uk", "traduits de l'ukrainien"),
        ("un discours traduit de l'arabe", .spoken, "ar", "traduit de l'arabe"),
        ("une interview traduite de l'hébreu", .spoken, "he", "traduite de l'hébreu"),
        ("des réponses traduites de l'italien", .spoken, "it", "traduites de l'italien"),
        ("en anglais dans le texte", .printed, "en", "en anglais dans le texte"),
        ("en allemand dans le texte original", .printed, "de", "en allemand dans le texte original"),
        ("en version originale espagnole", .printed, "es", "en version originale espagnole"),
        ("selon une traduction en russe de ses propos", .relay, "ru", "selon une traduction en russe de ses propos"),
        ("selon une traduction en anglais de leurs propos", .relay, "en", "selon une traduction en anglais de leurs propos"),
        ("selon une traduction en anglais de son intervention", .relay, "en", "selon une traduction en anglais de son intervention"),
        ("selon la traduction en russe de ses propos", .relay, "ru", "selon la traduction en russe de ses propos"),
        ("selon une traduction en anglais diffusée par la chaîne", .relay, "en", "selon une traduction en anglais"),
        ("selon la traduction en français fournie", .relay, "fr", "selon la traduction en français"),
        ("d'après une traduction en anglais", .relay, "en", "d'après une traduction en anglais"),
        ("d'après la traduction en russe", .relay, "ru", "d'après la traduction en russe"),
        ("dans une traduction en anglais publiée lundi", .relay, "en", "une traduction en anglais"),
        ("dont les propos étaient traduits en russe", .relay, "ru", "dont les propos étaient traduits en russe"),
        ("dont les propos ont été traduits en anglais", .relay, "en", "dont les propos ont été traduits en anglais"),
        ("ses propos étant traduits en anglais", .relay, "en", "ses propos étant traduits en anglais"),
        ("des mots traduits en anglais", .relay, "en", "traduits en anglais"),
        ("un texte traduit en russe", .relay, "ru", "traduit en russe"),
        ("une lettre traduite en arabe", .relay, "ar", "traduite en arabe"),
        ("des phrases traduites en anglais", .relay, "en", "traduites en anglais"),
        ("des propos traduits vers l'anglais", .relay, "en", "traduits vers l'anglais"),
        ("des propos traduits vers le russe", .relay, "ru", "traduits vers le russe"),
        ("ses propos, interprétés en anglais", .relay, "en", "interprétés en anglais"),
        ("cité en anglais par Reuters", .relay, "en", "cité en anglais par"),
        ("citée en russe par l'agence Tass", .relay, "ru", "citée en russe par"),
        ("cités en anglais par la BBC", .relay, "en", "cités en anglais par"),
        ("citées en turc par la télévision", .relay, "tr", "citées en turc par"),
        ("selon la version anglaise de ses propos", .relay, "en", "selon la version anglaise de ses propos"),
        ("selon la version russe diffusée", .relay, "ru", "selon la version russe"),
        ("dans la version anglaise de ses propos", .relay, "en", "dans la version anglaise de ses propos"),
        ("dans une dépêche en anglais", .relay, "en", "dans une dépêche en anglais"),
        ("selon une traduction non officielle", .translated, nil, "selon une traduction"),
        ("selon la traduction fournie par l'ambassade", .translated, nil, "selon la traduction"),
        ("d'après une traduction de l'ambassade", .translated, nil, "d'après une traduction"),
        ("d'après la traduction de la chaîne", .translated, nil, "d'après la traduction"),
        ("selon la traduction officielle", .translated, nil, "selon la traduction officielle"),
        ("selon une traduction officielle", .translated, nil, "selon une traduction officielle"),
        ("(traduction libre)", .translated, nil, "traduction libre"),
        ("(traduction de la rédaction)", .translated, nil, "traduction de la rédaction"),
        ("des propos traduit par nos soins", .translated, nil, "traduit par nos soins"),
        ("des propos traduits par nos soins", .translated, nil, "traduits par nos soins"),
        ("(traduction par nos soins)", .translated, nil, "traduction par nos soins"),
        ("traduits par un interprète", .translated, nil, "par un interprète"),
        ("traduits par une interprète", .translated, nil, "par une interprète"),
        ("a-t-il dit par son interprète", .translated, nil, "par son interprète"),
        ("traduits par l'interprète du ministre", .translated, nil, "par l'interprète"),
        ("via un interprète", .translated, nil, "via un interprète"),
        ("via une interprète", .translated, nil, "via une interprète"),
        ("via son interprète", .translated, nil, "via son interprète"),
        ("par la voix de son interprète", .translated, nil, "par la voix de son interprète"),
        ("par le truchement d'un interprète", .translated, nil, "par le truchement d'un interprète"),
        ("grâce à l'interprétation simultanée", .translated, nil, "l'interprétation simultanée"),
        ("en interprétation simultanée", .translated, nil, "en interprétation simultanée"),
        ("malgré la traduction simultanée", .translated, nil, "la traduction simultanée"),
        ("cité par l'agence Interfax", .reported, nil, "cité par l'agence"),
        ("citée par l'agence Anadolu", .reported, nil, "citée par l'agence"),
        ("cités par l'agence Tass", .reported, nil, "cités par l'agence"),
        ("citées par l'agence Chine nouvelle", .reported, nil, "citées par l'agence"),
        ("des mots rapportés par l'agence Reuters", .reported, nil, "rapportés par l'agence"),
        ("des propos rapportés par l'agence Reuters", .reported, nil, "propos rapportés par l'agence"),
        ("en créole haïtien", .spokenNear, "ht", "en créole haïtien"),
        // notes/scene-cues.tsv
        ("le pilote s'exprime en finnois", .scene, "fi", "s'exprime en finnois"),
        ("la maire s'exprimait en basque", .scene, "eu", "s'exprimait en basque"),
        ("les deux chefs s'exprimaient en russe", .scene, "ru", "s'exprimaient en russe"),
        ("le pape s'exprimera en espagnol", .scene, "es", "s'exprimera en espagnol"),
        ("il tenait à s'exprimer en grec devant les élus", .scene, "el", "s'exprimer en grec devant"),
        ("s'adressant en arabe aux fidèles", .spoken, "ar", "s'adressant en arabe"),
        ("il s'adressait en turc aux ouvriers", .scene, "tr", "s'adressait en turc"),
        ("il s'est adressé en polonais aux mineurs", .scene, "pl", "s'est adressé en polonais"),
        ("elle s'est adressée en italien aux marins", .scene, "it", "s'est adressée en italien"),
        ("c'est en anglais que le chef a parlé", .scene, "en", "c'est en anglais que"),
        ("c'est en allemand qu'elle a répondu", .scene, "de", "c'est en allemand qu'"),
        ("lors d'une conférence de presse en suédois", .scene, "sv", "conférence de presse en suédois"),
        ("lors d'une conférence de presse donnée en tchèque", .scene, "cs", "conférence de presse donnée en tchèque"),
        ("une réponse donnée en hongrois", .scene, "hu", "donnée en hongrois"),
        ("un cours donné en roumain", .scene, "ro", "donné en roumain"),
        ("un hommage prononcé en grec", .scene, "el", "prononcé en grec"),
        ("une phrase prononcée en russe", .scene, "ru", "prononcée en russe"),
        ("dans un discours en portugais", .scene, "pt", "discours en portugais"),
        ("lors d'une allocution en arabe", .scene, "ar", "allocution en arabe"),
        ("pendant son intervention en espagnol", .scene, "es", "intervention en espagnol"),
        ("dans une déclaration en ukrainien", .scene, "uk", "déclaration en ukrainien"),
        ("dans un message en japonais", .scene, "ja", "message en japonais"),
        ("dans une vidéo en coréen", .scene, "ko", "vidéo en coréen"),
        ("un entretien accordé en italien à la radio", .scene, "it", "entretien accordé en italien"),
        ("une interview accordée en néerlandais", .scene, "nl", "interview accordée en néerlandais"),
        ("des propos tenus en mandarin", .scene, "zh", "tenus en mandarin"),
        ("une chanson en langue arabe", .spokenNear, "ar", "en langue arabe"),
        ("elle a salué la foule dans la langue de Cervantès", .scene, "es", "dans la langue de Cervantès"),
        ("dans un espagnol approximatif", .scene, "es", "dans un espagnol approximatif"),
        ("dans un allemand hésitant", .scene, "de", "dans un allemand hésitant"),
        ("dans un russe impeccable", .scene, "ru", "dans un russe impeccable"),
        ("dans un italien fluide", .scene, "it", "dans un italien fluide"),
        ("dans un anglais courant", .scene, "en", "dans un anglais courant"),
        ("dans un français châtié", .scene, "fr", "dans un français châtié"),
        ("dans un anglais teinté d'accent", .scene, "en", "dans un anglais teinté d'accent"),
        ("puis en français", .switch, "fr", "puis en français"),
        ("avant de repasser à l'anglais", .switch, "en", "avant de repasser à l'anglais"),
        ("avant de repasser au turc", .switch, "tr", "avant de repasser au turc"),
        ("avant de passer à l'arabe", .switch, "ar", "avant de passer à l'arabe"),
        ("avant de passer au grec", .switch, "el", "avant de passer au grec"),
        ("avant de poursuivre en russe", .switch, "ru", "avant de poursuivre en russe"),
        ("poursuivant en espagnol", .switch, "es", "poursuivant en espagnol"),
        ("repassant à l'ukrainien", .switch, "uk", "repassant à l'ukrainien"),
        ("repassant au polonais", .switch, "pl", "repassant au polonais"),
        ("revenant à l'italien", .switch, "it", "revenant à l'italien"),
        ("revenant au portugais", .switch, "pt", "revenant au portugais"),
        ("basculant en allemand", .switch, "de", "basculant en allemand"),
        ("d'après la transcription anglaise", .relay, "en", "la transcription anglaise"),
        ("dans une transcription russe", .relay, "ru", "une transcription russe"),
        ("la transcription en anglais du discours", .relay, "en", "la transcription en anglais"),
        ("une transcription en arabe", .relay, "ar", "une transcription en arabe"),
        ("selon la traduction anglaise du ministère", .relay, "en", "selon la traduction anglaise"),
        ("selon une traduction russe", .relay, "ru", "selon une traduction russe"),
        ("dans une traduction russe", .relay, "ru", "une traduction russe"),
        ("dans sa traduction officielle en anglais", .relay, "en", "traduction officielle en anglais"),
        ("une interprète traduit ses propos en anglais", .relay, "en", "traduit ses propos en anglais"),
        ("son fils traduisait ses propos en français", .relay, "fr", "traduisait ses propos en français"),
        ("des propos relayés en anglais ensuite", .relay, "en", "relayés en anglais"),
        ("relayés en anglais par l'agence officielle", .relay, "en", "relayés en anglais par l'agence"),
        ("selon une traduction officielle en anglais", .relay, "en", "selon une traduction officielle en anglais"),
        ("selon la traduction officielle en russe", .relay, "ru", "selon la traduction officielle en russe"),
    ]

    static func firstCue(in phrase: String) throws -> (TranslationCues.Match, String)? {
        let extractor = try Support.extractor()
        let document = try extractor.analyze(id: "t", source: SourceText(phrase))
        let finder = TranslationCueFinder(cues: try TranslationCues.bundled(), lexicon: extractor.lexicon, periphrases: try LanguagePeriphrases.bundled())
        guard let first = finder.find(in: document, quotes: []).first else { return nil }
        let text = document.originalText(document.workingRange(content: first.content.lowerBound, through: first.content.upperBound - 1))
        return (TranslationCues.Match(role: first.role, language: first.language, length: first.content.count), text)
    }

    @Test(arguments: phrases)
    func match(phrase: String, role: Role, language: String?, words: String) throws {
        let (match, text) = try #require(try Self.firstCue(in: phrase), "no cue in \(phrase)")
        #expect(match.role == role)
        #expect(match.language == language)
        #expect(text == words)
    }

    /// Every match of the String patterns and of the compiled ones, from each
    /// content token of `document`, up to the end and to a few nearer limits.
    static func bothMatches(_ document: Document, finder: TranslationCueFinder)
        -> [(start: Int, end: Int, keys: TranslationCues.Match?, words: TranslationCues.Match?)] {
        let keys = document.contentKeys
        let ids = document.words(in: finder.words)
        #expect(Array(ids) == finder.words.ids(keys))
        var rows: [(Int, Int, TranslationCues.Match?, TranslationCues.Match?)] = []
        for start in keys.indices {
            for end in Set([keys.count, min(keys.count, start + 1), min(keys.count, start + 2), min(keys.count, start + 4)]) {
                rows.append((start, end, finder.cues.match(keys, at: start, end: end, languages: finder.languages),
                             finder.byWord.match(ids, at: start, end: end, languages: finder.languages)))
            }
        }
        return rows
    }

    @Test("matching by word id agrees with matching by key", arguments: phrases.map(\.0))
    func wordsAgree(phrase: String) throws {
        let extractor = try Support.extractor()
        let document = try extractor.analyze(id: "t", source: SourceText(phrase))
        let finder = TranslationCueFinder(cues: try TranslationCues.bundled(), lexicon: extractor.lexicon, periphrases: try LanguagePeriphrases.bundled())
        let rows = Self.bothMatches(document, finder: finder)
        #expect(rows.contains { $0.words != nil })
        for row in rows { #expect(row.keys == row.words, "\(phrase) at \(row.start)..<\(row.end)") }
    }

    @Test("matching by word id agrees with matching by key on every Corpus article", arguments: try Support.articles())
    func wordsAgreeOnCorpus(article: URL) throws {
        let extractor = try Support.extractor()
        let document = try extractor.analyze(id: article.lastPathComponent, source: SourceText(try String(contentsOf: article, encoding: .utf8)))
        let finder = TranslationCueFinder(cues: try TranslationCues.bundled(), lexicon: extractor.lexicon, periphrases: try LanguagePeriphrases.bundled())
        let rows = Self.bothMatches(document, finder: finder)
        let disagree = rows.filter { $0.keys != $0.words }
        #expect(disagree.isEmpty, "\(article.lastPathComponent): \(disagree.prefix(3).map { "\($0.start)..<\($0.end)" })")
    }

    /// The finder passes over the words that begin no pattern in one scan: from every position of
    /// an article, the scan stops where testing word after word would.
    @Test("the first position that begins a pattern, on every Corpus article", arguments: try Support.articles())
    func firstPatternStart(article: URL) throws {
        let extractor = try Support.extractor()
        let document = try extractor.analyze(id: article.lastPathComponent, source: SourceText(try String(contentsOf: article, encoding: .utf8)))
        let finder = TranslationCueFinder(cues: try TranslationCues.bundled(), lexicon: extractor.lexicon, periphrases: try LanguagePeriphrases.bundled())
        let ids = document.words(in: finder.words)
        var starts = 0
        for from in stride(from: 0, through: ids.count, by: 7) {
            for length in [0, 1, 5, 40, ids.count] where from + length <= ids.count {
                let expected = (from..<(from + length)).first { finder.byWord.startsPattern(ids[$0]) }
                #expect(finder.byWord.firstPatternStart(ids, in: from..<(from + length)) == expected, "\(from)..<\(from + length)")
                if expected != nil { starts += 1 }
            }
        }
        #expect(starts > 0 || ids.isEmpty)
    }

    @Test("a compiled pattern table numbers the language slot apart from unknown words")
    func slot() throws {
        let cues = try TranslationCues("en <lang>\tspoken-near\n")
        var names = PhraseTable<String>()
        names.insert("turc", "tr")
        let table = WordTable(cues.words + names.words)
        names.compile(table)
        let compiled = cues.compiled(table)
        #expect(compiled.match(table.ids(["en", "turc"]), at: 0, end: 2, languages: names) == .init(role: .spokenNear, language: "tr", length: 2))
        #expect(compiled.match(table.ids(["en", "lavrov"]), at: 0, end: 2, languages: names) == nil)
        #expect(compiled.match(table.ids(["en", "turc"]), at: 0, end: 1, languages: names) == nil)
        #expect(compiled.match(table.ids(["lavrov", "en", "turc"]), at: 0, end: 3, languages: names) == nil)
    }

    @Test("every bundled pattern has a phrase above")
    func coverage() throws {
        let cues = try TranslationCues.bundled()
        let tested = Set(try Self.phrases.compactMap { try Self.firstCue(in: $0.0)?.1.lowercased().replacingOccurrences(of: "’", with: "'") })
        for pattern in cues.byFirst.values.joined() {
            // <lang> stands for a language name of one to three words (`langue de Goethe`).
            func fits(_ words: ArraySlice<String>, _ keys: ArraySlice<String>) -> Bool {
                guard let key = keys.first else { return words.isEmpty }
                if key == TranslationCues.languageSlot {
                    return (1...3).contains { n in words.count >= n && fits(words.dropFirst(n), keys.dropFirst()) }
                }
                return words.first == key && fits(words.dropFirst(), keys.dropFirst())
            }
            let covered = tested.contains { fits(PhraseTable<Int>.split($0)[...], pattern.keys[...]) }
            #expect(covered, "no phrase for \(pattern.keys.joined(separator: " "))")
        }
    }

    @Test("no cue in ordinary phrases", arguments: [
        "un cours en anglais",
        "la traduction du livre",
        "un interprète de Bach",
        "l'agence de voyages",
    ])
    func none(phrase: String) throws {
        let found = try Self.firstCue(in: phrase)
        #expect(found == nil || found?.0.role == .spokenNear)
    }

    @Test("malformed patterns name file, line and field", arguments: [
        ("en <lang>\tspoke\n", "translation-cues.tsv:1:2: expected one of printed, relay, reported, scene, spoken, spoken-near, switch, translated, found \"spoke\""),
        ("# comment\nen <langue>\tspoken\n", "translation-cues.tsv:2:1: unknown placeholder <langue>; only <lang> is known"),
        ("selon une traduction\trelay\n", "translation-cues.tsv:1:1: a relay cue names the language once with <lang>, found 0"),
        ("par un interprète en <lang>\ttranslated\n", "translation-cues.tsv:1:1: a translated cue names no language; remove <lang>"),
        ("<lang> dans le texte\tprinted\n", "translation-cues.tsv:1:1: a pattern starts with a word, not <lang>"),
        ("en <lang>\tspoken\nen <lang>\tspoken-near\n", "translation-cues.tsv:2:1: pattern \"en <lang>\" is listed twice"),
        ("en <lang> spoken\n", "translation-cues.tsv:1: expected 2 tab-separated fields, found 1"),
    ])
    func malformed(text: String, message: String) {
        do {
            _ = try TranslationCues(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
