/// A speech cue: a reporting verb group (`a-t-il ajouté`, `a déclaré`,
/// `y a vu`, `fait savoir`) or a reporting preposition (`selon`, `d'après`).
public struct Cue: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A verb group; `inverted` is the content index of an inverted subject pronoun (`-t-il`).
        case verb(lemma: Int, inverted: Int?, isNonFinite: Bool)
        /// `selon`, `d'après`, `pour`, `aux yeux de`.
        case preposition
    }

    public var form: Form
    public var strength: CueStrength
    /// Content-token indices of the cue, end exclusive.
    public var content: Range<Int>
    /// Working scalar range.
    public var range: Range<Int>
    /// Inside the words of a quote in marks.
    public var insideQuote: Bool
    /// The verb is in the speech-verb lexicon (false for a verb found by
    /// syntax alone, such as an unknown verb in an incise: `tempête-t-il`).
    public var isKnownVerb: Bool = true

    public var invertedPronoun: Int? {
        if case .verb(_, let inverted, _) = form { return inverted }
        return nil
    }

    public var isVerb: Bool {
        if case .verb = form { return true }
        return false
    }
}
