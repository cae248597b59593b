/// A speech cue: a reporting verb group (`a-t-il ajouté`, `a déclaré`,
/// `y a vu`, `fait savoir`) or a reporting preposition (`selon`, `d'après`).
public struct Cue: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A verb group; `inverted` is the content index of an inverted subject pronoun (`-t-il`).
        case verb(lemma: Int, inverted: Int?, isNonFinite: Bool)
        /// `selon`, `d'après`, `pour`, `aux yeux de`.
        case preposition
    }

    /// Content-token indices of the cue, end exclusive.
    ///
    /// Both ranges are kept as 32-bit bounds (``CompactRange``), ahead of
    /// the form, so that a cue takes 48 bytes instead of 72.
    @CompactRange public var content: Range<Int>
    /// Working scalar range.
    @CompactRange public var range: Range<Int>
    public var form: Form
    public var strength: CueStrength
    /// Inside the words of a quote in marks.
    public var insideQuote: Bool
    /// The verb is in the speech-verb lexicon (false for a verb found by
    /// syntax alone, such as an unknown verb in an incise: `tempête-t-il`).
    public var isKnownVerb: Bool

    public init(form: Form, strength: CueStrength, content: Range<Int>, range: Range<Int>, insideQuote: Bool, isKnownVerb: Bool = true) {
        self.content = content
        self.range = range
        self.form = form
        self.strength = strength
        self.insideQuote = insideQuote
        self.isKnownVerb = isKnownVerb
    }

    public var invertedPronoun: Int? {
        if case .verb(_, let inverted, _) = form { return inverted }
        return nil
    }

    public var isVerb: Bool {
        if case .verb = form { return true }
        return false
    }
}
