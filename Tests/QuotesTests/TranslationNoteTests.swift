import Testing
@testable import Quotes

/// The readable sentence of a note: each fact with where it came from.
@Suite struct TranslationNoteTests {
    struct Row: Sendable {
        let original: String?
        var source: TranslationNote.Source? = .cue
        let via: [String]
        let printed: String?
        var printedSource: TranslationNote.PrintedSource = .identified
        let verbatim: Bool?
        let translated: Bool
        let reported: Bool
        let sentence: String
    }

    @Test(arguments: [
        Row(original: "tr", source: .registry, via: ["ru"], printed: "fr", verbatim: false, translated: true, reported: false,
            sentence: "Said in Turkish (registry), relayed through a Russian translation (text), printed in French (identified): not verbatim."),
        Row(original: "ka", via: ["ru", "en"], printed: "fr", verbatim: false, translated: true, reported: false,
            sentence: "Said in Georgian (text), relayed through a Russian translation then an English translation (text), printed in French (identified): not verbatim."),
        Row(original: "en", via: [], printed: "en", printedSource: .cue, verbatim: true, translated: false, reported: false,
            sentence: "Said in English (text), printed in English (text): verbatim."),
        Row(original: "el", via: [], printed: "fr", verbatim: false, translated: true, reported: false,
            sentence: "Said in Greek (text), translated (text), printed in French (identified): not verbatim."),
        Row(original: nil, source: nil, via: [], printed: "fr", verbatim: nil, translated: false, reported: true,
            sentence: "Spoken language not stated, quoted by a news agency (text), printed in French (identified): verbatim unknown."),
        Row(original: "uk", via: [], printed: nil, verbatim: nil, translated: false, reported: false,
            sentence: "Said in Ukrainian (text), printed language unclear: verbatim unknown."),
        Row(original: "de", source: .registry, via: [], printed: "fr", verbatim: false, translated: false, reported: false,
            sentence: "Said in German (registry), printed in French (identified): not verbatim."),
        Row(original: "pl", source: .role, via: [], printed: "fr", printedSource: .narrator, verbatim: false, translated: false, reported: false,
            sentence: "Probably said in Polish (guessed from the speaker's role), printed in French (the narrator's words): not verbatim."),
        Row(original: "it", source: .quote, via: [], printed: "it", verbatim: true, translated: false, reported: false,
            sentence: "Said in Italian (the words as printed), printed in Italian (identified): verbatim."),
    ])
    func sentence(row: Row) {
        #expect(TranslationNote.sentence(original: row.original, source: row.source, via: row.via, printed: row.printed,
                                         printedSource: row.printedSource, verbatim: row.verbatim,
                                         translated: row.translated, reported: row.reported) == row.sentence)
    }
}
