import Testing
@testable import Quotes

/// The readable sentence of a note.
@Suite struct TranslationNoteTests {
    struct Row: Sendable {
        let original: String?
        let via: [String]
        let printed: String?
        let verbatim: Bool?
        let translated: Bool
        let reported: Bool
        let sentence: String
    }

    @Test(arguments: [
        Row(original: "tr", via: ["ru"], printed: "fr", verbatim: false, translated: true, reported: false,
            sentence: "Said in Turkish, relayed through a Russian translation, printed in French: not verbatim."),
        Row(original: "ka", via: ["ru", "en"], printed: "fr", verbatim: false, translated: true, reported: false,
            sentence: "Said in Georgian, relayed through a Russian translation then an English translation, printed in French: not verbatim."),
        Row(original: "en", via: [], printed: "en", verbatim: true, translated: false, reported: false,
            sentence: "Said in English, printed in English: verbatim."),
        Row(original: "el", via: [], printed: "fr", verbatim: false, translated: true, reported: false,
            sentence: "Said in Greek, translated, printed in French: not verbatim."),
        Row(original: nil, via: [], printed: "fr", verbatim: nil, translated: false, reported: true,
            sentence: "Spoken language not stated, quoted by a news agency, printed in French: verbatim unknown."),
        Row(original: "uk", via: [], printed: nil, verbatim: nil, translated: false, reported: false,
            sentence: "Said in Ukrainian, printed language unclear: verbatim unknown."),
    ])
    func sentence(row: Row) {
        #expect(TranslationNote.sentence(original: row.original, via: row.via, printed: row.printed, verbatim: row.verbatim,
                                         translated: row.translated, reported: row.reported) == row.sentence)
    }
}
