import Testing
@testable import Quotes

/// Translation notes through the whole pipeline: one row per cue form, with
/// wording written for these tests.
@Suite struct TranslationAnnotatorTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// The start of the quote the row is about.
        let quote: String
        let original: String?
        let source: TranslationNote.Source?
        let via: [String]
        let quotedIn: String
        let verbatim: Bool?
        /// The evidence text, when the row checks it.
        var evidence: String? = nil
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "en X right after the verb", text: "«Nous resterons unis», a déclaré en italien le ministre Paolo Serra.",
            quote: "Nous resterons", original: "it", source: .cue, via: [], quotedIn: "fr", verbatim: false, evidence: "en italien"),
        Row(name: "s'exprimant en X", text: "«La paix est possible», a assuré Maria Oliveira, s'exprimant en portugais.",
            quote: "La paix", original: "pt", source: .cue, via: [], quotedIn: "fr", verbatim: false, evidence: "s'exprimant en portugais"),
        Row(name: "qui s'exprimait en X, before a mixed quote", text: "L'émissaire Jan Novak, qui s'exprimait en tchèque, a jugé l'accord «équilibré».",
            quote: "équilibré", original: "cs", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "selon une traduction en X de ses propos", text: "«Nous ne céderons pas», a dit M. Arslan, selon une traduction en anglais de ses propos.",
            quote: "Nous ne céderons", original: nil, source: nil, via: ["en"], quotedIn: "fr", verbatim: false,
            evidence: "selon une traduction en anglais de ses propos"),
        Row(name: "selon la traduction en X", text: "«Le calme revient», a indiqué le gouverneur Rashid Khan, selon la traduction en anglais diffusée par la télévision.",
            quote: "Le calme", original: nil, source: nil, via: ["en"], quotedIn: "fr", verbatim: false),
        Row(name: "dont les propos étaient traduits en X par un interprète",
            text: "Le général Tamaz Beridze, dont les propos étaient traduits en russe par un interprète, a affirmé que «la frontière tiendra».",
            quote: "la frontière", original: nil, source: nil, via: ["ru"], quotedIn: "fr", verbatim: false,
            evidence: "dont les propos étaient traduits en russe par un interprète"),
        Row(name: "spoken language and a direct official translation", text: "«Le port rouvrira lundi», a annoncé en grec Eleni Kosta, selon la traduction officielle.",
            quote: "Le port", original: "el", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "par un interprète, no language", text: "«Nous voulons la paix», a déclaré le président Amadou Diallo par la voix de son interprète.",
            quote: "Nous voulons", original: nil, source: nil, via: [], quotedIn: "fr", verbatim: false, evidence: "par la voix de son interprète"),
        Row(name: "l'interprétation simultanée", text: "«La coopération continue», a lancé en norvégien le délégué Lars Berg, selon l'interprétation simultanée.",
            quote: "La coopération", original: "no", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "dans une interview traduite de l'X", text: "«Nous avons été trahis», a confié Oleg Petrenko dans une interview traduite de l'ukrainien.",
            quote: "Nous avons été", original: "uk", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "des propos traduits du X", text: "«Le chantier avance bien», a affirmé l'ingénieur Kenji Sato dans des propos traduits du japonais.",
            quote: "Le chantier", original: "ja", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "en X dans le texte", text: "«We keep our promises», a lancé le député Tom Baker, en anglais dans le texte.",
            quote: "We keep", original: "en", source: .cue, via: [], quotedIn: "en", verbatim: true, evidence: "en anglais dans le texte"),
        Row(name: "cité par l'agence: an intermediary, no language", text: "«Nous ne reculerons pas», a déclaré le gouverneur Ivan Petrov, cité par l'agence Interfax.",
            quote: "Nous ne reculerons", original: nil, source: nil, via: [], quotedIn: "fr", verbatim: nil, evidence: "cité par l'agence"),
        Row(name: "cité en X par l'agence: a relay the text states", text: "«Les prix vont baisser», a assuré le gouverneur Ivan Petrov, cité en anglais par l'agence Reuters.",
            quote: "Les prix", original: nil, source: nil, via: ["en"], quotedIn: "fr", verbatim: false),
        Row(name: "selon la version X", text: "«Nous étions prêts», a affirmé le colonel Omar Haddad, selon la version anglaise de ses propos.",
            quote: "Nous étions", original: nil, source: nil, via: ["en"], quotedIn: "fr", verbatim: false),
        Row(name: "spoken then relayed", text: "«Rien ne change», a dit en persan le ministre Ali Rezaei, selon une traduction en anglais de ses propos.",
            quote: "Rien ne change", original: "fa", source: .cue, via: ["en"], quotedIn: "fr", verbatim: false),
        Row(name: "an interview in X", text: "«Nous devons agir vite», a estimé Hans Müller dans un entretien en allemand au quotidien de sa ville.",
            quote: "Nous devons", original: "de", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "dans un X hésitant: spoken and printed in French", text: "«C'est une belle journée pour le village», a lancé Mark Evans dans un français hésitant.",
            quote: "C'est une belle", original: "fr", source: .cue, via: [], quotedIn: "fr", verbatim: true),
        Row(name: "a language name of two words", text: "«Nous reconstruirons le quartier», a déclaré Jean-Robert Pierre en créole haïtien.",
            quote: "Nous reconstruirons", original: "ht", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "répondant en X", text: "«Pas question de renoncer», a tranché Sofia Rossi, répondant en italien à un journaliste.",
            quote: "Pas question", original: "it", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "passant à l'X, printed as spoken", text: "Passant à l'anglais, le sélectionneur Piotr Nowak a lancé : «Thank you so much, we will come back next year!»",
            quote: "Thank you", original: "en", source: .cue, via: [], quotedIn: "en", verbatim: true),
        Row(name: "a one-word quote in the language spoken", text: "«Wunderbar!», a lancé en allemand le coureur Jonas Weber.",
            quote: "Wunderbar", original: "de", source: .cue, via: [], quotedIn: "de", verbatim: true),
        Row(name: "a cue beats the registry", text: "«We will talk to everyone», a dit en anglais Sergueï Lavrov.",
            quote: "We will talk", original: "en", source: .cue, via: [], quotedIn: "en", verbatim: true),
        Row(name: "a registry speaker's own language", text: "«La négociation reprendra bientôt», a dit Sergueï Lavrov.",
            quote: "La négociation", original: "ru", source: .registry, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a quote printed in another language, no cue: the words as spoken", text: "«Wir geben nicht auf, niemals», a prévenu la chancelière Anke Weber.",
            quote: "Wir geben", original: "de", source: .quote, via: [], quotedIn: "de", verbatim: true),
        Row(name: "a sentence that sets the scene, then the quote", text: "La ministre Ana Lima s'est exprimée en portugais. «Nous ferons mieux l'an prochain», a-t-elle promis.",
            quote: "Nous ferons", original: "pt", source: .cue, via: [], quotedIn: "fr", verbatim: false, evidence: "s'est exprimée en portugais"),
        Row(name: "a scene with its relay, two quotes later", text: "Le physicien Wei Chen s'est exprimé en mandarin, ses propos étant traduits en anglais par un interprète. Il a jugé la situation «inquiétante». «Nous manquons de données fiables», a-t-il ajouté.",
            quote: "Nous manquons", original: "zh", source: .cue, via: ["en"], quotedIn: "fr", verbatim: false,
            evidence: "s'est exprimé en mandarin, ses propos étant traduits en anglais par un interprète"),
    ]

    @Test(arguments: rows)
    func note(row: Row) throws {
        let quote = try #require(try Support.quotes(row.text).first { $0.text.hasPrefix(row.quote) }, "no quote \(row.quote)")
        let note = try #require(quote.translation, "no translation note for \(row.text)")
        #expect(note.original == row.original)
        #expect(note.originalSource == row.source)
        #expect(note.via == row.via)
        #expect(note.quotedIn == row.quotedIn)
        #expect(note.verbatim == row.verbatim)
        if let evidence = row.evidence {
            #expect(note.evidence?.text == evidence)
            // The offsets point at the evidence in the original text.
            if let e = note.evidence { #expect(row.text.scalars(e.start, e.end) == evidence) }
        }
    }

    @Test("an unrelated 'en anglais' is no cue", arguments: [
        "«Les inscriptions ouvrent lundi», a annoncé la directrice Claire Morin, qui enseigne un cours en anglais à Rennes.",
        "Sur l'affiche, écrite en anglais et en français, on lit le programme. «Venez nombreux», a dit le maire Luc Tanguy.",
        "Le festival, diffusé en anglais sur une radio locale, a fermé ses portes. «Ce fut une belle édition», a dit l'organisatrice Julie Marchand.",
        "«Nous cherchons des bénévoles qui parlent en anglais», a expliqué la responsable Inès Garnier.",
        "«Le film sort mercredi», a précisé le distributeur Paul Girard, qui le projettera aussi en version sous-titrée en anglais à Lille.",
    ])
    func unrelated(text: String) throws {
        let quotes = try Support.quotes(text).filter { $0.span.kind == .direct }
        #expect(!quotes.isEmpty)
        for quote in quotes { #expect(quote.translation == nil, "\(quote.text): \(String(describing: quote.translation))") }
    }

    @Test("a cue speaks for its own clause only", arguments: [
        // The incise's language, not the next clause's quote.
        ("Le coureur Jonas Weber était ravi. «Wunderbar!», a-t-il lancé en allemand, avant d'affirmer qu'il restait «très prudent».", "très prudent"),
        // "dans le texte" describes the quote in marks, not the paraphrase that follows.
        ("«Die Lage ist ernst», a averti le géologue Klaus Meier, en allemand dans le texte, ajoutant que les secours arrivaient.", "les secours"),
        // A word printed in the language named sets no scene for the speaker's next quote.
        ("Le coureur Jonas Weber était ravi. «Wunderbar!», a-t-il lancé en allemand. «Je rentre chez moi demain», a-t-il ajouté.", "Je rentre"),
        // A scene stops when someone else is quoted.
        ("Le ministre Kenji Sato s'est exprimé en japonais. «Le projet avance», a-t-il dit. «Il avance trop lentement», a répliqué la députée Anne Roy.", "Il avance"),
    ])
    func ownClause(text: String, other: String) throws {
        let quotes = try Support.quotes(text)
        let quote = try #require(quotes.first { $0.text.hasPrefix(other) }, "no quote \(other)")
        #expect(quote.translation == nil, "\(String(describing: quote.translation))")
        #expect(quotes.contains { $0.translation?.originalSource == .cue })
    }

    @Test("nothing known gives no note", arguments: [
        "«Le marché ouvre à huit heures», a précisé le maire Luc Tanguy.",
        "«Personne ne sait qui a parlé.»",
        "Il a relu le roman «Guerre et paix» en russe cet été.",
    ])
    func nothing(text: String) throws {
        for quote in try Support.quotes(text) { #expect(quote.translation == nil, "\(quote.text)") }
    }

    @Test("the seed: Cavusoglu through Russian, Lavrov in Russian, no unstated relay")
    func seed() throws {
        let quotes = try SeedAttributionTests.quotes()
        let relayed = try #require(quotes.first { $0.text.hasPrefix("Quel que soit le sujet") }?.translation)
        #expect(relayed.original == "tr")
        #expect(relayed.originalSource == .registry)
        #expect(relayed.via == ["ru"])
        #expect(relayed.quotedIn == "fr")
        #expect(relayed.evidence?.text == "selon une traduction en russe de ses propos")
        #expect(relayed.verbatim == false)
        #expect(relayed.note == "Said in Turkish (registry), relayed through a Russian translation (text), printed in French (identified): not verbatim.")
        let lavrov = quotes.filter { $0.attribution.speaker?.id == "sergey-lavrov" }
        #expect(!lavrov.isEmpty)
        for quote in lavrov {
            let note = try #require(quote.translation)
            #expect(note.original == "ru")
            #expect(note.originalSource == .registry)
            #expect(note.via.isEmpty)
            #expect(note.verbatim == false)
            #expect(note.evidence == nil)
        }
        #expect(quotes.filter { !($0.translation?.via.isEmpty ?? true) }.map(\.text).count == 1)
    }
}
