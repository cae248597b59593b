/// Everything a rule may read about a document, immutable. Decisions made
/// for earlier quotes are visible through ``previous`` (speaker continuity).
/// The decision log, shared by every copy of a context, changes as quotes
/// are decided and keeps the pronoun resolutions made since the last
/// decision: a context is used by one thread at a time (each worker builds
/// its own for each document).
public struct AttributionContext: Sendable {
    public let document: Document
    public let lexicon: FrenchLexicon
    public let quotes: [QuoteSpan]
    /// For indirect quotes, the cue that introduced them.
    public let quoteCue: [Int?]
    public let mentions: [Mention]
    public let entities: EntityTable
    public let cues: [Cue]
    /// Decisions for quotes before the current one (same order as `quotes`).
    /// Decisions so far, appended by the engine as it goes (shared, so that
    /// recording a decision never copies the list).
    let log: DecisionLog
    public var previous: [Candidate?] { log.decisions }
    /// The entity given the most quotes so far, and how many.
    var mainSpeaker: (entity: Int, count: Int)? { log.mainSpeaker }
    private let index: Index
    /// What the rules ask of the same mentions again and again, kept per
    /// document (it does not depend on the decisions).
    private let memo: MentionMemo

    /// The decisions made so far for a document.
    ///
    /// Its state sits behind a pointer the class holds as a constant: the
    /// rules read it at every quote, and a variable property of a class is
    /// checked for exclusive access at every read and write.
    final class DecisionLog: @unchecked Sendable {
        private struct State {
            var decisions: [Candidate?]
            /// Bumped whenever the decisions change: a pronoun's resolution
            /// reads the last speaker, so one made before is kept only while the
            /// decisions are the same.
            var generation: UInt32 = 1
            /// Pronoun mention → its resolution + 1 (0 for none), valid where
            /// `pronounStamps[k] == generation`: the rules and the features ask
            /// for the same pronoun several times per quote.
            var pronounStamps: [UInt32] = []
            var pronounEntities: [Int32] = []
            /// Every candidate proposed for each quote decided so far.
            var candidates: [[Candidate]] = []
            /// The last non-nil decision, kept as decisions are appended, so
            /// "the previous speaker" costs O(1) after any run of undecided quotes.
            var lastDecided: Int?
            /// How many quotes each entity was given so far, and the one given most
            /// (ties to the lower entity index), kept as decisions are recorded so that
            /// "the article's main speaker" costs O(1) per quote. Counts by entity
            /// index (entities are numbered from 0), grown to the highest one given.
            var speakerCounts: [Int] = []
            var mainSpeaker: (entity: Int, count: Int)?
        }

        private let state: UnsafeMutablePointer<State>

        var decisions: [Candidate?] { state.pointee.decisions }
        var candidates: [[Candidate]] { state.pointee.candidates }
        var lastDecided: Int? { state.pointee.lastDecided }
        var mainSpeaker: (entity: Int, count: Int)? { state.pointee.mainSpeaker }

        init(_ decisions: [Candidate?]) {
            state = .allocate(capacity: 1)
            state.initialize(to: State(decisions: decisions, lastDecided: decisions.lastIndex { $0 != nil }))
            for decision in decisions { count(decision) }
        }

        deinit {
            state.deinitialize(count: 1)
            state.deallocate()
        }

        /// Room for `quotes` decisions and candidate lists.
        func reserve(_ quotes: Int) {
            state.pointee.decisions.reserveCapacity(quotes)
            state.pointee.candidates.reserveCapacity(quotes)
        }

        /// Appends the decision for the next quote and its candidates.
        func append(_ decision: Candidate?, candidates: [Candidate]) {
            state.pointee.candidates.append(candidates)
            state.pointee.decisions.append(decision)
            if decision != nil { state.pointee.lastDecided = state.pointee.decisions.count - 1 }
            state.pointee.generation &+= 1
            if state.pointee.generation == 0 {
                state.pointee.generation = 1
                state.pointee.pronounStamps = []
                state.pointee.pronounEntities = []
            }
            count(decision)
        }

        private func count(_ decision: Candidate?) {
            guard let e = decision?.entity else { return }
            if e >= state.pointee.speakerCounts.count {
                state.pointee.speakerCounts.append(contentsOf: repeatElement(0, count: e + 1 - state.pointee.speakerCounts.count))
            }
            state.pointee.speakerCounts[e] += 1
            let n = state.pointee.speakerCounts[e]
            if let best = state.pointee.mainSpeaker, n < best.count || (n == best.count && e > best.entity) { return }
            state.pointee.mainSpeaker = (e, n)
        }

        /// The resolution of pronoun mention `k` made since the decisions last
        /// changed: nil when there is none, `.some(nil)` when it found no entity.
        func resolvedPronoun(_ k: Int) -> Int?? {
            guard k < state.pointee.pronounStamps.count, state.pointee.pronounStamps[k] == state.pointee.generation else { return nil }
            let e = state.pointee.pronounEntities[k]
            return .some(e == 0 ? nil : Int(e) - 1)
        }

