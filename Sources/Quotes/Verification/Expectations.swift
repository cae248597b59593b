/// What a user expects of the engine's output, for `quotectl verify`:
/// per document, expected quotes (matched by a snippet of their words or by
/// offsets) with their speaker and optionally kind, minimum confidence and
/// translation facts; and policies that apply to every quote.
///
/// ```yaml
/// policies:
///   require_speaker: true
///   min_confidence: 0.5
/// documents:
///   - path: Corpus/articles/sotchi-2020-12.txt
///     quotes:
///       - text: "Nous avons confirmé"
///         speaker: Sergueï Lavrov
///         kind: direct
/// ```
public struct Expectations: Sendable, Equatable {
    /// Where a value was written, for messages: line and column in the file.
    public struct Place: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var description: String { "\(line):\(column)" }
    }

    public struct Policies: Sendable, Equatable {
        /// Every direct quote has a speaker.
        public var requireSpeaker = false
        /// Every attributed quote has at least this confidence.
        public var minConfidence: Double? = nil
        /// No quote beyond the listed ones (nonspeech titles aside).
        public var forbidUnexpected = false
        /// A quote in marks that is not verbatim (its speaker used another language than the one
        /// printed) says so in the article: a translation cue, not only the registry's knowledge.
        public var requireTranslationNote = false

        public init() {}

        public var isEmpty: Bool { !requireSpeaker && minConfidence == nil && !forbidUnexpected && !requireTranslationNote }
    }

    public struct Translation: Sendable, Equatable {
        public var original: String?
        public var via: [String]?
        public var verbatim: Bool?
    }

    public struct Quote: Sendable, Equatable {
        /// A piece of the quote's words (the quote contains it).
        public var text: String?
        public var start: Int?
        public var end: Int?
        /// The expected speaker, or nil for "no speaker" when `speakerGiven`.
        public var speaker: String?
        public var speakerGiven: Bool
        public var kind: QuoteKind?
        public var minConfidence: Double?
        public var translation: Translation?
        public var place: Place
    }

    public struct Document: Sendable, Equatable {
        public var path: String
        public var quotes: [Quote]
        /// Policies for this document only, over the file's.
        public var policies: Policies?
        public var place: Place
    }

    public var policies: Policies
    public var documents: [Document]

    public init(policies: Policies = Policies(), documents: [Document] = []) {
        self.policies = policies
        self.documents = documents
    }
}

extension Expectations {
    /// The expectations for `paths` only: a listed document with the same path
    /// (or one ending the other, `./articles/a.txt` for `articles/a.txt`, or else
    /// the same file name) keeps its expectations; an unlisted one gets policies only.
    /// Listed documents that no path names come back in `unmatched`, so that a
    /// mistyped path fails the run instead of checking nothing.
    public func selecting(paths: [String]) -> (expectations: Expectations, unmatched: [Document]) {
        guard !paths.isEmpty else { return (self, []) }
        func name(_ path: String) -> Substring { path.split(separator: "/").last ?? Substring(path) }
        var copy = self
        var used = Set<Int>()
        copy.documents = paths.map { path in
            let open = documents.indices.filter { !used.contains($0) }
            func ends(_ a: String, _ b: String) -> Bool { a.hasSuffix("/" + b) || b.hasSuffix("/" + a) }
            if let index = open.first(where: { documents[$0].path == path }) ?? open.first(where: { ends(documents[$0].path, path) })
                ?? open.first(where: { name(documents[$0].path) == name(path) }) {
                used.insert(index)
                var document = documents[index]
                document.path = path
                return document
            }
            return Document(path: path, quotes: [], policies: nil, place: Place(line: 0, column: 0))
        }
        return (copy, documents.indices.filter { !used.contains($0) }.map { documents[$0] })
    }

    /// A policy given on the command line: `require_speaker`, `forbid_unexpected`,
    /// `require_translation_note` or `min_confidence=X`; it applies to every document.
    public mutating func apply(policy: String) throws(ExpectationsError) {
        let parts = policy.split(separator: "=", maxSplits: 1).map(String.init)
        func set(_ change: (inout Policies) -> Void) {
            change(&policies)
            for index in documents.indices where documents[index].policies != nil { change(&documents[index].policies!) }
        }
        switch parts[0] {
        case "require_speaker": set { $0.requireSpeaker = true }
        case "forbid_unexpected": set { $0.forbidUnexpected = true }
        case "require_translation_note": set { $0.requireTranslationNote = true }
        case "min_confidence":
            guard parts.count == 2, let value = Double(parts[1]), value >= 0, value <= 1 else {
                throw ExpectationsError(file: "--policy", line: 0, column: 0, message: "min_confidence=X needs a number from 0 to 1")
            }
            set { $0.minConfidence = value }
        default:
            throw ExpectationsError(file: "--policy", line: 0, column: 0,
                                    message: "unknown policy \"\(policy)\" (require_speaker, forbid_unexpected, require_translation_note, min_confidence=X)")
        }
    }
}
