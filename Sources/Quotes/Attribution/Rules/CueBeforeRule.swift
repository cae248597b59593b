/// `X a déclaré que «…»`, `X a salué «un partenariat mûr»`, `X y a vu une
/// attaque contre la «souveraineté»`, and indirect speech `X a affirmé que …`:
/// the nearest verb cue before the quote in its sentence; its subject speaks.
/// Attitude cues (`a salué`, `y a vu`) are reported under their own rule id
/// so that their lower precision shows in evaluation and calibration.
struct CueBeforeRule: AppendingRule {
    let id: RuleID = "cue-before"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { context.appendWithAlternatives(found, to: &candidates) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        let cueIndex: Int
        if context.quotes[quote].kind == .indirect {
            guard let c = context.quoteCue[quote], context.cues[c].isVerb else { return nil }
            // The inverted lede has its cue after the clause.
            guard context.cues[c].range.upperBound <= context.quotes[quote].content.lowerBound else { return nil }
            cueIndex = c
        } else {
            let start = context.contentStart(quote)
            let sentence = context.sentence(ofContent: start)
            guard let c = context.cues(inSentence: sentence).last(where: {
                context.cues[$0].isVerb && !context.cues[$0].insideQuote && context.cues[$0].content.upperBound <= start
                    && !context.insideReportedClause(context.cues[$0].content.lowerBound, of: quote)
            }) else { return nil }
            // "a commenté la promesse de X selon laquelle «…»": the quote belongs to the relative clause, not to the verb.
            let keys = context.document.contentKeys
            if context.cues(inSentence: sentence).contains(where: { p in
                let cue = context.cues[p]
                return !cue.isVerb && cue.content.lowerBound >= context.cues[c].content.upperBound && cue.content.upperBound <= start
                    && cue.content.upperBound < keys.count && KeyList.relativeLequel.contains(keys[cue.content.upperBound])
            }) { return nil }
            cueIndex = c
        }
        // The verb's subject; past a long incidental clause ("Peskov, qui a réagi …, en Ukraine, a fait valoir que"),
        // the sentence's main subject when this is its first verb cue.
        let sentence = context.sentence(ofContent: context.cues[cueIndex].content.lowerBound)
        // Verbs of a relative clause ("Peskov, qui a réagi …, a fait valoir") do not count.
        let keys = context.document.contentKeys
        let firstVerb = context.cues(inSentence: sentence).first {
            context.cues[$0].isVerb && !context.cues[$0].insideQuote
                && !(context.cues[$0].content.lowerBound > 0 && keys[context.cues[$0].content.lowerBound - 1].equalsASCII("qui"))
        } == cueIndex
        // The subject of the reported clause itself ("ajoutant qu'un périmètre resterait en place")
        // is what was said about, not who said it (a pronoun there may stand for the speaker).
        let span = context.quotes[quote].content
        func outside(_ k: Int) -> Int? {
            context.mentions[k].range.lowerBound == span.lowerBound && context.mentions[k].kind != .pronoun ? nil : k
        }
        var subject = context.subject(of: cueIndex).flatMap(outside)
            ?? (firstVerb ? context.mainSubject(ofSentence: sentence, before: context.cues[cueIndex].content.lowerBound).flatMap(outside) : nil)
        // "…, a expliqué une porte-parole, ajoutant qu'…": a present participle takes the subject of the verb before it.
        let cueStart = context.cues[cueIndex].content.lowerBound
        if subject == nil, keys[context.cues[cueIndex].content.upperBound - 1].hasSuffix("ant"),
           let previous = context.cues(inSentence: sentence).last(where: {
               context.cues[$0].isVerb && !context.cues[$0].insideQuote && context.cues[$0].content.upperBound <= cueStart
           }) {
            // Its subject, or the one inverted after it ("a expliqué une porte-parole").
            subject = (context.subject(of: previous) ?? context.mention(after: previous)).flatMap(outside)
        }
        guard let k = subject, let e = context.entity(ofMention: k) else { return nil }
        let between = keys[context.cues[cueIndex].content.upperBound..<max(context.cues[cueIndex].content.upperBound, context.contentStart(quote))]
        let rule: RuleID
        if context.cues[cueIndex].strength == .attitude {
            rule = "attitude"
        } else if between.contains("que") || between.contains("qu'") || context.quotes[quote].kind == .indirect {
            rule = "que-clause"
        } else {
            rule = "cue-before"
        }
        return Candidate(rule: rule, entity: e, mention: k, cue: cueIndex)
    }
}

/// `…, a affirmé hier le chef de la diplomatie russe, Sergueï Lavrov.`: the
/// indirect lede whose cue and speaker follow the clause.
struct InvertedLedeRule: AppendingRule {
    let id: RuleID = "inverted-lede"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        guard context.quotes[quote].kind == .indirect, let c = context.quoteCue[quote], context.cues[c].isVerb,
              context.cues[c].range.lowerBound >= context.quotes[quote].content.upperBound,
              let k = context.mention(after: c), let e = context.entity(ofMention: k) else { return nil }
        return Candidate(rule: id, entity: e, mention: k, cue: c)
    }
}
