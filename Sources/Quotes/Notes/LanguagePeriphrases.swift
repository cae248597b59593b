/// Names of languages by a writer (`la langue de Goethe` → `de`), from
/// `Resources/notes/language-periphrases.tsv`: the translation cues read
/// them where they read a language name (`dans la langue de Cervantès`).
///
/// ```swift
/// let names = try LanguagePeriphrases.bundled()
/// names.codes["langue de goethe"]   // "de"
/// ```
public struct LanguagePeriphrases: Sendable {
    /// Phrases (lowercase, split as the tokenizer splits them, joined by one space) → BCP 47 code.
    public let codes: [String: String]

    /// Parses `phrase<TAB>code`.
    /// - Throws: ``LexiconError`` naming `file:line:field` for a malformed code or a phrase listed twice.
    public init(_ text: String, file: String = "notes/language-periphrases.tsv") throws(LexiconError) {
        var codes: [String: String] = [:]
        for row in try LexiconTable.rows(text, file: file, columns: 2) {
            guard RegistryFile.isLanguageCode(row.fields[1]) else {
                throw row.error("expected a BCP 47 language code (two or three lowercase letters), found \"\(row.fields[1])\"", field: 1)
            }
            let phrase = PhraseTable<Int>.split(row.fields[0]).joined(separator: " ")
            guard codes.updateValue(row.fields[1], forKey: phrase) == nil else { throw row.error("\"\(row.fields[0])\" is listed twice", field: 0) }
        }
        self.codes = codes
    }

    /// The table shipped with the library, read once per process.
    public static func bundled() throws(LexiconError) -> LanguagePeriphrases { try cached.get() }

    private static let cached = Result { () throws(LexiconError) -> LanguagePeriphrases in
        let (text, file) = try NotesResource.text("language-periphrases", folder: "notes")
        return try LanguagePeriphrases(text, file: file)
    }
}
