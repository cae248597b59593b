/// `Selon X, «…»`, `«…», selon X`, `d'après X`, `pour X, «…»`: a reporting
/// preposition in the quote's sentence, followed by the speaker.
struct PrepositionRule: AttributionRule {
    let id: RuleID = "selon"

    func propose(for quote: Int, in context: AttributionContext) -> [Candidate] {
        best(for: quote, in: context).map { [$0] } ?? []
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        if context.quotes[quote].kind == .indirect {
            guard let c = context.quoteCue[quote], !context.cues[c].isVerb else { return nil }
            return candidate(c, context)
        }
        let first = context.sentence(ofContent: context.contentStart(quote))
        let last = context.sentence(ofContent: max(context.contentAfter(quote) - 1, 0))
        for index in (first...max(first, last)).flatMap({ context.cues(inSentence: $0) }) {
            let cue = context.cues[index]
            guard !cue.isVerb, !cue.insideQuote else { continue }
            // The cue must stand outside this quote's words.
            if context.quotes[quote].content.contains(cue.range.lowerBound) { continue }
            if let candidate = candidate(index, context) { return candidate }
        }
        return nil
    }

    /// The speaker named by the cue: a pronoun inside it (`selon lui`), or
    /// the mention after it, past an article (`pour la Dr Ouédraogo`).
    private func candidate(_ index: Int, _ context: AttributionContext) -> Candidate? {
        let cue = context.cues[index]
        let keys = context.document.contentKeys
        var positions = Array((cue.content.lowerBound + 1)..<cue.content.upperBound)
        var j = cue.content.upperBound
        positions.append(j)
        while j < keys.count, context.lexicon.isFunction(keys[j], .determiner), j - cue.content.upperBound < 2 {
            j += 1
            positions.append(j)
        }
        for position in positions {
            if let k = context.mention(startingAt: position), let e = context.entity(ofMention: k) {
                return Candidate(rule: id, entity: e, mention: k, cue: index)
            }
        }
        return nil
    }
}
