/// `«…». Le ministre a ensuite ajouté …`: a quote with no cue of its own
/// whose next sentence opens with a speaker and a speech verb.
struct NextSentenceRule: AppendingRule {
    let id: RuleID = "next-sentence"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        guard context.quotes[quote].kind == .direct else { return nil }
        let after = context.contentAfter(quote)
        let keys = context.document.contentKeys
        // The quote must end its sentence: final punctuation after the mark, or inside it ("… personne. » C'est …").
        let close = context.quotes[quote].close.map { context.document.tokenIndex(at: $0) }.map { Int(context.document.contentIndex[$0]) }
        let endsInside = close.map { $0 > 0 && KeyList.sentenceFinals.contains(keys[$0 - 1]) } ?? false
        guard after < keys.count, endsInside || KeyList.sentenceFinals.contains(keys[after])
            || context.sentence(ofContent: after) != context.sentence(ofContent: max(after - 1, 0)) else { return nil }
        let next = KeyList.sentenceFinals.contains(keys[after]) ? after + 1 : after
        guard next < keys.count, context.document.tokens.kind(context.document.content[next]) != .quoteMark else { return nil }
        // The first verb cue of the next sentence, within its first words:
        // "Le ministre a ensuite ajouté …", "C'est ce qu'a lâché le capitaine, X."
        let sentence = context.sentence(ofContent: next)
        guard let c = context.cues(inSentence: sentence).first(where: {
            context.cues[$0].isVerb && !context.cues[$0].insideQuote && context.cues[$0].content.lowerBound >= next && context.cues[$0].content.lowerBound <= next + 30
        }) else { return nil }
        // That sentence must not carry a quote of its own, unless it points back: "C'est ce qu'a annoncé X, …, «…»".
        let start = context.cues[c].content.lowerBound
        let pointsBack = start >= 2 && KeyList.que.contains(keys[start - 1]) && keys[start - 2].equalsASCII("ce")
        if !pointsBack, context.markedQuotes(inSentence: sentence).contains(where: { $0 != quote }) { return nil }
        if let k = context.subject(of: c) ?? context.mainSubject(ofSentence: sentence, before: context.cues[c].content.lowerBound),
           context.mentions[k].content.lowerBound >= next, let e = context.entity(ofMention: k) {
            return Candidate(rule: id, entity: e, mention: k, cue: c)
        }
        let before = context.cues[c].content.lowerBound - 1
        let inverted = before < next || keys[before].equalsASCII("qu'") || keys[before].equalsASCII("que")
            || keys[next..<(before + 1)].allSatisfy { context.lexicon.isFunction($0, .adverb) }
        if inverted, let k = context.mention(after: c), let e = context.entity(ofMention: k) {
            return Candidate(rule: id, entity: e, mention: k, cue: c)
        }
        return nil
    }
}

/// `X a reconnu la supériorité de Y. «…»`: a quote that opens its sentence
/// with no cue of its own, after a sentence in the same paragraph whose
/// speech verb has a subject and which quotes nothing itself.
struct PreviousSentenceRule: AppendingRule {
    let id: RuleID = "previous-sentence"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        guard context.quotes[quote].kind == .direct, context.quotes[quote].open != nil else { return nil }
        let start = context.contentStart(quote)
        let sentence = context.sentence(ofContent: start)
        guard sentence > 0, start == 0 || context.sentence(ofContent: start - 1) != sentence else { return nil }
        let document = context.document
        let previous = sentence - 1
        guard document.sentences[previous].paragraph == document.sentences[sentence].paragraph else { return nil }
        // The previous sentence quotes nothing.
        if context.markedQuotes(inSentence: previous).contains(where: { $0 != quote }) { return nil }
        guard let c = context.cues(inSentence: previous).last(where: { context.cues[$0].isVerb && !context.cues[$0].insideQuote }),
              let k = context.subject(of: c), let e = context.entity(ofMention: k) else { return nil }
        return Candidate(rule: id, entity: e, mention: k, cue: c)
    }
}

