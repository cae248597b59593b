import Testing
@testable import Quotes

/// The scene of a speech (where and in which language it was given), how far
/// it reaches, and the language guessed from the speaker's role: through the
/// whole pipeline, one row per construction, in wording written for these tests.
@Suite struct TranslationScenesTests {
    typealias Row = TranslationAnnotatorTests.Row

    static func check(_ row: Row) throws {
        let quote = try #require(try Support.quotes(row.text).first { $0.text.hasPrefix(row.quote) }, "no quote \(row.quote)")
        let note = try #require(quote.translation, "no translation note for «\(row.quote)»")
        #expect(note.original == row.original)
        #expect(note.originalSource == row.source)
        #expect(note.via == row.via)
        #expect(note.quotedIn == row.quotedIn)
        #expect(note.verbatim == row.verbatim)
        if let evidence = row.evidence { #expect(note.evidence?.text == evidence) }
    }

    static let scenes: [Row] = [
        Row(name: "a press conference given in X", text: "Lors d'une conférence de presse donnée en polonais, le ministre Tomasz Wrona a défendu la réforme. «Nous tiendrons nos engagements», a-t-il assuré.",
            quote: "Nous tiendrons", original: "pl", source: .cue, via: [], quotedIn: "fr", verbatim: false, evidence: "conférence de presse donnée en polonais"),
        Row(name: "dans un X approximatif", text: "Le chanteur Tom Reed a salué le public dans un espagnol approximatif. «Je reviendrai l'an prochain», a-t-il promis.",
            quote: "Je reviendrai", original: "es", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "dans la langue de Goethe", text: "Invitée à Berlin, la ministre Claire Martin s'est adressée au public dans la langue de Goethe. «Notre amitié est solide», a-t-elle déclaré.",
            quote: "Notre amitié", original: "de", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "avant de repasser au X: the quote after the switch", text: "«Merci à tous», a dit en français la présidente Ioana Popescu, avant de repasser au roumain : «Nous continuerons le combat ensemble».",
            quote: "Nous continuerons", original: "ro", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "avant de repasser au X: the quote before the switch", text: "«Merci à tous», a dit en français la présidente Ioana Popescu, avant de repasser au roumain : «Nous continuerons le combat ensemble».",
            quote: "Merci à tous", original: "fr", source: .cue, via: [], quotedIn: "fr", verbatim: true),
        Row(name: "en X, puis en Y: the second quote", text: "La présidente Ana Rusu a salué la foule. «Bine ați venit», a-t-elle dit en roumain, puis en français : «Merci pour votre accueil».",
            quote: "Merci pour", original: "fr", source: .cue, via: [], quotedIn: "fr", verbatim: true),
        Row(name: "a published transcript in X: a relay", text: "«Le dialogue reste ouvert», a déclaré le diplomate Hiroshi Tanaka, selon la transcription anglaise publiée par son ministère.",
            quote: "Le dialogue", original: nil, source: nil, via: ["en"], quotedIn: "fr", verbatim: false),
        Row(name: "en X, selon une traduction de l'agence: a direct translation", text: "«Nous refusons toute ingérence», a déclaré en arabe le porte-parole Karim Saleh, selon une traduction de l'agence.",
            quote: "Nous refusons", original: "ar", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a écrit en X sur un réseau social", text: "«Merci pour votre soutien», a écrit en anglais sur X la joueuse Emma Lind.",
            quote: "Merci pour", original: "en", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "the scene reaches the speaker's quotes in later paragraphs", text: "C'est en anglais que le ministre Lars Holm s'est exprimé devant les députés.\n\nLe ministre a rappelé les chiffres de l'année.\n\n«Nous devons rester unis», a-t-il conclu.",
            quote: "Nous devons", original: "en", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a language stated for a translated quote goes on to the next one", text: "«Nous avons été entendus», a déclaré en anglais la ministre Ewa Lindgren. «La suite dépend de nos voisins», a-t-elle ajouté.",
            quote: "La suite", original: "en", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "qui s'exprimait en X reaches back to the speaker's earlier quote", text: "«La crise est derrière nous», a affirmé le ministre Omar Nasser. «Nos réserves sont pleines», a dit M. Nasser, qui s'exprimait en anglais.",
            quote: "La crise", original: "en", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a translation stated after the quote reaches back to it", text: "Le ministre Chen Bo s'exprime en mandarin et poursuit : «Nous voulons une relation stable». Ses propos sont traduits en anglais par un interprète.",
            quote: "Nous voulons", original: "zh", source: .cue, via: ["en"], quotedIn: "fr", verbatim: false),
        Row(name: "a quote printed in the speaker's language, next to its translation", text: "«Non abbiamo paura», a lancé la députée italienne Giulia Ferri devant la foule.",
            quote: "Non abbiamo", original: "it", source: .quote, via: [], quotedIn: "it", verbatim: true),
    ]

    @Test(arguments: scenes)
    func scene(row: Row) throws { try Self.check(row) }

    @Test("a relay or an interpreter named for one quote stays with it", arguments: [
        // The next quote of the same speaker.
        ("«Les échanges progressent», a déclaré le dirigeant Li Wen, selon une traduction en anglais diffusée par la télévision.\n\n«Nous attendons de nouveaux accords», a poursuivi M. Li.", "Nous attendons"),
        // The speaker's earlier quote.
        ("Le ministre Ivo Kralj a jugé l'accord «équilibré». «Nous le signerons», a-t-il ajouté, selon une traduction en anglais de ses propos.", "équilibré"),
    ])
    func relayStays(text: String, start: String) throws {
        let quote = try #require(try Support.quotes(text).first { $0.text.hasPrefix(start) }, "no quote \(start)")
        #expect(quote.translation?.via ?? [] == [], "«\(start)»: \(String(describing: quote.translation))")
    }

    @Test("a scene does not leak to another speaker, before or after", arguments: [
        // Someone else is quoted: the scene ends.
        ("La ministre Ana Lima s'est exprimée en portugais. «Nous ferons mieux», a-t-elle promis. «Ce sont des promesses», a répliqué le député Paul Girard. «Nous tiendrons parole», a insisté Ana Lima.", ["Ce sont", "Nous tiendrons"]),
        // A cue that reaches back stops at another speaker's quote.
        ("«La crise est derrière nous», a affirmé la députée Anne Roy. «Nos réserves sont pleines», a dit le ministre Omar Nasser, qui s'exprimait en anglais.", ["La crise"]),
        // A switch speaks for the quotes after it, not for the one before.
        ("«Merci à tous», a dit la chanteuse Lina Costa, avant de passer à l'italien : «Grazie mille, siete meravigliosi».", ["Merci à tous"]),
    ])
    func noLeak(text: String, quotes: [String]) throws {
        let all = try Support.quotes(text)
        for start in quotes {
            let quote = try #require(all.first { $0.text.hasPrefix(start) }, "no quote \(start)")
            #expect(quote.translation?.originalSource != .cue, "«\(start)»: \(String(describing: quote.translation))")
        }
    }

    @Test("a French translation printed in parentheses after a foreign quote is not a quote of its own")
    func gloss() throws {
        let quotes = try Support.quotes("«Non abbiamo paura» («Nous n'avons pas peur»), a lancé la députée italienne Giulia Ferri devant la foule.")
        #expect(!quotes.contains { $0.text.hasPrefix("Nous n'avons") })
        let quote = try #require(quotes.first { $0.text.hasPrefix("Non abbiamo") })
        #expect(quote.translation?.quotedIn == "it")
        #expect(quote.translation?.verbatim == true)
        #expect(quotes.map(\.index) == Array(quotes.indices))
        // A parenthesis that is no translation stays a quote.
        let other = try Support.quotes("«Wir schaffen das» («un slogan», selon elle), a rappelé la députée Anna Berg.")
        #expect(other.contains { $0.text.hasPrefix("un slogan") })
    }

    /// The text between a quote and its gloss: one opening parenthesis and
    /// white space, as Foundation's trimming of white space and newlines reads it.
    @Test("only a parenthesis and white space stand between a quote and its gloss", arguments: [
        "(", " (", "( ", " \n(\u{A0}", "\u{202F}(\u{2009}", "\u{3000}\u{2028}(\u{85}\t", "\u{1680}(\u{205F}\u{2029}\r",
        "", " ", "((", "( (", "x(", "( x", "(\u{301}", "[", "\u{200B}(", "(\u{FEFF}", "\u{180E}(", "(,",
        String(repeating: "\n", count: 500) + "(",
    ])
    func glossSeparator(text: String) {
        let foundation = text.trimmingCharacters(in: .whitespacesAndNewlines) == "("
        #expect(TranslationAnnotator.isOnly("(", inWhiteSpace: text) == foundation)
    }

    @Test("every scalar is white space around a gloss's parenthesis exactly when Foundation trims it")
    func glossSeparatorEveryScalar() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)(\(scalar)"
            if TranslationAnnotator.isOnly("(", inWhiteSpace: text) != (text.trimmingCharacters(in: .whitespacesAndNewlines) == "(") {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { String($0, radix: 16) })")
    }

