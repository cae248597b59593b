/// A rule proposes speakers for one quote (none, one or several) from an immutable context; the
/// engine decides. Rules are small values kept in one ordered list,
/// ``StandardRules/all``, most specific first.
public protocol AttributionRule: Sendable {
    var id: RuleID { get }
    func propose(for quote: Int, in context: AttributionContext) -> [Candidate]
}

/// A proposal: who, from which mention, through which cue.
public struct Candidate: Sendable {
    public var rule: RuleID
    /// The entity that spoke (see ``EntityTable``).
    public var entity: Int
    /// The mention that carries the attribution (index into the context's mentions).
    public var mention: Int?
    /// The cue (index into the context's cues).
    public var cue: Int?
    /// The features the engine computed (``SpeakerFeatures/names`` order), and the model's score.
    public var features: [Double] = []
    public var score: Double? = nil

    public init(rule: RuleID, entity: Int, mention: Int?, cue: Int?) {
        self.rule = rule
        self.entity = entity
        self.mention = mention
        self.cue = cue
    }
}