/// A quote with no cue near it continues the previous speaker, within the
/// same paragraph or from the paragraph just before.
struct ContinuityRule: AppendingRule {
    let id: RuleID = "continuity"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        if let found = best(for: quote, in: context) { candidates.append(found) }
    }

    private func best(for quote: Int, in context: AttributionContext) -> Candidate? {
        guard quote > 0, context.quotes[quote].kind == .direct || context.quotes[quote].kind == .mixed else { return nil }
        // The last decided quote before this one (kept by the log: scanning back was quadratic over undecided runs).
        guard let index = context.log.lastDecided(before: quote), let last = context.previous[index] else { return nil }
        let document = context.document
        let paragraph = document.paragraphIndex(at: context.quotes[quote].extent.lowerBound)
        let lastParagraph = document.paragraphIndex(at: context.quotes[index].extent.lowerBound)
        // Nothing else spoke in between: the previous decided quote is the previous quote.
        if paragraph - lastParagraph <= 1 { return Candidate(rule: id, entity: last.entity, mention: nil, cue: nil) }
        // Further back (a run of quotes or paragraphs with no cue): weaker.
        if paragraph - lastParagraph <= 3 { return Candidate(rule: "continuity-far", entity: last.entity, mention: nil, cue: nil) }
        return nil
    }
}

/// A quote with no cue of its own: the people the narration is about just
/// before it — the subject of the last speech verb in its paragraph or the
/// one before, else the last person named there outside quotes — and the
/// article's main speaker (the entity most often decided so far, as in a
/// list of "petites phrases" under topic headings). Weak candidates that
/// the model weighs against the others.
struct ParagraphSubjectRule: AppendingRule {
    let id: RuleID = "paragraph-subject"

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        let span = context.quotes[quote]
        guard span.kind == .direct || span.kind == .mixed else { return }
        let document = context.document
        let start = context.contentStart(quote)
        let paragraph = document.paragraphIndex(at: span.extent.lowerBound)
        // At most one subject, then the main speaker.
        var found: Candidate? = nil
        var j = start - 1
        var person: Int? = nil
        // Within this paragraph and the one before, and at most 400 words back, so that a
        // paragraph of thousands of quotes costs the same per quote as a short one.
        let firstToken = document.paragraphs.isEmpty ? 0 : document.paragraphs[max(paragraph - 1, 0)].tokens.lowerBound
        let floor = max(firstToken < document.tokens.count ? Int(document.contentIndex[firstToken]) : 0, start - 400)
        while j >= max(floor, 0) {
            // Only where a cue or a mention starts is there anything to ask.
            guard let next = context.lastStart(in: max(floor, 0)..<(j + 1)) else { break }
            j = next
            if let c = context.cue(startingAt: j), context.cues[c].isVerb, !context.cues[c].insideQuote,
               let k = context.subject(of: c), let e = context.entity(ofMention: k) {
                found = Candidate(rule: id, entity: e, mention: k, cue: c)
                break
            }
            if person == nil, let k = context.mention(startingAt: j), !context.mentions[k].insideQuote,
               context.mentions[k].kind == .name || context.mentions[k].kind == .role, !context.isGoverned(k) {
                person = k
            }
            j -= 1
        }
        if found == nil, let k = person, let e = context.entity(ofMention: k) {
            found = Candidate(rule: id, entity: e, mention: k, cue: nil)
        }
        // The article's main speaker so far.
        if let found { candidates.append(found) }
        guard let (e, n) = context.mainSpeaker, n >= 2, context.entities.entities[e].kind == .person else { return }
        candidates.append(Candidate(rule: "article-speaker", entity: e, mention: nil, cue: nil))
    }
}

/// `« … » (Yannick Le Gall, patron d'un bar)`, `« … » — Armelle Guivarc'h,
/// prévisionniste`: a name in parentheses or after a dash right after the
/// closing mark, with no verb — the mirror of a headline attribution. A
/// person's name in parentheses that closes the paragraph names the speaker
/// of the quotes before it when no speech verb stands between them (an
/// attitude such as `est menacée` does not take the quote), as wire
/// headlines do: `Pêche : les armateurs «ne désarmeront pas» malgré les
/// quotas (Léa Morvan)`. A name alone on the line after the quote signs
/// it, and so does `signé X` right after it.
struct NameAfterQuoteRule: AppendingRule {
    let id: RuleID = "name-after-quote"
    /// How far past the closing mark the closing parenthesis may stand, in content tokens.
    static let reach = 40

    func append(for quote: Int, in context: AttributionContext, to candidates: inout [Candidate]) {
        guard context.quotes[quote].close != nil else { return }
        let keys = context.document.contentKeys
        var c = context.contentAfter(quote)
        if c < keys.count, keys[c].equalsASCII(".") { c += 1 }
        guard c + 1 < keys.count else { return }
        if KeyList.asideOpeners.contains(keys[c]) {
            guard let k = context.mention(startingAt: c + 1), context.mentions[k].kind != .pronoun,
                  let e = context.entity(ofMention: k) else { return }
            candidates.append(Candidate(rule: id, entity: e, mention: k, cue: nil))
            return
        }
        if let found = closingParenthesis(after: c, for: quote, in: context) { candidates.append(found) }
        if let found = signatureLine(at: c, for: quote, in: context) { candidates.append(found) }
        if let found = signedBy(after: c, in: context) { candidates.append(found) }
    }

