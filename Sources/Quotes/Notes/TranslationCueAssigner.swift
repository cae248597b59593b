/// Decides which quotes each translation cue speaks for. A cue belongs to
/// one speech act — the quotes that share a speech verb, with the mixed
/// quotes nested in their indirect quote — in its own sentence: the act
/// nearest to it, the one before it on a tie. So in
/// `«Wahnsinn!», a-t-il lâché en allemand, avant d'assurer qu'il n'en voulait
/// «pas du tout»`, `en allemand` goes to `Wahnsinn!` alone.
///
/// A sentence that quotes nothing but says how someone spoke (`Zhang Wei
/// s'est exprimé en mandarin, ses propos étant traduits en anglais.`) sets
/// the scene: its cues go to that speaker's next quotes in the paragraph,
/// until someone else is quoted.
///
/// ```swift
/// let owned = TranslationCueAssigner().assign(found, decisions: decisions, context: context)
/// owned[3]   // indices into `found` for quote 3
/// ```
struct TranslationCueAssigner {
    typealias Occurrence = TranslationCueFinder.Occurrence

    /// Quotes that speak together, and where their attribution stands.
    struct Act {
        var quotes: [Int] = []
        /// Content ranges of the quotes (marks included), the speech verb and the speaker.
        var anchors: [Range<Int>] = []
        /// Where a bare `en anglais` may stand: by the verb, the speaker, or right after a closing mark.
        var near: [Range<Int>] = []
        var sentences: Set<Int> = []
        var hasMarks = false
    }

    /// For each quote, the indices of the cues that speak for it, in text order.
    func assign(_ found: [Occurrence], decisions: [Candidate?], context: AttributionContext) -> [[Int]] {
        var owned = [[Int]](repeating: [], count: context.quotes.count)
        guard !found.isEmpty else { return owned }
        let acts = self.acts(decisions: decisions, context: context)
        var actsBySentence: [Int: [Int]] = [:]
        for (a, act) in acts.enumerated() { for s in act.sentences { actsBySentence[s, default: []].append(a) } }

        for (k, cue) in found.enumerated() {
            if let candidates = actsBySentence[cue.sentence] {
                guard let a = owner(of: cue, among: candidates, acts: acts) else { continue }
                if cue.role == .spokenNear, !acts[a].near.contains(where: { $0.overlaps(cue.content) }) { continue }
                for q in acts[a].quotes { owned[q].append(k) }
            } else {
                for q in sceneQuotes(for: cue, decisions: decisions, context: context) { owned[q].append(k) }
            }
        }
        return owned
    }

    /// The nearest act that may own `cue`, the preceding one on a tie.
    private func owner(of cue: Occurrence, among candidates: [Int], acts: [Act]) -> Int? {
        var best: (act: Int, distance: Int, before: Bool)? = nil
        for a in candidates {
            let act = acts[a]
            // "en anglais dans le texte" describes words in marks, never a paraphrase.
            if cue.role == .printed, !act.hasMarks { continue }
            let distance = act.anchors.map { Self.gap($0, cue.content) }.min() ?? .max
            let before = act.anchors.contains { $0.upperBound <= cue.content.lowerBound }
            if let current = best, current.distance < distance || (current.distance == distance && (current.before || !before)) { continue }
            best = (a, distance, before)
        }
        return best?.act
    }

