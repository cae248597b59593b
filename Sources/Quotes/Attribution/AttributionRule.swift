/// A rule proposes speakers for one quote (none, one or several) from an immutable context; the
/// engine decides. Rules are small values kept in one ordered list,
/// ``StandardRules/all``, most specific first.
public protocol AttributionRule: Sendable {
    var id: RuleID { get }
    func propose(for quote: Int, in context: AttributionContext) -> [Candidate]
    /// Appends what ``propose(for:in:)`` answers to `candidates`, in its
    /// order. The engine calls this one, so that a rule with one proposal
    /// or none (most of them, for most quotes) makes no array of its own;
    /// by default it appends the array ``propose(for:in:)`` answers.
    func propose(for quote: Int, in context: AttributionContext, into candidates: inout [Candidate])
}

extension AttributionRule {
    public func propose(for quote: Int, in context: AttributionContext, into candidates: inout [Candidate]) {
        candidates.append(contentsOf: propose(for: quote, in: context))
    }
}

/// A rule that appends its proposals in place (the standard rules): both
/// ``AttributionRule`` methods are made from ``append(for:in:to:)``, the one
/// such a rule writes.
protocol AppendingRule: AttributionRule {
    /// Appends this rule's proposals for `quote` to `candidates`, in order.
    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate])
}

extension AppendingRule {
    func propose(for quote: Int, in context: AttributionContext, into candidates: inout [Candidate]) {
        append(for: quote, in: context, to: &candidates)
    }

    func propose(for quote: Int, in context: AttributionContext) -> [Candidate] {
        var found: [Candidate] = []
        append(for: quote, in: context, to: &found)
        return found
    }
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