        /// Keeps the resolution of pronoun mention `k` (of `mentionCount`).
        func remember(pronoun k: Int, _ entity: Int?, mentionCount: Int) {
            if state.pointee.pronounStamps.count < mentionCount {
                state.pointee.pronounStamps = [UInt32](repeating: 0, count: mentionCount)
                state.pointee.pronounEntities = [Int32](repeating: 0, count: mentionCount)
            }
            guard k < state.pointee.pronounStamps.count, let value = Int32(exactly: (entity ?? -1) + 1) else { return }
            state.pointee.pronounStamps[k] = state.pointee.generation
            state.pointee.pronounEntities[k] = value
        }

        /// The last decided quote before `end`.
        func lastDecided(before end: Int) -> Int? {
            guard let last = state.pointee.lastDecided else { return nil }   // nothing decided at all
            if last < end { return last }
            let decisions = state.pointee.decisions
            var i = min(end, decisions.count) - 1
            while i >= 0, decisions[i] == nil { i -= 1 }
            return i >= 0 ? i : nil
        }
    }

    /// Answers about mentions and cues worked out once: ``isSubject(_:)`` is
    /// asked of the same mention by each pronoun before it and by several
    /// rules, ``subject(of:)`` of the same cue by each quote of its paragraph.
    /// One context belongs to one document and one thread at a time.
    /// Its storage is a fixed buffer reached through a constant: a
    /// variable property of a class would be checked for exclusive access
    /// at every read and write.
    final class MentionMemo: @unchecked Sendable {
        /// Per mention: 0 not yet known, 1 not a subject, 2 a subject.
        let subject: UnsafeMutableBufferPointer<UInt8>
        /// Per cue: its subject mention, -1 for none, -2 not yet known.
        let cueSubject: UnsafeMutableBufferPointer<Int32>

        init(mentions: Int, cues: Int) {
            subject = .allocate(capacity: mentions)
            subject.initialize(repeating: 0)
            cueSubject = .allocate(capacity: cues)
            cueSubject.initialize(repeating: -2)
        }

        deinit {
            subject.deallocate()
            cueSubject.deallocate()
        }
    }

    /// Lookup tables shared by every copy of a context, so that no rule
    /// scans the whole document for each quote.
    final class Index: Sendable {
        let mentionAtStart: PositionTable
        let mentionAtEnd: PositionTable
        let cueAtStart: PositionTable
        /// The content positions where a mention or a cue starts.
        let anyStarts: PositionSet
        /// Content indices just past each verb cue.
        let cueEnds: PositionTable
        /// The verb cue that ends just before each content index.
        let verbCueEndingAt: PositionTable
        let cuesBySentence: SentenceBuckets
        let mentionsBySentence: SentenceBuckets
        /// Quotes in marks by the sentence of their opening mark.
        let markedBySentence: SentenceBuckets
        /// Indirect quotes by the sentence where their content starts.
        let indirectBySentence: SentenceBuckets
        /// For each sentence, how many sentences up to it are the narrator's
        /// (not wholly inside a quote's marks): pronoun distances count those,
        /// so that a long quote does not push its speaker out of reach.
        let storyNumber: [Int]
        /// Per quote, ``AttributionContext/contentStart(_:)`` and ``AttributionContext/contentAfter(_:)``:
        /// the rules ask for them many times per quote, each a binary search over the tokens.
        let quoteStarts: [Int32]
        let quoteAfters: [Int32]

