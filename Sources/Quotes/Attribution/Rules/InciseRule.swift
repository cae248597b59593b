/// `«…», a-t-il dit` / `«…», a dit M. Lavrov` / `«…» a affirmé hier le
/// ministre`: a verb cue right after the closing mark (past a comma, `!`,
/// `?` or a dash); the speaker is its inverted pronoun or the mention after it.
struct InciseRule: AppendingRule {
    let id: RuleID = "incise"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        // An inverted pronoun may refer to someone else than its first resolution.
        if let found = best(for: quote, in: context) { context.appendWithAlternatives(found, to: &candidates) }
    }

    /// `shared`: how many quotes of the clause this one already stands for (at most three, so that
    /// a run of quotes with no incise costs the same whatever its length).
    private func best(for quote: Int, in context: AttributionContext, shared: Int = 0) -> Candidate? {
        guard context.quotes[quote].close != nil || context.quotes[quote].open != nil else { return nil }
        let keys = context.document.contentKeys
        var c = context.contentAfter(quote)
        var skipped = 0
        while c < keys.count, skipped < 2, KeyList.marksAfterQuote.contains(keys[c]) { c += 1; skipped += 1 }
        // Not inverted: "«…», il insiste.", "«…», Sánchez précise." — after a comma, and the
        // verb ends the sentence (else it is a new clause: "«…», il a ensuite annoncé que …").
        if c > 0, keys[c - 1].equalsASCII(","), context.cue(startingAt: c) == nil, let k = context.mention(startingAt: c), !context.mentions[k].insideQuote,
           context.mentions[k].kind == .pronoun || context.mentions[k].kind == .name,
           let verb = context.cue(startingAt: context.mentions[k].content.upperBound), context.cues[verb].isVerb,
           context.cues[verb].invertedPronoun == nil, endsClause(after: context.cues[verb].content.upperBound, context),
           let e = context.entity(ofMention: k) {
            return Candidate(rule: "incise-uninverted", entity: e, mention: k, cue: verb)
        }
        var late = false
        var found = context.cue(startingAt: c)
        if found == nil {
            // A late incise: «…» de sanctionner la Turquie, a relevé M. Cavusoglu.
            found = lateIncise(after: c, quote: quote, context)
            late = found != nil
        }
        if found == nil, shared < 3, let next = nextQuoteSharingIncise(after: quote, from: c, context) {
            // "Ce «A» est «B», ajoute X.": one incise for every quote of the narrator's clause.
            return best(for: next, in: context, shared: shared + 1)
        }
        guard let cueIndex = found, context.cues[cueIndex].isVerb, !context.cues[cueIndex].insideQuote else { return nil }
        // A participle after the quote ("…», regrettant un deuxième acte") is no incise: its subject is the clause's.
        if case .verb(_, _, true) = context.cues[cueIndex].form { return nil }
        // The inverted pronoun, else the mention after the verb.
        if let inverted = context.cues[cueIndex].invertedPronoun, let k = context.mention(startingAt: inverted),
           let e = context.entity(ofMention: k) {
            return Candidate(rule: late ? "incise-late" : "incise-pronoun", entity: e, mention: k, cue: cueIndex)
        }
        if let k = context.mention(after: cueIndex), let e = context.entity(ofMention: k) {
            return Candidate(rule: late ? "incise-late" : "incise-name", entity: e, mention: k, cue: cueIndex)
        }
        return nil
    }

    /// The next quote in marks of the same sentence, a few words on, with no
    /// verb cue, sentence end or other mark between: its incise covers both.
    private func nextQuoteSharingIncise(after quote: Int, from c: Int, _ context: AttributionContext) -> Int? {
        let keys = context.document.contentKeys
        guard c < keys.count else { return nil }
        let sentence = context.sentence(ofContent: max(c - 1, 0))
        // Quotes are in text order: the next quote in marks is among the next few (an indirect one may stand between).
        guard let next = ((quote + 1)..<min(quote + 4, context.quotes.count)).first(where: {
            context.quotes[$0].open != nil && context.contentStart($0) >= c
        }), context.sentence(ofContent: context.contentStart(next)) == sentence else { return nil }
        let start = context.contentStart(next)
        guard start - c <= 8, context.quotes[next].kind != .nonspeech else { return nil }
        for j in c..<start {
            if KeyList.clauseBreaks.contains(keys[j]) || context.document.tokens.kind(context.document.content[j]) == .quoteMark { return nil }
            if let cue = context.cue(startingAt: j), context.cues[cue].isVerb || context.cues[cue].form == .preposition { return nil }
        }
        return next
    }

    /// Whether the clause ends at content index j, past a few adverbs: a period, `!`, `?`, `;`, a comma, a quote mark or the paragraph's end.
    private func endsClause(after j: Int, _ context: AttributionContext) -> Bool {
        let keys = context.document.contentKeys
        var k = j
        while k < keys.count, k - j < 3, context.isFunction(k, .adverb) { k += 1 }
        guard k < keys.count else { return true }
        return KeyList.phraseEnds.contains(keys[k]) || context.document.tokens.kind(context.document.content[k]) == .quoteMark
            || context.sentence(ofContent: k) != context.sentence(ofContent: j - 1)
    }

    /// A cue after a comma later in the quote's sentence, with no other
    /// quote mark or verb cue before it: the narrator's clause ends in an incise.
    private func lateIncise(after c: Int, quote: Int, _ context: AttributionContext) -> Int? {
        let keys = context.document.contentKeys
        let sentence = context.sentence(ofContent: max(c - 1, 0))
        var j = c
        while j < keys.count, j - c < 12, context.sentence(ofContent: j) == sentence {
            if context.document.tokens.kind(context.document.content[j]) == .quoteMark { return nil }
            if let cue = context.cue(startingAt: j) {
                guard j > c, keys[j - 1].equalsASCII(","), context.cues[cue].isVerb else { return nil }
                // The incise ends the sentence.
                let end = context.cues[cue].content.upperBound
                var k = end
                if let mention = context.mention(after: cue) { k = context.mentions[mention].content.upperBound }
                while k < keys.count, keys[k].equalsASCII(",") || context.mention(startingAt: k) != nil {
                    if let m = context.mention(startingAt: k) { k = context.mentions[m].content.upperBound } else { k += 1 }
                }
                guard k >= keys.count || KeyList.sentenceEnds.contains(keys[k]) || context.sentence(ofContent: k) != sentence else { return nil }
                return cue
            }
            j += 1
        }
        return nil
    }
}

