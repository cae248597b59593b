/// How a quote's words reached the page: the language the speaker used, the
/// relay languages, the language printed, and whether it is verbatim.
public struct TranslationNote: Sendable, Equatable, Codable {
    /// Where `original` comes from.
    public enum Source: String, Sendable, Codable { case cue, registry }

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
    /// One readable English sentence for a note, language names from ICU:
    /// "Said in Turkish, relayed through a Russian translation, printed in French: not verbatim."
    static func sentence(original: String?, via: [String], printed: String?, verbatim: Bool?,
                         translated: Bool, reported: Bool = false) -> String {
        func name(_ code: String) -> String { LocaleNames.language(code, in: "en") }
        func article(_ word: String) -> String { "AEIO".contains(word.prefix(1)) ? "an" : "a" }
        var parts: [String] = []
        parts.append(original.map { "Said in \(name($0))" } ?? "Spoken language not stated")
        if !via.isEmpty {
            parts.append("relayed through " + via.map { "\(article(name($0))) \(name($0)) translation" }.joined(separator: " then "))
        } else if translated {
            parts.append("translated")
        }
        if reported { parts.append("quoted by a news agency") }
        parts.append(printed.map { "printed in \(name($0))" } ?? "printed language unclear")
        let verdict = switch verbatim {
        case true?: "verbatim"
        case false?: "not verbatim"
        case nil: "verbatim unknown"
        }
        return parts.joined(separator: ", ") + ": " + verdict + "."
    }
}