        init(document: Document, mentions: [Mention], cues: [Cue], quotes: [QuoteSpan]) {
            var quoteStarts: [Int32] = [], quoteAfters: [Int32] = []
            quoteStarts.reserveCapacity(quotes.count)
            quoteAfters.reserveCapacity(quotes.count)
            // Values read in place, by index, here and below: a mention, cue or span taken whole
            // out of its array is copied, each string or array it holds retained and released.
            for q in quotes.indices {
                let bounds = AttributionContext.contentBounds(of: quotes[q], in: document)
                quoteStarts.append(Int32(bounds.start))
                quoteAfters.append(Int32(bounds.after))
            }
            self.quoteStarts = quoteStarts
            self.quoteAfters = quoteAfters
            // The closures below capture these, not the document: a closure that captures the
            // document holds a copy of it (every array retained, then released).
            let contentSentence = document.contentSentence, contentCount = document.content.count
            let lastSentence = max(document.sentences.count - 1, 0)
            func sentence(_ c: Int) -> Int {
                c < contentCount ? Int(contentSentence[c]) : lastSentence
            }
            let sentenceCount = document.sentences.count
            var starts = PositionTable(capacity: mentions.count), ends = PositionTable(capacity: mentions.count)
            for k in mentions.indices {
                starts.insert(mentions[k].content.lowerBound, k, replacing: false)
                ends.insert(mentions[k].content.upperBound - 1, k, replacing: true)
            }
            mentionAtStart = starts
            mentionAtEnd = ends
            mentionsBySentence = SentenceBuckets(sentences: sentenceCount, items: mentions.count) { sentence(mentions[$0].content.lowerBound) }
            var cueStarts = PositionTable(capacity: cues.count)
            var verbEnds = PositionTable(capacity: cues.count), endingAt = PositionTable(capacity: cues.count)
            for k in cues.indices {
                cueStarts.insert(cues[k].content.lowerBound, k, replacing: true)
                if cues[k].isVerb {
                    verbEnds.insert(cues[k].content.upperBound, k, replacing: true)
                    endingAt.insert(cues[k].content.upperBound, k, replacing: false)
                }
            }
            cueAtStart = cueStarts
            var anyStart = PositionSet(covering: 0..<document.content.count + 1)
            for k in mentions.indices { anyStart.insert(mentions[k].content.lowerBound) }
            for k in cues.indices { anyStart.insert(cues[k].content.lowerBound) }
            anyStarts = anyStart
            cueEnds = verbEnds
            verbCueEndingAt = endingAt
            cuesBySentence = SentenceBuckets(sentences: sentenceCount, items: cues.count) { sentence(cues[$0].content.lowerBound) }
            var markedSentence: [Int?] = [], indirectSentence: [Int?] = []
            markedSentence.reserveCapacity(quotes.count)
            indirectSentence.reserveCapacity(quotes.count)
            for q in quotes.indices {
                if let open = quotes[q].open { markedSentence.append(document.sentenceIndex(at: open)) } else { markedSentence.append(nil) }
                indirectSentence.append(quotes[q].kind == .indirect ? document.sentenceIndex(at: quotes[q].content.lowerBound) : nil)
            }
            markedBySentence = SentenceBuckets(sentences: sentenceCount, items: quotes.count) { markedSentence[$0] }
            indirectBySentence = SentenceBuckets(sentences: sentenceCount, items: quotes.count) { indirectSentence[$0] }
            var number = [Int](repeating: 0, count: document.sentences.count)
            var count = 0
            var q = 0
            let extents = quotes.filter { $0.open != nil }.map(\.extent).sorted { $0.lowerBound < $1.lowerBound }
            for (s, sentence) in document.sentences.enumerated() {
                while q < extents.count, extents[q].upperBound <= sentence.range.lowerBound { q += 1 }
                let quoted = q < extents.count && extents[q].lowerBound <= sentence.range.lowerBound && extents[q].upperBound >= sentence.range.upperBound
                if !quoted { count += 1 }
                number[s] = count
            }
            storyNumber = number
        }
    }

    init(document: Document, lexicon: FrenchLexicon, quotes: [QuoteSpan], quoteCue: [Int?], mentions: [Mention],
         entities: EntityTable, cues: [Cue], previous: [Candidate?] = [], index: Index? = nil) {
        log = DecisionLog(previous)
        self.document = document
        self.lexicon = lexicon
        self.quotes = quotes
        self.quoteCue = quoteCue
        self.mentions = mentions
        self.entities = entities
        self.cues = cues
        self.index = index ?? Index(document: document, mentions: mentions, cues: cues, quotes: quotes)
        memo = MentionMemo(mentions: mentions.count, cues: cues.count)
    }

    /// Records the decision for the next quote.
    func record(_ decision: Candidate?, candidates: [Candidate]) {
        log.append(decision, candidates: candidates)
    }

    /// The candidates proposed for each quote so far (empty lists when the
    /// engine keeps no features, ``AttributionEngine/keepsFeatures``).
    public var candidates: [[Candidate]] { log.candidates }

    // MARK: positions

    /// Content index of the first token after the quote's closing mark (or its words).
    public func contentAfter(_ quote: Int) -> Int { Int(index.quoteAfters[quote]) }

    /// Content index of the opening mark (or the first word).
    public func contentStart(_ quote: Int) -> Int { Int(index.quoteStarts[quote]) }

    /// ``contentStart(_:)`` and ``contentAfter(_:)`` worked out, once per quote by ``Index``.
    fileprivate static func contentBounds(of span: QuoteSpan, in document: Document) -> (start: Int, after: Int) {
        func content(at position: Int) -> Int {
            let t = document.tokenIndex(at: position)
            return t >= document.tokens.count ? document.content.count : Int(document.contentIndex[t])
        }
        return (content(at: span.open ?? span.content.lowerBound), content(at: span.close.map { $0 + 1 } ?? span.content.upperBound))
    }

    /// Sentence index of a content token.
    public func sentence(ofContent c: Int) -> Int {
        guard c < document.content.count else { return max(document.sentences.count - 1, 0) }
        return Int(document.contentSentence[c])
    }

    /// The narrator's sentence number of a content token (see ``Index/storyNumber``).
    public func storySentence(ofContent c: Int) -> Int {
        let s = sentence(ofContent: c)
        return s < index.storyNumber.count ? index.storyNumber[s] : s
    }

    public func cue(startingAt c: Int) -> Int? { index.cueAtStart[c] }
    /// Cue indices in sentence `s`, in text order.
    public func cues(inSentence s: Int) -> SentenceBuckets.Bucket { index.cuesBySentence[s] }
    /// Mention indices in sentence `s`, in text order.
    public func mentions(inSentence s: Int) -> SentenceBuckets.Bucket { index.mentionsBySentence[s] }
    /// Quotes in marks that open in sentence `s`.
    public func markedQuotes(inSentence s: Int) -> SentenceBuckets.Bucket { index.markedBySentence[s] }