/// `«Nous irons, a-t-il dit, jusqu'au bout»`: an incise inside the marks,
/// between commas.
struct InnerInciseRule: AppendingRule {
    let id: RuleID = "incise-inside"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        let span = context.quotes[quote]
        guard span.open != nil else { return nil }
        let keys = context.document.contentKeys
        let first = context.document.sentenceIndex(at: span.content.lowerBound)
        let last = context.document.sentenceIndex(at: max(span.content.upperBound - 1, span.content.lowerBound))
        // The cues of each sentence the quote spans, read in their buckets (not gathered into an array).
        for sentence in first...max(first, last) {
            for index in context.cues(inSentence: sentence) {
                let cue = context.cues[index]
                guard cue.isVerb, span.content.contains(cue.range.lowerBound) else { continue }
                guard cue.content.lowerBound > 0, keys[cue.content.lowerBound - 1].equalsASCII(",") else { continue }
                if let inverted = cue.invertedPronoun, cue.content.upperBound < keys.count, KeyList.commaOrPeriod.contains(keys[cue.content.upperBound]),
                   let k = context.mention(startingAt: inverted), let e = context.resolvePronoun(k) {
                    return Candidate(rule: id, entity: e, mention: k, cue: index)
                }
                // "«A, raconte la directrice. B»": the speaker named after the verb, then a comma or a period.
                if cue.invertedPronoun == nil, let k = context.mention(after: index), endsIncise(after: context.mentions[k].content.upperBound, context),
                   let e = context.entities.entityOf[k] {
                    return Candidate(rule: id, entity: e, mention: k, cue: index)
                }
            }
        }
        return nil
    }
}

/// Whether an incise inside the marks ends soon after content index j: a comma or a
/// period within a short complement ("ont affirmé les délégués dans une déclaration.").
private func endsIncise(after j: Int, _ context: AttributionContext) -> Bool {
    let keys = context.document.contentKeys
    var k = j
    while k < keys.count, k - j <= 10 {
        if KeyList.commaOrPeriod.contains(keys[k]) { return true }
        if context.document.tokens.kind(context.document.content[k]) == .quoteMark || context.cue(startingAt: k) != nil { return false }
        k += 1
    }
    return false
}
