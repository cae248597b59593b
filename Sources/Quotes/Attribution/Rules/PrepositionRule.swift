/// `Selon X, «…»`, `«…», selon X`, `d'après X`, `pour X, «…»`: a reporting
/// preposition in the quote's sentence, followed by the speaker.
struct PrepositionRule: AppendingRule {
    let id: RuleID = "selon"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        if context.quotes[quote].kind == .indirect {
            guard let c = context.quoteCue[quote] else { return nil }
            if !context.cues[c].isVerb { return candidate(c, context) }
            // "De source judiciaire, on indique que …": a verb with no speaker of its own, after a source.
            guard context.subject(of: c) == nil else { return nil }
            for p in context.cues(inSentence: context.sentence(ofContent: context.cues[c].content.lowerBound))
            where !context.cues[p].isVerb && context.cues[p].content.upperBound <= context.cues[c].content.lowerBound {
                if let found = candidate(p, context) { return found }
            }
            return nil
        }
        let first = context.sentence(ofContent: context.contentStart(quote))
        let last = context.sentence(ofContent: max(context.contentAfter(quote) - 1, 0))
        // The cues of each sentence the quote spans, read in their buckets (not gathered into an array).
        for sentence in first...max(first, last) {
            for index in context.cues(inSentence: sentence) {
                let cue = context.cues[index]
                guard !cue.isVerb, !cue.insideQuote else { continue }
                // The cue must stand outside this quote's words.
                if context.quotes[quote].content.contains(cue.range.lowerBound) { continue }
                // "Selon l'agence Tass, M. Peskov a déclaré : «…»": the source relays a speaker with a verb of their own.
                if relays(index, before: context.contentStart(quote), context) { continue }
                if let candidate = candidate(index, context) { return candidate }
            }
        }
        return nil
    }

    /// Whether a verb cue with a subject of its own stands between the preposition and the quote.
    private func relays(_ index: Int, before start: Int, _ context: AttributionContext) -> Bool {
        let cue = context.cues[index]
        return context.cues(inSentence: context.sentence(ofContent: cue.content.lowerBound)).contains { c in
            let verb = context.cues[c]
            return verb.isVerb && !verb.insideQuote && verb.content.lowerBound > cue.content.upperBound && verb.content.upperBound <= start
                && context.subject(of: c).map { context.mentions[$0].content.lowerBound > cue.content.upperBound } == true
        }
    }

    /// The speaker named by the cue: a pronoun inside it (`selon lui`), or
    /// the mention after it, past an article (`pour la Dr Ouédraogo`).
    private func candidate(_ index: Int, _ context: AttributionContext) -> Candidate? {
        let cue = context.cues[index]
        let keys = context.document.contentKeys
        // "la déclaration de X selon laquelle «…»", "ses propos selon lesquels …": the words are those of
        // the person named just before, in the noun phrase the relative pronoun stands for.
        if cue.content.upperBound < keys.count, KeyList.relativeLequel.contains(keys[cue.content.upperBound]) {
            let sentence = context.sentence(ofContent: cue.content.lowerBound)
            let before = context.mentions(inSentence: sentence).filter {
                context.mentions[$0].content.upperBound <= cue.content.lowerBound && !context.mentions[$0].insideQuote
                    && [.name, .role, .unnamed].contains(context.mentions[$0].kind)
            }
            guard let k = before.last, let e = context.entity(ofMention: k) else { return nil }
            return Candidate(rule: id, entity: e, mention: k, cue: index)
        }
        var positions = Array((cue.content.lowerBound + 1)..<cue.content.upperBound)
        var j = cue.content.upperBound
        positions.append(j)
        while j < keys.count, context.isFunction(j, .determiner), j - cue.content.upperBound < 2 {
            j += 1
            positions.append(j)
        }
        for position in positions {
            if let k = context.mention(startingAt: position), let e = context.entity(ofMention: k) {
                if let earlier = sameSource(k, e, context) { return Candidate(rule: id, entity: earlier, mention: k, cue: index) }
                return Candidate(rule: id, entity: e, mention: k, cue: index)
            }
        }
        return nil
    }

    /// `selon la même source` with no source named before: the speaker of
    /// the attribution just before (`a expliqué une porte-parole de la
    /// préfecture … Deux routes restent fermées, selon la même source`).
    private func sameSource(_ k: Int, _ e: Int, _ context: AttributionContext) -> Int? {
        let mention = context.mentions[k]
        guard mention.roles.first == "source", context.entities.entities[e].mentions == [k],
              context.document.contentKeys[mention.content].contains("même"),
              let index = context.log.lastDecided(before: context.log.decisions.count),
              let last = context.log.decisions[index], last.entity != e else { return nil }
        return last.entity
    }
}