    /// Whether content index c lies in the reported clause of an indirect
    /// quote other than `quote` that also holds `quote`'s start: a verb there
    /// is part of what was said ("a fait valoir que l'armée attaquait …, «…»").
    public func insideReportedClause(_ c: Int, of quote: Int) -> Bool {
        let position = document.tokens[document.content[min(c, document.content.count - 1)]].start
        let start = quotes[quote].open ?? quotes[quote].content.lowerBound
        for q in index.indirectBySentence[document.sentenceIndex(at: position)] where q != quote {
            if quotes[q].content.contains(position), quotes[q].content.contains(start) { return true }
        }
        return false
    }
    public func mention(startingAt c: Int) -> Int? { index.mentionAtStart[c] }
    /// The last content position in `range` where a mention or a cue starts: a
    /// walk back over the words that asks at each ``mention(startingAt:)`` and
    /// ``cue(startingAt:)`` can step from one such position to the next.
    func lastStart(in range: Range<Int>) -> Int? { index.anyStarts.last(in: range) }
    public func mention(endingAt c: Int) -> Int? { index.mentionAtEnd[c] }

    // MARK: speakers

    /// The entity of mention `k`, resolving pronouns.
    public func entity(ofMention k: Int) -> Int? {
        let mention = mentions[k]
        if mention.kind == .pronoun { return resolvePronoun(k) }
        guard let e = entities.entityOf[k] else { return nil }
        return entities.entities[e].isWeak && !mentionLooksLikeSpeaker(k) ? nil : e
    }

    /// A lone capitalised word (a weak entity: `Nogent`, `Marne`) speaks only
    /// from a speaker's place: a subject before its verb, or right after a
    /// verb cue (`a dit Tebboune`), never after a preposition.
    private func mentionLooksLikeSpeaker(_ k: Int) -> Bool {
        guard !mentions[k].insideQuote, !isGoverned(k) else { return false }
        if isSubject(k) { return true }
        // A headline or interview line: "Jirès Kembo : « … »".
        let after = mentions[k].content.upperBound
        if after < document.contentKeys.count, document.contentKeys[after].equalsASCII(":") { return true }
        var j = mentions[k].content.lowerBound - 1
        while j >= 0, isFunction(j, .adverb) { j -= 1 }
        if j >= 0 && index.cueEnds[j + 1] != nil { return true }
        // Past a short complement after the verb: "titre en une El Watan", "s'exclame, en Une, Le Parisien".
        var steps = 0
        while j >= 0, steps < 4, document.tokens.kind(document.content[j]) != .quoteMark,
              !KeyList.clauseBreaks.contains(document.contentKeys[j]) {
            j -= 1
            steps += 1
            if let c = index.verbCueEndingAt[j + 1], !cues[c].insideQuote {
                return mention(after: c) == k
            }
        }
        return false
    }

    /// The subject of a verb cue: its inverted pronoun; or the mention just
    /// before it (skipping adverbs, `qui`, an apposition comma) unless that
    /// mention is the object of a preposition (`en Turquie`); or, past an
    /// incidental phrase between commas, the mention before that phrase
    /// (`La cheffe …, en visite en Turquie, a reconnu`).
    public func subject(of c: Int) -> Int? {
        guard memo.cueSubject.indices.contains(c) else { return subjectUncached(of: c) }
        let known = memo.cueSubject[c]
        if known != -2 { return known >= 0 ? Int(known) : nil }
        let answer = subjectUncached(of: c)
        memo.cueSubject[c] = answer.map { Int32($0) } ?? -1
        return answer
    }

    func subjectUncached(of c: Int) -> Int? {
        let cue = cues[c]
        if let inverted = cue.invertedPronoun, let k = mention(startingAt: inverted) { return k }
        let keys = document.contentKeys
        let sentence = self.sentence(ofContent: cue.content.lowerBound)
        // A participial clause ("…, rappelant que") shares the main subject.
        if case .verb(_, _, true) = cue.form {
            // Opening the sentence ("Soulignant que …, Peskov a déclaré"): the subject after the participial clause.
            return mainSubject(ofSentence: sentence, before: cue.content.lowerBound) ?? subjectAfter(cue.content.upperBound, inSentence: sentence)
        }
        var j = cue.content.lowerBound - 1
        var steps = 0
        var commas = 0
        var relative = false
        while j >= 0, steps < 30, self.sentence(ofContent: j) == sentence {
            if let k = mention(endingAt: j), !mentions[k].insideQuote {
                let before = mentions[k].content.lowerBound - 1
                let governed = before >= 0 && (isFunction(before, .preposition) || keys[before].equalsASCII("par")) && mentions[k].kind != .pronoun
                if !governed || relative { return k }
                if commas == 0 { return nil }
            }
            let key = keys[j]
            if key.equalsASCII("qui") { relative = true }
            if KeyList.clauseLinks.contains(key), commas == 0 {
                // Coordinated verbs: "X a annoncé … et a fait savoir que".
                return mainSubject(ofSentence: sentence, before: j)
            }
            if key.equalsASCII(",") {
                commas += 1
                if commas > 2 { return nil }
            } else if commas == 0, !(key.equalsASCII("qui") || isFunction(j, .adverb) || key == "lui-même" || key == "elle-même") {
                return nil
            } else if document.tokens.kind(document.content[j]) == .quoteMark || KeyList.clauseBreaksWithoutEllipsis.contains(key) {
                return nil
            }
            j -= 1
            steps += 1
        }
        return nil
    }

