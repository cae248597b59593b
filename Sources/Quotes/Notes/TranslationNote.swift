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