    /// Content tokens between two ranges (0 when they touch or overlap).
    static func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.overlaps(b) { return 0 }
        return a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }

    /// Groups the quotes into speech acts. A mixed quote nested in an
    /// indirect one of the same speaker joins it; quotes whose speech verb
    /// stands in their own sentence join the other quotes of that verb. A
    /// verb in another sentence is part of the act only when that sentence
    /// quotes nothing (`«…» C'est ce qu'a lâché en anglais X.`).
    func acts(decisions: [Candidate?], context: AttributionContext) -> [Act] {
        let quotes = context.quotes
        let document = context.document
        // Each quote's sentences and clause verb, worked out once: the loops
        // below ask for them several times per quote.
        let sentenceSpans = quotes.map { quote -> ClosedRange<Int> in
            let extent = quote.extent
            let first = document.sentenceIndex(at: extent.lowerBound)
            return first...max(first, document.sentenceIndex(at: max(extent.upperBound - 1, extent.lowerBound)))
        }
        func sentences(of i: Int) -> ClosedRange<Int> { sentenceSpans[i] }
        var quoted = Set<Int>()
        for i in quotes.indices where quotes[i].kind != .nonspeech { for s in sentences(of: i) { quoted.insert(s) } }

        let words = context.lexicon.words(of: document)
        /// The speech verb of quote `i`'s clause, as a grouping key and a
        /// content range: its decision's cue, or a speech verb standing between
        /// that cue and the quote (`a-t-il lâché …, avant d'assurer qu'il … «pas du tout»`).
        func findClauseVerb(_ i: Int) -> (key: Int, range: Range<Int>)? {
            guard let c = decisions[i]?.cue else { return nil }
            let cue = context.cues[c].content
            let start = context.contentStart(i)
            guard cue.upperBound < start, start - cue.upperBound <= 40 else { return (c, cue) }
            for j in stride(from: start - 1, through: cue.upperBound, by: -1) {
                if document.tokens[document.content[j]].kind == .quoteMark { break }
                if context.lexicon.verbFormsByWord[words[j]] != nil { return (-1 - j, j..<(j + 1)) }
            }
            return (c, cue)
        }
        let clauseVerbs = quotes.indices.map { i in quotes[i].kind == .nonspeech ? nil : findClauseVerb(i) }
        func clauseVerb(_ i: Int) -> (key: Int, range: Range<Int>)? { clauseVerbs[i] }

        var group = Array(quotes.indices)
        var byCue: [Int: Int] = [:]
        for (i, quote) in quotes.enumerated() where quote.kind != .nonspeech {
            guard let decision = decisions[i] else { continue }
            // (Quotes are in text order: an outer indirect quote is among the few just before.)
            if let j = stride(from: i - 1, through: max(0, i - 8), by: -1).first(where: { j in
                quotes[j].kind == .indirect && decisions[j]?.entity == decision.entity
                    && quotes[j].extent.lowerBound <= quote.extent.lowerBound && quote.extent.upperBound <= quotes[j].extent.upperBound
            }) {
                group[i] = group[j]
                continue
            }
            if let verb = clauseVerb(i), sentences(of: i).contains(context.sentence(ofContent: verb.range.lowerBound)) {
                if let first = byCue[verb.key] { group[i] = group[first] } else { byCue[verb.key] = i }
            }
        }

        var index: [Int: Int] = [:]
        var acts: [Act] = []
        for (i, quote) in quotes.enumerated() where quote.kind != .nonspeech {
            let a = index[group[i]] ?? { acts.append(Act()); index[group[i]] = acts.count - 1; return acts.count - 1 }()
            let start = context.contentStart(i), after = context.contentAfter(i)
            acts[a].quotes.append(i)
            acts[a].anchors.append(start..<max(after, start + 1))
            acts[a].hasMarks = acts[a].hasMarks || quote.open != nil
            for s in sentences(of: i) { acts[a].sentences.insert(s) }
            if quote.close != nil { acts[a].near.append(after..<(after + 3)) }
            guard let decision = decisions[i] else { continue }
            if let verb = clauseVerb(i) {
                let s = context.sentence(ofContent: verb.range.lowerBound)
                if sentences(of: i).contains(s) || !quoted.contains(s) {
                    acts[a].sentences.insert(s)
                    acts[a].anchors.append(verb.range)
                    acts[a].near.append(max(0, verb.range.lowerBound - 1)..<(verb.range.upperBound + 3))
                }
            }
            // The speaker's mention, unless it belongs to another clause's verb.
            if let m = decision.mention, !context.mentions[m].insideQuote, (clauseVerb(i)?.key ?? 0) >= 0,
               acts[a].sentences.contains(context.sentence(ofContent: context.mentions[m].content.lowerBound)) {
                let mention = context.mentions[m]
                acts[a].anchors.append(mention.content)
                acts[a].near.append(max(0, mention.content.lowerBound - 3)..<(mention.content.upperBound + 3))
            }
        }
        return acts
    }

    /// The quotes a cue in a sentence that quotes nothing speaks for: the next
    /// quotes of the person it describes, in the same paragraph, until another
    /// speaker is quoted.
    func sceneQuotes(for cue: Occurrence, decisions: [Candidate?], context: AttributionContext) -> [Int] {
        guard cue.role != .printed, let (entity, mention) = sceneSpeaker(for: cue, context: context) else { return [] }
        if cue.role == .spokenNear {
            let nearMention = Self.gap(context.mentions[mention].content, cue.content) <= 3
            let nearVerb = context.cues(inSentence: cue.sentence).contains { index in
                let verb = context.cues[index]
                return !verb.insideQuote && verb.isVerb && verb.content.upperBound <= cue.content.lowerBound && Self.gap(verb.content, cue.content) <= 2
            }
            guard nearMention || nearVerb else { return [] }
        }
        let document = context.document
        let paragraph = document.sentences[cue.sentence].paragraph
        var result: [Int] = []
        // Quotes are in text order: start at the first one after the cue's sentence.
        var low = 0, high = context.quotes.count
        while low < high {
            let mid = (low + high) / 2
            if document.sentenceIndex(at: context.quotes[mid].extent.lowerBound) <= cue.sentence { low = mid + 1 } else { high = mid }
        }
        for i in low..<context.quotes.count where context.quotes[i].kind != .nonspeech {
            let quote = context.quotes[i]
            let s = document.sentenceIndex(at: quote.extent.lowerBound)
            guard s > cue.sentence else { continue }
            guard document.sentences[s].paragraph == paragraph else { break }
            guard let decision = decisions[i] else { continue }
            if decision.entity != entity { break }
            result.append(i)
        }
        return result
    }

    /// The person a scene cue describes: the subject of its sentence
    /// (`Zhang Wei, professeur à Shanghai, s'est exprimé en mandarin`), else the
    /// entity of the nearest mention before it, else after it.
    private func sceneSpeaker(for cue: Occurrence, context: AttributionContext) -> (entity: Int, mention: Int)? {
        if let k = context.mainSubject(ofSentence: cue.sentence, before: cue.content.lowerBound), let e = context.entity(ofMention: k) {
            return (e, k)
        }
        var before: (Int, Int)? = nil, after: (Int, Int)? = nil
        for k in context.mentions(inSentence: cue.sentence) where !context.mentions[k].insideQuote {
            let mention = context.mentions[k]
            guard let e = context.entity(ofMention: k) else { continue }
            if mention.content.upperBound <= cue.content.lowerBound { before = (e, k) } else if after == nil, mention.content.lowerBound >= cue.content.upperBound { after = (e, k) }
        }
        return before ?? after
    }
}