    /// The first mention after content index `start` in the sentence that stands as a subject, outside quotes.
    func subjectAfter(_ start: Int, inSentence sentence: Int) -> Int? {
        mentions(inSentence: sentence).first { k in
            mentions[k].content.lowerBound >= start && !mentions[k].insideQuote && !isGoverned(k) && isSubject(k)
        }
    }

    /// The first mention of a sentence that stands as a subject, before content index `limit`.
    func mainSubject(ofSentence sentence: Int, before limit: Int) -> Int? {
        for k in mentions(inSentence: sentence) where mentions[k].content.upperBound <= limit {
            guard !mentions[k].insideQuote else { continue }
            let before = mentions[k].content.lowerBound - 1
            if before >= 0, isFunction(before, .preposition) { continue }
            if isSubject(k) { return k }
        }
        // A subject separated from its verb ("Le gérant d'un entrepôt ravagé … a contesté"): the sentence's first mention.
        guard let first = document.sentences[min(sentence, document.sentences.count - 1)].tokens.first.map({ Int(document.contentIndex[$0]) }) else { return nil }
        var start = first
        while start < limit, document.tokens[document.content[start]].start < document.bodyStart { start += 1 }
        if let k = mention(startingAt: start), mentions[k].content.upperBound <= limit, !mentions[k].insideQuote, mentions[k].kind != .pronoun || true { return k }
        return nil
    }

    /// The mention right after a cue, skipping adverbs and a short
    /// prepositional phrase (`a affirmé hier le chef …`, `a répondu en turc
    /// M. Aydın`, `a déclaré à l'AFP Jean Dupont`).
    public func mention(after c: Int) -> Int? {
        let keys = document.contentKeys
        var j = cues[c].content.upperBound
        var steps = 0
        var inPhrase = false
        var opened = false
        // "a-t-on appris de source policière / auprès de la mairie": the source after "on" speaks.
        let impersonal = cues[c].invertedPronoun.map { keys[$0].equalsASCII("on") } ?? false
        while j < keys.count, steps < 8 {
            if let k = mention(startingAt: j), !mentions[k].insideQuote || cues[c].insideQuote {
                // A determiner governs a noun phrase, not a proper name: "titre en une El Watan".
                let governed = !impersonal && j > 0 && (isFunction(j - 1, .preposition)
                    || (inPhrase && isFunction(j - 1, .determiner) && mentions[k].kind != .name))
                if !governed || mentions[k].kind == .name && mentions[k].hasHonorific { return k }
                // The phrase is complete: a determiner after it opens the subject ("souligne sur Facebook l'actrice X").
                j = mentions[k].content.upperBound
                inPhrase = false
                steps += 1
                continue
            }
            let key = keys[j]
            // Adverbs and dates: "a déclaré mercredi 25 avril Emmanuel Macron".
            if isFunction(j, .adverb) || lexicon.isWord(lexicon.word(j, of: document), .dateWord)
                || key.unicodeScalars.allSatisfy({ CharacterClass.isDigit($0) }) { j += 1; steps += 1; continue }
            // A complement between commas: "s'exclame, en une, le quotidien".
            if key.equalsASCII(","), j + 1 < keys.count, isFunction(j + 1, .preposition) || isFunction(j + 1, .adverb) {
                opened = true
                j += 1
                steps += 1
                continue
            }
            if key.equalsASCII(","), opened {
                opened = false
                inPhrase = false
                j += 1
                steps += 1
                continue
            }
            // "auprès de" is one preposition in two words.
            if key == "auprès" || isFunction(j, .preposition) || isFunction(j, .determiner)
                || (inPhrase && document.tokens.kind(document.content[j]) == .word) {
                inPhrase = true
                j += 1
                steps += 1
                continue
            }
            return nil
        }
        return nil
    }

    /// The entity a pronoun mention refers to: the most recent agreeing
    /// subject in its sentence, else the last speaker if it agrees, else the
    /// most recent agreeing mention outside quotes within three sentences.
    public func resolvePronoun(_ k: Int) -> Int? {
        if let known = log.resolvedPronoun(k) { return known }
        let entity = resolvingPronoun(k)
        log.remember(pronoun: k, entity, mentionCount: mentions.count)
        return entity
    }

