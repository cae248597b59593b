/// How a quote's words reached the page: the language the speaker used, the
/// relay languages, the language printed, and whether it is verbatim.
public struct TranslationNote: Sendable, Equatable, Codable {
    /// Where `original` comes from, strongest first: the text states it
    /// (`cue`); the words are printed in it with no translation stated
    /// (`quote`); the registry lists it as the speaker's one public language
    /// (`registry`); it is guessed from the nationality or institution in the
    /// speaker's roles (`role`, ``CountryLanguages``).
    public enum Source: String, Sendable, Codable { case cue, quote, registry, role }

    /// Where the printed language comes from, for the note's sentence.
    enum PrintedSource: Hashable { case cue, identified, narrator }

    /// BCP 47 code of the language the speaker used, when known.
    public var original: String?
    public var originalSource: Source?
    /// Relay languages, in order (empty when the text states none).
    public var via: [String]
    /// The language of the quoted words as printed, or `unknown`.
    public var quotedIn: String
    /// True only when printed in the language the speaker used.
    public var verbatim: Bool?
    /// The cue phrase and its original offsets.
    public var evidence: Evidence?
    /// One readable sentence.
    public var note: String
    /// Native spelling and transliterations of a registry speaker's name.
    public var speakerNames: [String]

    public struct Evidence: Sendable, Equatable, Codable {
        public var text: String
        public var start: Int
        public var end: Int
    }

    public init(original: String?, originalSource: Source?, via: [String], quotedIn: String, verbatim: Bool?,
                evidence: Evidence?, note: String, speakerNames: [String]) {
        self.original = original
        self.originalSource = originalSource
        self.via = via
        self.quotedIn = quotedIn
        self.verbatim = verbatim
        self.evidence = evidence
        self.note = note
        self.speakerNames = speakerNames
    }
}

extension TranslationNote {
    /// One readable English sentence for a note, each fact with where it came
    /// from, language names from ICU:
    /// "Said in Turkish (text), relayed through a Russian translation (text), printed in French (identified): not verbatim."
    static func sentence(original: String?, source: Source? = nil, via: [String], printed: String?,
                         printedSource: PrintedSource = .identified, verbatim: Bool?,
                         translated: Bool, reported: Bool = false) -> String {
        func name(_ code: String) -> String { LocaleNames.language(code, in: "en") }
        func article(_ word: String) -> String { "AEIO".contains(word.prefix(1)) ? "an" : "a" }
        var parts: [String] = []
        if let original {
            switch source {
            case .role?: parts.append("Probably said in \(name(original)) (guessed from the speaker's role)")
            case .registry?: parts.append("Said in \(name(original)) (registry)")
            case .quote?: parts.append("Said in \(name(original)) (the words as printed)")
            case .cue?, nil: parts.append("Said in \(name(original)) (text)")
            }
        } else {
            parts.append("Spoken language not stated")
        }
        if !via.isEmpty {
            parts.append("relayed through " + via.map { "\(article(name($0))) \(name($0)) translation" }.joined(separator: " then ") + " (text)")
        } else if translated {
            parts.append("translated (text)")
        }
        if reported { parts.append("quoted by a news agency (text)") }
        if let printed {
            let from = switch printedSource {
            case .cue: "text"
            case .identified: "identified"
            case .narrator: "the narrator's words"
            }
            parts.append("printed in \(name(printed)) (\(from))")
        } else {
            parts.append("printed language unclear")
        }
        let verdict = switch verbatim {
        case true?: "verbatim"
        case false?: "not verbatim"
        case nil: "verbatim unknown"
        }
        return parts.joined(separator: ", ") + ": " + verdict + "."
    }
}
