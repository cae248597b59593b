/// Decides which quotes each translation cue speaks for. A cue belongs to
/// one speech act — the quotes that share a speech verb, with the mixed
/// quotes nested in their indirect quote — in its own sentence: the act
/// nearest to it, the one before it on a tie. So in
/// `«Wahnsinn!», a-t-il lâché en allemand, avant d'assurer qu'il n'en voulait
/// «pas du tout»`, `en allemand` goes to `Wahnsinn!` alone. A `switch` cue
/// (`puis en français`) goes only to the act's quotes after it.
///
/// A sentence that quotes nothing but says how someone spoke (`Zhang Wei
/// s'est exprimé en mandarin, ses propos étant traduits en anglais.`) is a
/// scene: ``TranslationAnnotator`` carries its cues to that person's quotes
/// until someone else is quoted.
///
/// ```swift
/// let assignment = TranslationCueAssigner().assign(found, decisions: decisions, context: context)
/// assignment.owned[3]   // indices into `found` for quote 3
/// assignment.scenes     // [Scene(entity: 2, start: 41, cues: [0, 1])]
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
        var sentences = SentenceSet()
        var hasMarks = false

        /// Room for what most acts get (a quote or two; its content, verb and speaker as anchors
        /// and near places), allocated once instead of grown from one element.
        init() {
            quotes.reserveCapacity(2)
            anchors.reserveCapacity(4)
            near.reserveCapacity(4)
        }
    }

    /// A sentence that quotes nothing but says how `entity` spoke.
    struct Scene: Equatable {
        var entity: Int
        /// Content index of its first cue.
        var start: Int
        /// Indices into the cues found, in text order.
        var cues: [Int]
    }

    /// Which cues speak for which quotes.
    struct Assignment {
        /// For each quote, the cues of its own speech act, in text order.
        var owned: [[Int]]
        /// The scenes, in text order.
        var scenes: [Scene]
    }

    /// For each quote, the indices of the cues of its own act; and the scenes.
    func assign(_ found: [Occurrence], decisions: [Candidate?], context: AttributionContext) -> Assignment {
        var owned = [[Int]](repeating: [], count: context.quotes.count)
        var scenes: [Scene] = []
        guard !found.isEmpty else { return Assignment(owned: owned, scenes: scenes) }
        // Only the acts in a cue's sentence can own a cue.
        var cueSentences: [Int] = []
        for cue in found where !cueSentences.contains(cue.sentence) { cueSentences.append(cue.sentence) }
        let acts = self.acts(decisions: decisions, context: context, inSentences: cueSentences)
        let actsBySentence = ActsBySentence(acts)

        for (k, cue) in found.enumerated() {
            if let candidates = actsBySentence[cue.sentence] {
                guard let a = owner(of: cue, among: candidates, acts: acts) else { continue }
                // Someone named right before it, with a verb between, is who it describes, not
                // the act's speaker (`une légende, que X a écrite en anglais, a inquiété ses fans`).
                if cue.role == .spokenNear, let named = namedJustBefore(cue, found: found, context: context),
                   named.verb || !acts[a].near.contains(where: { $0.overlaps(cue.content) }),
                   !acts[a].quotes.contains(where: { decisions[$0]?.entity == named.entity }) {
                    // It sets the scene from the end of its sentence, after the act's own quotes.
                    let sentence = context.document.sentences[cue.sentence].tokens
                    let end = sentence.upperBound >= context.document.tokens.count
                        ? context.document.content.count : Int(context.document.contentIndex[sentence.upperBound])
                    scenes.append(Scene(entity: named.entity, start: max(cue.content.lowerBound, end - 1), cues: [k]))
                    continue
                }
                if cue.role == .spokenNear, !acts[a].near.contains(where: { $0.overlaps(cue.content) }) { continue }
                for q in acts[a].quotes where cue.role != .switch || context.contentStart(q) >= cue.content.upperBound {
                    owned[q].append(k)
                }
            } else if cue.role != .printed, let entity = sceneSpeaker(for: cue, found: found, decisions: decisions, context: context) {
                if let last = scenes.last, last.entity == entity, found[last.cues[0]].sentence == cue.sentence {
                    scenes[scenes.count - 1].cues.append(k)
                } else {
                    scenes.append(Scene(entity: entity, start: cue.content.lowerBound, cues: [k]))
                }
            }
        }
        return Assignment(owned: owned, scenes: scenes)
    }

    /// The acts of each sentence, in act order: one array of acts bucketed by sentence, rather than
    /// a dictionary holding an array per sentence (an allocation for each).
    struct ActsBySentence {
        private let first: Int
        /// Sentence `first + i`'s acts are `members[starts[i]..<starts[i + 1]]`.
        private var starts: [Int] = []
        private var members: [Int] = []

        init(_ acts: [Act]) {
            var low = Int.max, high = Int.min
            // Acts read in place, by index: one taken whole out of the array is copied (three arrays retained).
            for a in acts.indices { acts[a].sentences.forEach { s in low = min(low, s); high = max(high, s) } }
            first = low
            guard low <= high else { return }
            starts = .filled(0, count: high - low + 2)
            for a in acts.indices { acts[a].sentences.forEach { s in starts[s - low + 1] += 1 } }
            for i in 1..<starts.count { starts[i] += starts[i - 1] }
            members = .filled(0, count: starts[starts.count - 1])
            var next = starts
            for a in acts.indices {
                acts[a].sentences.forEach { s in
                    members[next[s - low]] = a
                    next[s - low] += 1
                }
            }
        }

        /// The acts in `sentence`, nil when none is.
        subscript(sentence: Int) -> ArraySlice<Int>? {
            guard !starts.isEmpty, sentence >= first, sentence - first + 1 < starts.count else { return nil }
            let i = sentence - first
            return starts[i] < starts[i + 1] ? members[starts[i]..<starts[i + 1]] : nil
        }
    }

    /// The nearest act that may own `cue`, the preceding one on a tie.
    private func owner(of cue: Occurrence, among candidates: ArraySlice<Int>, acts: [Act]) -> Int? {
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
    /// - Parameter wanted: when given, only the acts with one of these
    ///   sentences are made, in the order they have without it.
    func acts(decisions: [Candidate?], context: AttributionContext, inSentences wanted: [Int]? = nil) -> [Act] {
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
        // Whether each sentence holds a quote (not a title).
        var quoted = [Bool](repeating: false, count: max(document.sentences.count, 1))
        for i in quotes.indices where quotes[i].kind != .nonspeech { for s in sentences(of: i) { quoted[s] = true } }

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
                if document.tokens.kind(document.content[j]) == .quoteMark { break }
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

        /// The sentence of quote `i`'s clause verb when its act takes it in.
        func verbSentence(_ i: Int) -> Int? {
            guard decisions[i] != nil, let verb = clauseVerb(i) else { return nil }
            let s = context.sentence(ofContent: verb.range.lowerBound)
            return sentences(of: i).contains(s) || !quoted[s] ? s : nil
        }
        // The groups whose act is made: all, or those with a wanted sentence (their sentences
        // gathered first, as the acts below gather them).
        var made = [Bool](repeating: wanted == nil, count: quotes.count)
        if let wanted {
            var groupSentences = [SentenceSet](repeating: SentenceSet(), count: quotes.count)
            for (i, quote) in quotes.enumerated() where quote.kind != .nonspeech {
                for s in sentences(of: i) { groupSentences[group[i]].insert(s) }
                if let s = verbSentence(i) { groupSentences[group[i]].insert(s) }
            }
            for g in quotes.indices { made[g] = wanted.contains { groupSentences[g].contains($0) } }
        }

        // At most one act a quote. The act of each group, by the quote that leads it (-1: none yet).
        var index = [Int](repeating: -1, count: quotes.count)
        var acts: [Act] = []
        for (i, quote) in quotes.enumerated() where quote.kind != .nonspeech && made[group[i]] {
            if index[group[i]] < 0 {
                acts.append(Act())
                index[group[i]] = acts.count - 1
            }
            let a = index[group[i]]
            let start = context.contentStart(i), after = context.contentAfter(i)
            acts[a].quotes.append(i)
            acts[a].anchors.append(start..<max(after, start + 1))
            acts[a].hasMarks = acts[a].hasMarks || quote.open != nil
            for s in sentences(of: i) { acts[a].sentences.insert(s) }
            if quote.close != nil { acts[a].near.append(after..<(after + 3)) }
            guard let decision = decisions[i] else { continue }
            if let s = verbSentence(i), let verb = clauseVerb(i) {
                acts[a].sentences.insert(s)
                acts[a].anchors.append(verb.range)
                acts[a].near.append(max(0, verb.range.lowerBound - 1)..<(verb.range.upperBound + 3))
            }
            // The speaker's mention, unless it belongs to another clause's verb.
            if let m = decision.mention, !context.mentions[m].insideQuote, (clauseVerb(i)?.key ?? 0) >= 0,
               acts[a].sentences.contains(context.sentence(ofContent: context.mentions[m].content.lowerBound)) {
                let mention = context.mentions[m]
                acts[a].anchors.append(mention.content)
                // Right after the speaker, or touching it (`«…», dit X en anglais`; not `une légende en anglais, les fans…`).
                acts[a].near.append(max(0, mention.content.lowerBound - 1)..<(mention.content.upperBound + 3))
            }
        }
        return acts
    }

    /// The person a scene cue describes: the subject of its sentence
    /// (`Zhang Wei, professeur à Shanghai, s'est exprimé en mandarin`), else the
    /// entity of the nearest mention before it, else after it; in a sentence
    /// that names nobody (`Ses propos sont traduits en anglais.`), the speaker
    /// of the last quote before it in its paragraph. A bare
    /// `en anglais` counts only right by that mention or by a speech verb.
    func sceneSpeaker(for cue: Occurrence, found cues: [Occurrence], decisions: [Candidate?], context: AttributionContext) -> Int? {
        // The interpreter of `traduits par un interprète` is no speaker.
        let inCues = { (k: Int) in cues.contains { $0.sentence == cue.sentence && $0.content.overlaps(context.mentions[k].content) } }
        var found: (entity: Int, mention: Int)? = nil
        if let k = context.mainSubject(ofSentence: cue.sentence, before: cue.content.lowerBound), !inCues(k), let e = context.entity(ofMention: k) {
            found = (e, k)
        } else {
            var before: (Int, Int)? = nil, after: (Int, Int)? = nil
            for k in context.mentions(inSentence: cue.sentence) where !context.mentions[k].insideQuote && !inCues(k) {
                let mention = context.mentions[k]
                guard let e = context.entity(ofMention: k) else { continue }
                if mention.content.upperBound <= cue.content.lowerBound { before = (e, k) } else if after == nil, mention.content.lowerBound >= cue.content.upperBound { after = (e, k) }
            }
            found = before ?? after
        }
        let nearVerb = context.cues(inSentence: cue.sentence).contains { index in
            let verb = context.cues[index]
            return !verb.insideQuote && verb.isVerb && verb.content.lowerBound <= cue.content.lowerBound && Self.gap(verb.content, cue.content) <= 2
        }
        if let (entity, mention) = found {
            if cue.role == .spokenNear, !(nearVerb || Self.gap(context.mentions[mention].content, cue.content) <= 3) { return nil }
            return entity
        }
        guard cue.role != .spokenNear else { return nil }
        return previousSpeaker(before: cue, decisions: decisions, context: context)
    }

    /// The entity of a mention ending at most three words before `cue`, outside
    /// the quotes and the cues (`que Charlotte Lenoir a écrite en anglais`).
    /// - Returns: the entity, and whether a speech verb stands between the mention and the cue.
    func namedJustBefore(_ cue: Occurrence, found cues: [Occurrence], context: AttributionContext) -> (entity: Int, verb: Bool)? {
        var best: (entity: Int, gap: Int, verb: Bool)? = nil
        for k in context.mentions(inSentence: cue.sentence) where !context.mentions[k].insideQuote {
            let mention = context.mentions[k].content
            guard mention.upperBound <= cue.content.lowerBound, cue.content.lowerBound - mention.upperBound <= 3,
                  !cues.contains(where: { $0.sentence == cue.sentence && $0.content.overlaps(mention) }),
                  let e = context.entity(ofMention: k) else { continue }
            let gap = cue.content.lowerBound - mention.upperBound
            let verb = context.cues(inSentence: cue.sentence).contains { index in
                let verb = context.cues[index]
                return verb.isVerb && !verb.insideQuote && verb.content.lowerBound >= mention.upperBound && verb.content.upperBound <= cue.content.lowerBound
            }
            if best == nil || gap < best!.gap { best = (e, gap, verb) }
        }
        return best.map { ($0.entity, $0.verb) }
    }

    /// The speaker of the last quote before `cue`, when it stands in the
    /// cue's paragraph.
    private func previousSpeaker(before cue: Occurrence, decisions: [Candidate?], context: AttributionContext) -> Int? {
        let document = context.document
        let paragraph = document.sentences[cue.sentence].paragraph
        for i in context.quotes.indices.reversed() where context.quotes[i].kind != .nonspeech {
            let s = document.sentenceIndex(at: context.quotes[i].extent.lowerBound)
            guard s < cue.sentence else { continue }
            guard document.sentences[s].paragraph == paragraph else { return nil }
            return decisions[i]?.entity
        }
        return nil
    }
}