    /// ``resolvePronoun(_:)``, worked out.
    private func resolvingPronoun(_ k: Int) -> Int? {
        let pronoun = mentions[k]
        // An inverted pronoun in an incise ("a-t-elle insisté") is a person far more often than an organisation.
        let organisationsMaySpeak = !(max(0, pronoun.content.lowerBound - 8)...pronoun.content.lowerBound).contains { start in
            index.cueAtStart[start].map { cues[$0].invertedPronoun == pronoun.content.lowerBound } ?? false
        }
        let here = storySentence(ofContent: pronoun.content.lowerBound)
        func agrees(_ e: Int) -> Bool {
            // Fields read in place: a copy of an entity retains and releases each of its fields.
            let (number, kind, gender) = (entities.entities[e].number, entities.entities[e].kind, entities.entities[e].gender)
            // Number agrees for organisations too ("elle" is not "les ONG").
            guard number == pronoun.number else { return false }
            if kind == .organisation { return gender == pronoun.gender && pronoun.number == .plural || gender == pronoun.gender && organisationsMaySpeak }
            return gender.agrees(with: pronoun.gender) && !entities.entities[e].isWeak
        }
        // "ce dernier": the last person named before it.
        if pronoun.roles == ["dernier"] {
            var j = k - 1
            while j >= 0 {
                if !mentions[j].insideQuote, mentions[j].kind == .name || mentions[j].kind == .role, let e = entities.entityOf[j], agrees(e) { return e }
                j -= 1
            }
            return nil
        }
        // Mentions governed by a preposition ("par un interprète") are not antecedents.
        func governed(_ j: Int) -> Bool {
            let before = mentions[j].content.lowerBound - 1
            return before >= 0 && isFunction(before, .preposition) && !document.contentKeys[before].equalsASCII("de")
        }
        // 1. A subject earlier in the same sentence.
        var j = k - 1
        while j >= 0, storySentence(ofContent: mentions[j].content.lowerBound) == here {
            if !mentions[j].insideQuote, mentions[j].kind != .pronoun, let e = entities.entityOf[j], agrees(e), isSubject(j) { return e }
            j -= 1
        }
        // 2. The subject of the previous sentence ("X a été l'artisan du succès. «…», a-t-il lancé").
        j = k - 1
        while j >= 0, storySentence(ofContent: mentions[j].content.lowerBound) >= here - 1 {
            if storySentence(ofContent: mentions[j].content.lowerBound) == here - 1, !mentions[j].insideQuote, mentions[j].kind != .pronoun,
               !governed(j), isSubject(j), let e = entities.entityOf[j], agrees(e), entities.entities[e].kind != .organisation {
                // The earliest subject of that sentence is its main subject.
                var first = e
                var i = j - 1
                while i >= 0, storySentence(ofContent: mentions[i].content.lowerBound) == here - 1 {
                    if !mentions[i].insideQuote, mentions[i].kind != .pronoun, !governed(i), isSubject(i), let f = entities.entityOf[i], agrees(f),
                       entities.entities[f].kind != .organisation { first = f }
                    i -= 1
                }
                return first
            }
            j -= 1
        }
        // 3. The last speaker.
        if let index = log.lastDecided(before: log.decisions.count), let last = log.decisions[index], agrees(last.entity) {
            let lastSentence = last.mention.map { storySentence(ofContent: mentions[$0].content.lowerBound) } ?? here
            if here - lastSentence <= 6 { return last.entity }
        }
        // 4. The most recent agreeing mention.
        j = k - 1
        while j >= 0, here - storySentence(ofContent: mentions[j].content.lowerBound) <= 3 {
            if !mentions[j].insideQuote, mentions[j].kind != .pronoun, !governed(j), let e = entities.entityOf[j], agrees(e) { return e }
            j -= 1
        }
        // 5. A chain over paragraphs: the most recent agreeing subject within three paragraphs.
        return antecedents(k, paragraphs: 3, limit: 1).first
    }

    /// A candidate whose mention is a pronoun, followed by candidates for the
    /// pronoun's other possible antecedents (two at most), for the model to weigh.
    public func withAlternatives(_ candidate: Candidate) -> [Candidate] {
        var found: [Candidate] = []
        appendWithAlternatives(candidate, to: &found)
        return found
    }

    /// ``withAlternatives(_:)`` appended to `candidates`, in its order (what the rules call:
    /// no array of their own).
    func appendWithAlternatives(_ candidate: Candidate, to candidates: inout [Candidate]) {
        candidates.append(candidate)
        guard let k = candidate.mention, mentions[k].kind == .pronoun else { return }
        for e in antecedents(k, paragraphs: 2, limit: 3).filter({ $0 != candidate.entity }).prefix(2) {
            candidates.append(Candidate(rule: candidate.rule, entity: e, mention: k, cue: candidate.cue))
        }
    }

    /// Every entity pronoun mention `k` could refer to: people (or, for a
    /// plural, groups) agreeing in gender and number, named as subjects
    /// outside quotes in its paragraph or the `paragraphs` before it, most
    /// recent first. The pronoun's own resolution need not be first.
    /// The walk stops at `limit` entities, and after `AttributionContext.antecedentWindow`
    /// mentions, so that a paragraph of thousands of pronouns costs the same per pronoun.
    public func antecedents(_ k: Int, paragraphs: Int, limit: Int = .max) -> [Int] {
        let pronounNumber = mentions[k].number
        let pronounGender = mentions[k].gender
        let paragraph = document.paragraphIndex(at: mentions[k].range.lowerBound)
        let floor = max(0, k - AttributionContext.antecedentWindow)
        var found: [Int] = []
        var j = k - 1
        while j >= floor, found.count < limit, paragraph - document.paragraphIndex(at: mentions[j].range.lowerBound) <= paragraphs {
            if !mentions[j].insideQuote, mentions[j].kind != .pronoun, let e = entities.entityOf[j], !found.contains(e), isSubject(j) {
                // Fields read in place: a copy of an entity retains and releases each of its fields.
                let table = entities.entities
                let fits = table[e].number == pronounNumber && table[e].gender.agrees(with: pronounGender) && !table[e].isWeak
                    && (table[e].kind == .person || pronounNumber == .plural)
                if fits { found.append(e) }
            }
            j -= 1
        }
        return found
    }

