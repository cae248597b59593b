/// A speech cue: a reporting verb group (`a-t-il ajouté`, `a déclaré`,
/// `y a vu`, `fait savoir`) or a reporting preposition (`selon`, `d'après`).
public struct Cue: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// A verb group; `inverted` is the content index of an inverted subject pronoun (`-t-il`).
        case verb(lemma: Int, inverted: Int?, isNonFinite: Bool)
        /// `selon`, `d'après`, `pour`, `aux yeux de`.
        case preposition
    }

    private var contentBounds: (Int32, Int32)
    private var rangeBounds: (Int32, Int32)
    public var form: Form
    public var strength: CueStrength
    /// Inside the words of a quote in marks.
    public var insideQuote: Bool
    /// The verb is in the speech-verb lexicon (false for a verb found by
    /// syntax alone, such as an unknown verb in an incise: `tempête-t-il`).
    public var isKnownVerb: Bool

    /// Content-token indices of the cue, end exclusive.
    ///
    /// Both ranges are kept as 32-bit bounds, ahead of the form, so that a
    /// cue takes 48 bytes instead of 72; they read and write as `Range<Int>`.
    public var content: Range<Int> {
        get { Int(contentBounds.0)..<Int(contentBounds.1) }
        set { contentBounds = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }

    /// Working scalar range.
    public var range: Range<Int> {
        get { Int(rangeBounds.0)..<Int(rangeBounds.1) }
        set { rangeBounds = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }

    public init(form: Form, strength: CueStrength, content: Range<Int>, range: Range<Int>, insideQuote: Bool, isKnownVerb: Bool = true) {
        contentBounds = (Int32(content.lowerBound), Int32(content.upperBound))
        rangeBounds = (Int32(range.lowerBound), Int32(range.upperBound))
        self.form = form
        self.strength = strength
        self.insideQuote = insideQuote
        self.isKnownVerb = isKnownVerb
    }

    public static func == (a: Cue, b: Cue) -> Bool {
        a.contentBounds == b.contentBounds && a.rangeBounds == b.rangeBounds && a.form == b.form && a.strength == b.strength
            && a.insideQuote == b.insideQuote && a.isKnownVerb == b.isKnownVerb
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
