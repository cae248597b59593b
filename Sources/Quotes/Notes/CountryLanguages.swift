/// Which language a public figure of a country most likely speaks in public
/// (`Resources/notes/country-languages.tsv`): the translation note's weakest
/// fact, guessed from the speaker's role or nationality (`le président
/// polonais`, `le porte-parole du Kremlin`, `Varsovie`) when neither a cue
/// nor the registry says it.
///
/// ```swift
/// let table = try CountryLanguages.bundled()
/// table.language(iso: "PL")   // "pl"
/// table.language(iso: "BE")   // nil: several languages share public life
/// table.language(iso: "SN")   // nil: French is a language of public life there
/// ```
/// A country gets a language only when one clearly dominates its public
/// life and it is not French: a guess for Belgium, Switzerland, Canada,
/// India or a francophone country could be wrong, or could turn a
/// verbatim quote into a "translation".
public struct CountryLanguages: Sendable {
    /// What the table decided for a country.
    public enum Decision: Sendable, Equatable {
        /// One clearly dominant language of public life.
        case one(String)
        /// French is a language of public life there: never guess.
        case francophone
        /// No single dominant language: never guess.
        case several
    }

    /// Decisions by ISO 3166 alpha-2 code.
    public let decisions: [String: Decision]

    /// Parses `iso<TAB>decision<TAB>language<TAB>why`.
    /// - Throws: ``LexiconError`` naming `file:line:field` for a malformed
    ///   code, an unknown decision, a language where none belongs (or none
    ///   where one does), or a country listed twice.
    public init(_ text: String, file: String = "notes/country-languages.tsv") throws(LexiconError) {
        var decisions: [String: Decision] = [:]
        for row in try LexiconTable.rows(text, file: file, columns: 4) {
            let iso = row.fields[0]
            guard RegistryFile.isCountryCode(iso) else { throw row.error("expected an ISO 3166 alpha-2 code, found \"\(iso)\"", field: 0) }
            let decision: Decision
            switch try row.choice(1, ["one", "francophone", "several"]) {
            case "one":
                let language = row.field(2)
                guard RegistryFile.isLanguageCode(language) else {
                    throw row.error("a country with one language names it (two or three lowercase letters), found \"\(row.fields[2])\"", field: 2)
                }
                guard language != "fr" else { throw row.error("a French-speaking country is francophone, not one", field: 2) }
                decision = .one(language)
            case "francophone":
                guard row.field(2).isEmpty else { throw row.error("a francophone country gives no language; write -", field: 2) }
                decision = .francophone
            default:
                guard row.field(2).isEmpty else { throw row.error("a country with several languages gives none; write -", field: 2) }
                guard !row.field(3).isEmpty else { throw row.error("say which languages share public life", field: 3) }
                decision = .several
            }
            guard decisions.updateValue(decision, forKey: iso) == nil else { throw row.error("\(iso) is listed twice", field: 0) }
        }
        self.decisions = decisions
    }

    /// The table shipped with the library, read once per process.
    public static func bundled() throws(LexiconError) -> CountryLanguages { try cached.get() }

    private static let cached = Result { () throws(LexiconError) -> CountryLanguages in
        let (text, file) = try NotesResource.text("country-languages", folder: "notes")
        return try CountryLanguages(text, file: file)
    }

    /// The language to guess for a speaker of country `iso`, if any.
    public func language(iso: String) -> String? {
        if case .one(let language)? = decisions[iso] { return language }
        return nil
    }
}