    /// How many mentions back a pronoun's antecedents are looked for: far more
    /// than three paragraphs of news hold.
    static let antecedentWindow = 400

    /// How many different entities could be the antecedent of pronoun
    /// mention `k`: those agreeing in gender and number, named outside
    /// quotes in its sentence (before it) or the three sentences before.
    public func antecedentCount(_ k: Int) -> Int {
        // Fields read in place: a copy of a mention or an entity retains and releases each of its fields.
        let (number, gender) = (mentions[k].number, mentions[k].gender)
        let here = storySentence(ofContent: mentions[k].content.lowerBound)
        let table = entities.entities
        var seen = PositionSet(covering: table.indices)
        var j = k - 1
        while j >= 0, here - storySentence(ofContent: mentions[j].content.lowerBound) <= 3 {
            if !mentions[j].insideQuote, mentions[j].kind != .pronoun, let e = entities.entityOf[j],
               table[e].number == number, table[e].kind != .organisation, table[e].gender.agrees(with: gender), !table[e].isWeak {
                seen.insert(e)
            }
            j -= 1
        }
        return max(seen.count, 1)
    }

    /// A mention followed by a verb (its subject role).
    func isSubject(_ k: Int) -> Bool {
        // Out of range, the mentions' own check stops it below.
        guard memo.subject.indices.contains(k) else { return isSubjectUncached(k) }
        let known = memo.subject[k]
        if known != 0 { return known == 2 }
        let answer = isSubjectUncached(k)
        memo.subject[k] = answer ? 2 : 1
        return answer
    }

    private func isSubjectUncached(_ k: Int) -> Bool {
        let keys = document.contentKeys
        var j = mentions[k].content.upperBound
        // Past an apposition between commas: "X, auteur de seize arrêts, se montrait".
        if j < keys.count, keys[j].equalsASCII(",") {
            var close = j + 1
            while close < keys.count, close - j <= 10, !keys[close].equalsASCII(","), !keys[close].equalsASCII(".") { close += 1 }
            if close < keys.count, keys[close].equalsASCII(","), close + 1 < keys.count {
                if isVerbStart(at: close + 1) { return true }
                let token = document.tokens[document.content[close + 1]]
                if opensSentence(k),
                   token.kind == .word, !token.isCapitalized, !lexicon.isFunctionWord(lexicon.word(close + 1, of: document)) { return true }
            }
        }
        var steps = 0
        while j < keys.count, steps < 3, keys[j].equalsASCII(",") || isFunction(j, .adverb) || keys[j].equalsASCII("qui") { j += 1; steps += 1 }
        // Past a short name in marks: "X «du Quotidien» doute que".
        if j < keys.count, document.tokens.kind(document.content[j]) == .quoteMark {
            var close = j + 1
            while close < keys.count, close - j <= 6, document.tokens.kind(document.content[close]) != .quoteMark { close += 1 }
            if close < keys.count, close - j <= 6, document.tokens.kind(document.content[close]) == .quoteMark { j = close + 1 }
        }
        guard j < keys.count else { return false }
        if isVerbStart(at: j) { return true }
        if let c = cue(startingAt: j), cues[c].isVerb, !cues[c].insideQuote { return true }
        // At the start of its sentence, a mention followed by a plain lowercase
        // word is the subject of a verb the lexicon does not list ("X refuse de …").
        let token = document.tokens[document.content[j]]
        return opensSentence(k) && j == mentions[k].content.upperBound && token.kind == .word && !token.isCapitalized
            && !lexicon.isFunctionWord(lexicon.word(j, of: document))
    }

    /// The source that relays verb cue `c`: a reporting preposition before
    /// it in its sentence (`Selon l'agence Tass, M. Peskov a assuré que …`),
    /// whose mention is not the speaker's entity. Returns the source's mention.
    public func relay(of c: Int, speaker: Int) -> Int? {
        let cue = cues[c]
        guard cue.isVerb else { return nil }
        for p in cues(inSentence: sentence(ofContent: cue.content.lowerBound)) where p != c {
            let preposition = cues[p]
            guard !preposition.isVerb, !preposition.insideQuote, preposition.content.upperBound <= cue.content.lowerBound else { continue }
            var j = preposition.content.upperBound
            while j < cue.content.lowerBound, j - preposition.content.upperBound < 3, mention(startingAt: j) == nil { j += 1 }
            if let k = mention(startingAt: j), !mentions[k].insideQuote, entities.entityOf[k] != speaker, mentions[k].kind != .pronoun {
                return k
            }
        }
        return nil
    }

    /// Whether mention k is the object of a preposition (`sur le rapport`, `aux États-Unis`).
    public func isGoverned(_ k: Int) -> Bool {
        let before = mentions[k].content.lowerBound - 1
        guard before >= 0 else { return false }
        return isFunction(before, .preposition) || KeyList.prepositionsBeforePlace.contains(document.contentKeys[before])
    }

