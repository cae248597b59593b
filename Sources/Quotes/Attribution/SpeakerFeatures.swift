import Foundation

/// The named features the speaker model reads, in a fixed order.
///
/// `bias`, then features of the proposal (which rule, whether it was the
/// first rule to propose, how many rules agree or disagree), of the cue
/// (known verb, attitude), of the mention (kind, distance), and of the
/// entity (full name, registry, previous speaker, pronoun ambiguity).
/// The weights file names each feature, so the model can be read.
public enum SpeakerFeatures {
    /// Every rule id the standard rules can report, in a fixed order.
    public static let rules: [RuleID] = [
        "incise-pronoun", "incise-name", "incise-late", "incise-inside", "incise-uninverted", "headline", "colon",
        "colon-clause", "inverted-lede", "selon", "cue-before", "que-clause", "attitude", "next-sentence",
        "previous-sentence", "paragraph-subject", "continuity", "continuity-far", "article-speaker", "name-after-quote",
    ]
    static let mentionKinds: [MentionKind?] = [.name, .role, .pronoun, .organisation, .unnamed, nil]

    /// The named features before the rule and mention-kind indicators, by position in ``names``.
    enum Named: Int, CaseIterable {
        case bias, firstProposal, support, rivals, cueKnownVerb, cueUnknownVerb, cueAttitude, cuePreposition, noCue, mentionDistance, sentenceDistance, paragraphDistance, fullName, registry, weakEntity, previousSpeaker, pronounAmbiguity, entityMentions, organisationEntity, unnamedEntity, indirectQuote, mixedQuote, pronounAlternative

        var name: String {
            switch self {
            case .bias: "bias"
            case .firstProposal: "first-proposal"
            case .support: "support"
            case .rivals: "rivals"
            case .cueKnownVerb: "cue-known-verb"
            case .cueUnknownVerb: "cue-unknown-verb"
            case .cueAttitude: "cue-attitude"
            case .cuePreposition: "cue-preposition"
            case .noCue: "no-cue"
            case .mentionDistance: "mention-distance"
            case .sentenceDistance: "sentence-distance"
            case .paragraphDistance: "paragraph-distance"
            case .fullName: "full-name"
            case .registry: "registry"
            case .weakEntity: "weak-entity"
            case .previousSpeaker: "previous-speaker"
            case .pronounAmbiguity: "pronoun-ambiguity"
            case .entityMentions: "entity-mentions"
            case .organisationEntity: "organisation-entity"
            case .unnamedEntity: "unnamed-entity"
            case .indirectQuote: "indirect-quote"
            case .mixedQuote: "mixed-quote"
            case .pronounAlternative: "pronoun-alternative"
            }
        }
    }

    public static let names: [String] = {
        var names = Named.allCases.map(\.name)
        names += rules.map { "rule:" + $0.rawValue }
        names += mentionKinds.map { "mention:" + ($0?.rawValue ?? "none") }
        return names
    }()

    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    static let ruleBase = names.firstIndex(of: "rule:" + rules[0].rawValue)!
    static let mentionBase = names.firstIndex(of: "mention:name")!
    /// The rule ids' spellings, compared by bytes rather than hashed (``KeyList``).
    static let ruleList = KeyList(rules.map(\.rawValue))

    /// The other rules that propose `entity`, each counted once:
    /// the distinct rules among the candidates for that entity, less one.
    /// A quote has a handful of candidates, so they are compared in place
    /// rather than hashed into a set for every candidate.
    static func supporters(ofEntity entity: Int, among candidates: [Candidate]) -> Int {
        var count = -1
        for i in candidates.indices where candidates[i].entity == entity
            && !candidates[..<i].contains(where: { $0.entity == entity && $0.rule == candidates[i].rule }) {
            count += 1
        }
        return count
    }