    /// The forms of `signé` that name an author after a noun.
    static let signed: KeyList = ["signé", "signée", "signés", "signées"]

    /// `«…» Un édito signé Paul Arnaud dans …`, `«…». Une tribune signée par X`:
    /// a noun and `signé` right after the quote, then the name.
    private func signedBy(after c: Int, in context: AttributionContext) -> Candidate? {
        let keys = context.document.contentKeys
        var j = c
        while j < keys.count, j - c < 3, KeyList.sentenceFinals.contains(keys[j]) { j += 1 }
        let start = j
        while j < keys.count, j - start < 3, !Self.signed.contains(keys[j]) {
            guard context.document.tokens.kind(context.document.content[j]) == .word else { return nil }
            j += 1
        }
        guard j < keys.count, Self.signed.contains(keys[j]) else { return nil }
        j += 1
        if j < keys.count, keys[j].equalsASCII("par") { j += 1 }
        guard let k = context.mention(startingAt: j), context.mentions[k].kind == .name, !context.mentions[k].insideQuote,
              let e = context.entity(ofMention: k) else { return nil }
        return Candidate(rule: id, entity: e, mention: k, cue: nil)
    }

    /// The longest line that can sign a quote, in content tokens.
    static let signatureLength = 16

    /// `«…»` then, on the next line, a person's name with at most an
    /// apposition and no verb or final period: `Claire Dubosc, députée de la
    /// Sarthe` under a quote in a box of "petites phrases".
    private func signatureLine(at c: Int, for quote: Int, in context: AttributionContext) -> Candidate? {
        let document = context.document
        let keys = document.contentKeys
        guard c < keys.count, let close = context.quotes[quote].close else { return nil }
        func lineBreak(_ range: Range<Int>) -> Bool {
            range.isEmpty ? false : document.text.scalars[range].contains(where: CharacterClass.isLineBreak)
        }
        let first = document.tokens[document.content[c]]
        guard first.start > close, lineBreak((close + 1)..<first.start) else { return nil }
        guard let k = context.mention(startingAt: c), context.mentions[k].kind == .name, !context.mentions[k].insideQuote,
              let e = context.entity(ofMention: k), context.entities.entities[e].kind == .person else { return nil }
        var j = c
        while j < keys.count {
            if j > c, lineBreak(document.tokens[document.content[j - 1]].end..<document.tokens[document.content[j]].start) { break }
            if j - c >= Self.signatureLength { return nil }
            let token = document.tokens[document.content[j]]
            if token.kind == .quoteMark || context.cue(startingAt: j) != nil { return nil }
            if context.isFunction(j, .auxAvoir) || context.isFunction(j, .auxEtre) { return nil }
            if !token.isCapitalized, context.lexicon.verbFormsByWord[context.lexicon.word(j, of: document)] != nil { return nil }
            j += 1
        }
        if KeyList.sentenceFinalsOrColon.contains(keys[j - 1]) { return nil }
        return Candidate(rule: id, entity: e, mention: k, cue: nil)
    }

    /// `… «quote» … (Name)` with the parenthesis last in its paragraph.
    private func closingParenthesis(after start: Int, for quote: Int, in context: AttributionContext) -> Candidate? {
        let document = context.document
        let keys = document.contentKeys
        let paragraph = document.paragraphPositions(document.paragraphIndex(at: context.quotes[quote].content.lowerBound))
        func inParagraph(_ j: Int) -> Bool { paragraph.contains(document.tokens[document.content[j]].start) }
        var j = start
        while j < keys.count, j - start < Self.reach, inParagraph(j) {
            if let cue = context.cue(startingAt: j), context.cues[cue].strength == .speech { return nil }
            if keys[j].equalsASCII("(") {
                guard let k = context.mention(startingAt: j + 1), context.mentions[k].kind == .name,
                      !context.mentions[k].insideQuote, let e = context.entity(ofMention: k),
                      context.entities.entities[e].kind == .person else { return nil }
                var end = context.mentions[k].content.upperBound
                guard end < keys.count, keys[end].equalsASCII(")") else { return nil }
                end += 1
                if end < keys.count, keys[end].equalsASCII(".") { end += 1 }
                guard end >= keys.count || !inParagraph(end) else { return nil }
                return Candidate(rule: id, entity: e, mention: k, cue: nil)
            }
            j += 1
        }
        return nil
    }
}
