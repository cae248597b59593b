/// Runs the ordered rules over every quote of a document, in text order,
/// so that continuity sees earlier decisions. The first rule that proposes
/// decides; the confidence comes from ``Calibration``. Titles and names in
/// marks (`nonspeech`) are never attributed.
public struct AttributionEngine: Sendable {
    public let rules: [any AttributionRule]
    public let calibration: Calibration

    public init(rules: [any AttributionRule] = StandardRules.all, calibration: Calibration = Calibration()) {
        self.rules = rules
        self.calibration = calibration
    }

    /// One decision per quote of the context (nil: no plausible speaker).
    public func attribute(_ context: AttributionContext) -> [Candidate?] {
        context.log.decisions.reserveCapacity(context.quotes.count)
        for quote in context.quotes.indices {
            guard context.quotes[quote].kind != .nonspeech else { context.record(nil); continue }
            var decision: Candidate? = nil
            for rule in rules {
                if let candidate = rule.propose(for: quote, in: context) { decision = candidate; break }
            }
            context.record(decision)
        }
        return context.previous
    }

    /// The attribution for a decision, with its calibrated confidence.
    public func attribution(_ decision: Candidate?, _ context: AttributionContext) -> Attribution {
        guard let decision else { return .none }
        let entity = context.entities.entities[decision.entity]
        return Attribution(speaker: entity.speaker, rule: decision.rule,
                           cue: decision.cue.map { context.cues[$0].range },
                           mention: decision.mention.map { context.mentions[$0].range },
                           confidence: calibration.confidence(for: decision.rule))
    }
}
