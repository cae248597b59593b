/// `X a déclaré : «…»` or `Le ministre : «…»`: a colon before the opening
/// mark, after a cue (its subject speaks) or a mention.
struct ColonRule: AppendingRule {
    let id: RuleID = "colon"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        let start = context.contentStart(quote)
        let keys = context.document.contentKeys
        guard context.quotes[quote].open != nil, start >= 2, keys[start - 1].equalsASCII(":") else { return nil }
        // A cue that ends right before the colon (allowing a short complement: "a déclaré à la presse :").
        for index in context.cues(inSentence: context.sentence(ofContent: start - 1)).reversed() {
            let cue = context.cues[index]
            guard cue.isVerb, !cue.insideQuote, cue.content.upperBound <= start - 1 else { continue }
            guard start - 1 - cue.content.upperBound <= 5 else { break }
            if let k = context.subject(of: index), let e = context.entity(ofMention: k) {
                return Candidate(rule: id, entity: e, mention: k, cue: index)
            }
            break
        }
        if let k = context.mention(endingAt: start - 2), !context.mentions[k].insideQuote, !context.isGoverned(k),
           let e = context.entity(ofMention: k) {
            return Candidate(rule: context.opensSentence(k) ? "headline" : id, entity: e, mention: k, cue: nil)
        }
        // A title or paragraph opening "Nom, sur le sujet : «…»", "Nom en visite à Paris : «…»":
        // the mention that opens the clause, with no verb before the colon.
        let clause = context.sentence(ofContent: start - 1)
        if context.cues(inSentence: clause).allSatisfy({ context.cues[$0].content.lowerBound >= start }),
           let k = context.mentions(inSentence: clause).first, context.opensSentence(k), context.mentions[k].content.upperBound < start - 1,
           !context.mentions[k].insideQuote, context.mentions[k].kind == .name || context.mentions[k].kind == .organisation,
           let e = context.entity(ofMention: k) {
            return Candidate(rule: "headline", entity: e, mention: k, cue: nil)
        }
        // Any clause before the colon: its subject ("il a cité un proverbe :").
        let sentence = context.sentence(ofContent: start - 1)
        for k in context.mentions(inSentence: sentence).reversed() where context.mentions[k].content.upperBound <= start - 1 {
            let mention = context.mentions[k]
            if !mention.insideQuote, context.isSubject(k), let e = context.entity(ofMention: k) {
                return Candidate(rule: "colon-clause", entity: e, mention: k, cue: nil)
            }
        }
        return nil
    }
}