    /// Whether a name has a space, read from its bytes in place.
    @inline(__always)
    static func hasSpace(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: " ")) } ?? name.utf8.contains(UInt8(ascii: " "))
    }

    /// The feature vector of each candidate of one quote, in the candidates'
    /// order, one after the other in `rows` (``names``.count values each),
    /// which is emptied first and keeps its room: the engine scores every
    /// quote's candidates in one buffer instead of an array per candidate.
    /// - Complexity: O(candidates²) for agreement; a quote has a handful.
    static func fill(_ rows: inout [Double], for candidates: [Candidate], quote: Int, previousSpeaker: Int?, in context: AttributionContext) {
        // The distinct entities proposed, counted in place (a quote has a handful of candidates).
        let distinct = candidates.indices.count { i in !candidates[..<i].contains { $0.entity == candidates[i].entity } }
        let document = context.document
        let entities = context.entities.entities
        let quoteSpan = context.quotes[quote]
        let quoteStart = context.contentStart(quote), quoteEnd = context.contentAfter(quote)
        let quoteSentence = context.sentence(ofContent: quoteStart)
        let quoteParagraph = document.paragraphIndex(at: quoteSpan.extent.lowerBound)
        let width = names.count
        rows.removeAll(keepingCapacity: true)
        rows.append(contentsOf: repeatElement(0, count: candidates.count * width))
        // Each candidate's fields read in place: a copy retains and releases its rule and features.
        for position in candidates.indices {
            let (candidateEntity, candidateCue, candidateMention) = (candidates[position].entity, candidates[position].cue, candidates[position].mention)
            let base = position * width
            func set(_ feature: Named, _ value: Double) { rows[base + feature.rawValue] = value }
            set(.bias, 1)
            // What the ordered sieve would have chosen: the first rule's first candidate.
            if position == 0 { set(.firstProposal, 1) }
            let supporters = Self.supporters(ofEntity: candidateEntity, among: candidates)
            set(.support, Double(min(supporters, 3)) / 3)
            set(.rivals, Double(min(distinct - 1, 3)) / 3)
            if let c = candidateCue {
                let cue = context.cues[c]
                if cue.isVerb { set(cue.isKnownVerb ? .cueKnownVerb : .cueUnknownVerb, 1) } else { set(.cuePreposition, 1) }
                if cue.strength == .attitude { set(.cueAttitude, 1) }
            } else {
                set(.noCue, 1)
            }
            if let k = candidateMention {
                // The fields read in place: a copy of the mention retains and releases its strings.
                let content = context.mentions[k].content, start = context.mentions[k].range.lowerBound
                let mentionKind = context.mentions[k].kind
                let gap = content.lowerBound >= quoteEnd ? content.lowerBound - quoteEnd
                    : max(0, quoteStart - content.upperBound)
                set(.mentionDistance, log(1 + Double(gap)) / 5)
                let sentenceGap = abs(context.sentence(ofContent: content.lowerBound) - quoteSentence)
                set(.sentenceDistance, Double(min(sentenceGap, 4)) / 4)
                let paragraphGap = abs(document.paragraphIndex(at: start) - quoteParagraph)
                set(.paragraphDistance, Double(min(paragraphGap, 4)) / 4)
                if mentionKind == .pronoun {
                    set(.pronounAmbiguity, Double(min(context.antecedentCount(k) - 1, 3)) / 3)
                    if context.entity(ofMention: k) != candidateEntity { set(.pronounAlternative, 1) }
                }
                rows[base + mentionBase + mentionKinds.firstIndex(of: mentionKind)!] = 1
            } else {
                rows[base + mentionBase + mentionKinds.count - 1] = 1
            }
            // Read in place: a copy of the entity would retain and release each of its fields.
            let e = candidateEntity
            let kind = entities[e].kind
            if kind == .person, Self.hasSpace(entities[e].display), entities[e].names.count > 0 { set(.fullName, 1) }
            // Matched, not compared with `nil`: `!=` went through `Equatable` and copied the entry.
            if case .some = entities[e].registry { set(.registry, 1) }
            if entities[e].isWeak { set(.weakEntity, 1) }
            if kind == .organisation { set(.organisationEntity, 1) }
            if kind == .unnamed { set(.unnamedEntity, 1) }
            if candidateEntity == previousSpeaker { set(.previousSpeaker, 1) }
            set(.entityMentions, log(Double(max(entities[e].mentions.count, 1))) / 3)
            if quoteSpan.kind == .indirect { set(.indirectQuote, 1) }
            if quoteSpan.kind == .mixed { set(.mixedQuote, 1) }
            if let r = ruleList.firstIndex(of: candidates[position].rule.rawValue) { rows[base + ruleBase + r] = 1 }
        }
    }
}