    @Test("a gloss after a no-break space or a line break is still a gloss")
    func glossAfterSpaces() throws {
        for space in ["\u{A0}", "\n", " \u{202F}"] {
            let quotes = try Support.quotes("«Non abbiamo paura»\(space)(«Nous n'avons pas peur»), a lancé la députée italienne Giulia Ferri.")
            #expect(!quotes.contains { $0.text.hasPrefix("Nous n'avons") }, "\(space.debugDescription)")
        }
    }

    static let roles: [Row] = [
        Row(name: "le président + nationality", text: "«Nous ne céderons pas», a déclaré le président polonais.",
            quote: "Nous ne céderons", original: "pl", source: .role, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "la Première ministre + nationality", text: "«La coalition tiendra», a assuré la Première ministre italienne.",
            quote: "La coalition", original: "it", source: .role, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "an institution: le porte-parole du Kremlin", text: "«Aucune décision n'a été prise», a indiqué le porte-parole du Kremlin.",
            quote: "Aucune décision", original: "ru", source: .role, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "le chef de la diplomatie + nationality", text: "«Nous répondrons», a prévenu le chef de la diplomatie israélienne.",
            quote: "Nous répondrons", original: "he", source: .role, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a capital for its government", text: "Varsovie a fait savoir qu'elle ne signerait pas le texte.",
            quote: "elle ne signerait", original: "pl", source: .role, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a cue beats the role", text: "«Nous ne céderons pas», a déclaré en anglais le président polonais.",
            quote: "Nous ne céderons", original: "en", source: .cue, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "the registry beats the role", text: "«Nous verrons», a déclaré le chancelier allemand Olaf Scholz.",
            quote: "Nous verrons", original: "de", source: .registry, via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a relay the text states, from a role", text: "«Rien ne change», a dit le ministre iranien, selon une traduction en anglais de ses propos.",
            quote: "Rien ne change", original: "fa", source: .role, via: ["en"], quotedIn: "fr", verbatim: false),
    ]