    /// Whether mention k stands among the first words of its sentence (after a role: "Le gardien Tom Weber").
    public func opensSentence(_ k: Int) -> Bool {
        let start = mentions[k].content.lowerBound
        var first = start
        while first > 0, sentence(ofContent: first - 1) == sentence(ofContent: start) { first -= 1 }
        while first < start, document.tokens[document.content[first]].start < document.bodyStart { first += 1 }
        return start - first <= 4
    }

    /// An auxiliary, a speech verb, or a clitic that opens a verb group.
    private func isVerbStart(at c: Int) -> Bool {
        let id = lexicon.word(c, of: document)
        if lexicon.isFunction(id, .auxAvoir) || lexicon.isFunction(id, .auxEtre) || lexicon.verbFormsByWord[id] != nil { return true }
        let key = document.contentKeys[c]
        return key.equalsASCII("n'") || key.equalsASCII("ne") || key.equalsASCII("s'") || key.equalsASCII("se") || key.equalsASCII("y")
    }

    /// Whether content token `c` is a function word of `functionClass`, by its word id
    /// (the rules ask it too).
    @inline(__always)
    func isFunction(_ c: Int, _ functionClass: FrenchLexicon.FunctionClass) -> Bool {
        lexicon.isFunction(lexicon.word(c, of: document), functionClass)
    }
}

/// Indices (of mentions, cues, quotes) grouped by sentence, in increasing
/// order within each: one array of all of them sorted by sentence and where
/// each sentence's run starts (4 bytes an index, 4 a sentence), instead of
/// a dictionary of arrays, one allocation per sentence.
///
/// ```swift
/// let buckets = SentenceBuckets(sentences: 3, items: 4) { [2, 0, 2, nil][$0] }
/// Array(buckets[2])    // [0, 2]
/// buckets[1].isEmpty   // true
/// ```
public struct SentenceBuckets: Sendable {
    /// Where each sentence's indices start in `items`, then the end.
    private let starts: [Int32]
    private let items: [Int32]

    /// Groups the indices `0..<items` by `sentence(index)`; an index whose
    /// sentence is nil belongs to none.
    init(sentences: Int, items count: Int, sentence: (Int) -> Int?) {
        var owner = [Int32].filled(-1, count: count)
        var sizes = [Int32].filled(0, count: max(sentences, 0) + 1)
        for k in 0..<count {
            guard let s = sentence(k), s >= 0 else { continue }
            if s + 1 >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: s + 2 - sizes.count)) }
            owner[k] = Int32(s)
            sizes[s + 1] += 1
        }
        for s in 1..<sizes.count { sizes[s] += sizes[s - 1] }
        var next = sizes
        var sorted = [Int32].filled(0, count: Int(sizes[sizes.count - 1]))
        for k in 0..<count where owner[k] >= 0 {
            let s = Int(owner[k])
            sorted[Int(next[s])] = Int32(k)
            next[s] += 1
        }
        starts = sizes
        items = sorted
    }

    /// The indices in sentence `s`, in increasing order (none past the last sentence).
    public subscript(s: Int) -> Bucket {
        guard s >= 0, s + 1 < starts.count else { return Bucket(items: items, range: 0..<0) }
        return Bucket(items: items, range: Int(starts[s])..<Int(starts[s + 1]))
    }

    /// One sentence's indices.
    public struct Bucket: RandomAccessCollection, Sendable {
        let items: [Int32]
        let range: Range<Int>

        public var startIndex: Int { 0 }
        public var endIndex: Int { range.count }

        @inline(__always)
        public subscript(i: Int) -> Int { Int(items[range.lowerBound + i]) }
    }
}

/// Content positions → an index (of a mention, a cue), or nil: open
/// addressing over the position times a constant, so the look-ups the rules
/// make at every word they walk back over cost a multiplication and an array
/// read or two instead of hashing the position with SipHash. Sized by the
/// entries it holds, not by the document.
struct PositionTable: Sendable {
    private var keys: [Int32]
    private var values: [Int32]
    private let shift: UInt64

    /// Room for `capacity` positions.
    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * capacity { bits += 1 }
        keys = .filled(-1, count: 1 << bits)
        values = .filled(0, count: 1 << bits)
        shift = 64 - bits
    }

    @inline(__always)
    private func slot(_ position: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: position) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(position: Int) -> Int? {
        guard position >= 0, position <= Int(Int32.max) else { return nil }
        let key = Int32(position), mask = keys.count - 1
        var i = slot(position)
        while true {
            let k = keys[i]
            if k == key { return Int(values[i]) }
            if k < 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets the index at `position`; when one is there already, replaces it
    /// only if `replacing`.
    mutating func insert(_ position: Int, _ value: Int, replacing: Bool) {
        guard position >= 0, position <= Int(Int32.max) else { return }
        let key = Int32(position), mask = keys.count - 1
        var i = slot(position)
        while keys[i] >= 0, keys[i] != key { i = (i + 1) & mask }
        if keys[i] == key, !replacing { return }
        keys[i] = key
        values[i] = Int32(value)
    }
}
