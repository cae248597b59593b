import Testing
@testable import Quotes

/// Translation notes: one row per cue form, with wording written for these tests.
@Suite struct TranslationTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let quote: String
        let original: String?
        let via: [String]
        let quotedIn: String
        let verbatim: Bool?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "en X right after the cue", text: "«Nous resterons unis», a déclaré en italien le ministre Paolo Serra.",
            quote: "Nous resterons unis", original: "it", via: [], quotedIn: "fr", verbatim: false),
        Row(name: "s'exprimant en X", text: "«La paix est possible», a assuré Maria Oliveira, s'exprimant en portugais.",
            quote: "La paix est possible", original: "pt", via: [], quotedIn: "fr", verbatim: false),
        Row(name: "qui s'exprimait en X", text: "L'émissaire Jan Novak, qui s'exprimait en tchèque, a jugé l'accord «équilibré».",
            quote: "équilibré", original: "cs", via: [], quotedIn: "fr", verbatim: false),
        Row(name: "a relay through a translation", text: "«Nous ne céderons pas», a dit M. Arslan, selon une traduction en anglais de ses propos.",
            quote: "Nous ne céderons pas", original: nil, via: ["en"], quotedIn: "fr", verbatim: nil),
        Row(name: "an interpreter translating into a relay language", text: "Le général Tamaz Beridze, dont les propos étaient traduits en russe par un interprète, a affirmé que «la frontière tiendra».",
            quote: "la frontière tiendra", original: nil, via: ["ru"], quotedIn: "fr", verbatim: nil),
        Row(name: "spoken language and a direct official translation", text: "«Le port rouvrira lundi», a annoncé en grec Eleni Kosta, selon la traduction officielle.",
            quote: "Le port rouvrira lundi", original: "el", via: [], quotedIn: "fr", verbatim: false),
        Row(name: "an interview translated from X", text: "«Nous avons été trahis», a confié Oleg Petrenko dans une interview traduite de l'ukrainien.",
            quote: "Nous avons été trahis", original: "uk", via: [], quotedIn: "fr", verbatim: false),
        Row(name: "en X dans le texte", text: "«We are not against Europe», a lancé Tom Hardy, en anglais dans le texte.",
            quote: "We are not against Europe", original: "en", via: [], quotedIn: "en", verbatim: true),
        Row(name: "a quote printed in another language", text: "«Wir schaffen das nicht allein», a prévenu la chancelière Anke Weber.",
            quote: "Wir schaffen das", original: nil, via: [], quotedIn: "de", verbatim: nil),
        Row(name: "a registry speaker's own language", text: "«Nous avons confirmé notre accord», a dit Sergueï Lavrov.",
            quote: "Nous avons confirmé", original: "ru", via: [], quotedIn: "fr", verbatim: false),
    ]

    @Test(arguments: rows)
    func note(row: Row) throws {
        let quote = try #require(try Support.quotes(row.text).first { $0.text.contains(row.quote) })
        let note = try #require(quote.translation, "no translation note for \(row.text)")
        #expect(note.original == row.original)
        #expect(note.via == row.via)
        #expect(note.quotedIn == row.quotedIn)
        #expect(note.verbatim == row.verbatim)
    }

    @Test("an unrelated 'en anglais' is no cue", arguments: [
        "«Les inscriptions ouvrent lundi», a annoncé la directrice Claire Morin, qui enseigne un cours en anglais à Rennes.",
        "Sur l'affiche, écrite en anglais et en français, on lit le programme. «Venez nombreux», a dit le maire Luc Tanguy.",
    ])
    func unrelated(text: String) throws {
        let quotes = try Support.quotes(text).filter { $0.span.kind == .direct }
        for quote in quotes { #expect(quote.translation == nil || quote.translation?.original == nil) }
    }

    @Test("nothing known gives no note")
    func nothing() throws {
        let quote = try #require(try Support.quotes("«Le marché ouvre à huit heures», a précisé le maire Luc Tanguy.").first)
        #expect(quote.translation == nil)
    }

    @Test("the seed: Cavusoglu through Russian, Lavrov in Russian, no unstated relay")
    func seed() throws {
        let quotes = try SeedAttributionTests.quotes()
        let relayed = try #require(quotes.first { $0.text.hasPrefix("Quel que soit le sujet") }?.translation)
        #expect(relayed.original == "tr")
        #expect(relayed.originalSource == .registry)
        #expect(relayed.via == ["ru"])
        #expect(relayed.evidence?.text == "selon une traduction en russe de ses propos")
        #expect(relayed.verbatim == false)
        #expect(relayed.note == "Said in Turkish, relayed through a Russian translation, printed in French: not verbatim.")
        for quote in quotes where quote.attribution.speaker?.id == "sergey-lavrov" {
            let note = try #require(quote.translation)
            #expect(note.original == "ru")
            #expect(note.via.isEmpty)
            #expect(note.verbatim == false)
        }
        #expect(quotes.filter { !($0.translation?.via.isEmpty ?? true) }.count == 1)
    }

    @Test("name renderings come from ICU transliteration")
    func names() throws {
        let quotes = try SeedAttributionTests.quotes()
        let lavrov = try #require(quotes.first { $0.attribution.speaker?.id == "sergey-lavrov" }?.translation)
        #expect(lavrov.speakerNames.contains("Сергей Лавров"))
        #expect(lavrov.speakerNames.contains("Sergey Lavrov"))
        let cavusoglu = try #require(quotes.first { $0.attribution.speaker?.id == "mevlut-cavusoglu" }?.translation)
        #expect(cavusoglu.speakerNames.prefix(2) == ["Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"])
    }
}