    @Test(arguments: roles)
    func role(row: Row) throws { try Self.check(row) }

    @Test("no guess where the language of public life is French or shared", arguments: [
        "«Nous resterons vigilants», a déclaré le ministre belge de l'Intérieur.",
        "«Le budget sera tenu», a affirmé le ministre français des Finances.",
        "«Nous avançons», a dit le Premier ministre sénégalais.",
        "«Rien n'est décidé», a dit le ministre suisse.",
        "«Nous verrons», a dit le ministre canadien.",
        "«Le dialogue continue», a dit le ministre indien.",
        // The registry lists two languages: no guess either.
        "«Nous verrons», a déclaré Justin Trudeau.",
    ])
    func noGuess(text: String) throws {
        let quotes = try Support.quotes(text).filter { $0.span.kind == .direct }
        #expect(!quotes.isEmpty)
        for quote in quotes { #expect(quote.translation == nil, "\(quote.text): \(String(describing: quote.translation))") }
    }
}

/// Cue lists grouped by fact hold what a dictionary grouped by fact holds:
/// the same lists, each in the order of the cues, none for a fact no cue has.
@Suite struct FactListsTests {
    typealias Fact = TranslationScenes.Fact

    @Test("the same lists as a dictionary grouped by fact", arguments: [
        [Int](), [0], [1], [2], [0, 1, 2], [2, 1, 0, 0, 2], [1, 1, 1], [3, 4, 5, 6, 7, 8], [8, 0, 7, 1, 6, 2, 5, 3, 4],
    ])
    func sameAsDictionary(cues: [Int]) {
        // Cue k's fact by k modulo 3: language, translation, none.
        func fact(_ k: Int) -> Fact? { [Fact.language, .translation, nil][k % 3] }
        let lists = TranslationScenes.FactLists(cues, fact: fact)
        let reference = Dictionary(grouping: cues.filter { fact($0) != nil }, by: { fact($0)! })
        for f in Fact.allCases { #expect(lists[f] == reference[f]) }
        #expect(lists.isEmpty == reference.isEmpty)
        #expect(lists.all.sorted() == reference.values.flatMap { $0 }.sorted())
        var copy = lists
        copy[.translation] = nil
        #expect(copy[.language] == lists[.language] && copy[.translation] == nil)
    }
}
