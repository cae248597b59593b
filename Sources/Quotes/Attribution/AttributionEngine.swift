/// Runs the rules over every quote of a document, in text order, so that
/// continuity sees earlier decisions. Every rule proposes its candidates;
/// the engine computes each candidate's ``SpeakerFeatures`` and the
/// ``SpeakerModel`` scores them: the best-scoring speaker wins, reported through the most
/// specific rule that proposed them, and the best score's calibrated
/// probability is the confidence. In `firstMatch` mode (or with no model)
/// the first rule that proposes decides, as an ordered sieve, and the
/// confidence is its rule's share of right answers (``Calibration``).
/// Titles and names in marks (`nonspeech`) are never attributed.
public struct AttributionEngine: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case scored
        case firstMatch = "first-match"
    }

    public let rules: [any AttributionRule]
    public let calibration: Calibration
    public let model: SpeakerModel?
    public let mode: Mode
    /// Whether each candidate keeps its feature vector (``Candidate/features``),
    /// for `explain` and model fitting; without it the vectors are scored
    /// in one buffer per document and let go.
    public let keepsFeatures: Bool

    public init(rules: [any AttributionRule] = StandardRules.all, calibration: Calibration = Calibration(),
                model: SpeakerModel? = nil, mode: Mode = .scored, keepingFeatures: Bool = true) {
        self.rules = rules
        self.calibration = calibration
        self.model = model
        self.mode = mode
        keepsFeatures = keepingFeatures
    }

    /// One decision per quote of the context (nil: no plausible speaker);
    /// every quote's candidates stay in the context's log when the engine
    /// keeps features (``keepsFeatures``), and an empty list otherwise.
    public func attribute(_ context: AttributionContext) -> [Candidate?] {
        context.log.reserve(context.quotes.count)
        // Every quote's feature vectors, in one buffer reused from quote to quote.
        var rows: [Double] = []
        let width = SpeakerFeatures.names.count
        // Room for the handful most quotes get. Emptied for each quote, keeping its room: without
        // features kept no one reads the candidates afterwards, the log gets empty lists and this
        // one buffer serves every quote; with them, the log holds each quote's list and emptying
        // it starts a new one of the same room.
        var candidates: [Candidate] = []
        candidates.reserveCapacity(4)
        for quote in context.quotes.indices {
            guard context.quotes[quote].kind != .nonspeech else { context.record(nil, candidates: []); continue }
            candidates.removeAll(keepingCapacity: true)
            // Each rule called where it stands in the array (`for rule in rules` copies the
            // existential, retaining and releasing it, for every rule and every quote). It appends
            // its proposals; of those, each one whose speaker and rule id are not yet among the
            // candidates is kept, in order.
            for r in rules.indices {
                let start = candidates.count
                rules[r].propose(for: quote, in: context, into: &candidates)
                var kept = start
                for i in start..<candidates.count {
                    let (entity, rule) = (candidates[i].entity, candidates[i].rule)
                    if candidates[..<kept].contains(where: { $0.entity == entity && $0.rule == rule }) { continue }
                    if i != kept { candidates.swapAt(i, kept) }
                    kept += 1
                }
                candidates.removeSubrange(kept...)
            }
            guard !candidates.isEmpty else { context.record(nil, candidates: []); continue }
            let previous = context.log.lastDecided(before: quote).flatMap { context.previous[$0]?.entity }
            SpeakerFeatures.fill(&rows, for: candidates, quote: quote, previousSpeaker: previous, in: context)
            if keepsFeatures {
                for i in candidates.indices { candidates[i].features = Array(rows[i * width..<(i + 1) * width]) }
            }
            var winner = 0
            if mode == .scored, let model {
                rows.withUnsafeBufferPointer { rows in
                    for i in candidates.indices { candidates[i].score = model.score(UnsafeBufferPointer(rebasing: rows[i * width..<(i + 1) * width])) }
                }
                var best = 0
                for i in candidates.indices.dropFirst() where candidates[i].score! > candidates[best].score! { best = i }
                // The best-scoring speaker, reported through the most specific rule that proposed
                // them (its cue and mention are the evidence), with the best score.
                winner = candidates.firstIndex { $0.entity == candidates[best].entity }!
                var decision = candidates[winner]
                decision.score = candidates[best].score
                context.record(decision, candidates: keepsFeatures ? candidates : [])
                continue
            }
            context.record(candidates[winner], candidates: keepsFeatures ? candidates : [])
        }
        return context.previous
    }

    /// The attribution for a quote's decision, with its confidence and every candidate.
    public func attribution(_ decision: Candidate?, candidates: [Candidate] = [], _ context: AttributionContext) -> Attribution {
        guard let decision else { return .none }
        let confidence = decision.score.flatMap { s in model.map { $0.confidence(score: s) } } ?? calibration.confidence(for: decision.rule)
        var scored = candidates.map {
            ScoredCandidate(speaker: context.entities.entities[$0.entity].speaker, rule: $0.rule, features: $0.features, score: $0.score,
                            cue: $0.cue.map { context.cues[$0].range }, mention: $0.mention.map { context.mentions[$0].range })
        }
        // In place (`sorted` would copy the array it was just given, the same order).
        scored.sort { ($0.score ?? 0) > ($1.score ?? 0) }
        // The speaker read in place: a copy of the entity retains and releases each of its fields.
        return Attribution(speaker: context.entities.entities[decision.entity].speaker, rule: decision.rule,
                           cue: decision.cue.map { context.cues[$0].range },
                           mention: decision.mention.map { context.mentions[$0].range }, confidence: confidence,
                           relay: decision.cue.flatMap { context.relay(of: $0, speaker: decision.entity) }.map { context.mentions[$0].range },
                           candidates: scored)
    }
}
