/// Finds reported speech without marks and returns it as `indirect` spans,
/// each with the cue that introduces it:
///
/// - que-clauses: `X a affirmé que …`, `a fait savoir qu'…`, `a insisté sur
///   le fait que …`, `a assuré aux journalistes que …`;
/// - prepositions: `Selon X, …` and `…, selon X.` (also `d'après`, `pour X,`);
/// - the inverted news lede: `…, a affirmé hier le chef de la diplomatie russe, Sergueï Lavrov.`
///
/// The span is the reported clause, final period excluded. A clause that is
/// one quote in marks is left to that quote; a speech verb with a plain
/// object (`a annoncé des sanctions`) gives nothing.
public struct IndirectFinder: Sendable {
    let lexicon: FrenchLexicon

    public init(lexicon: FrenchLexicon) { self.lexicon = lexicon }

    /// Indirect spans with the index of their cue in `cues`.
    public func find(in document: Document, cues: [Cue], marked: [QuoteSpan]) -> [(span: QuoteSpan, cue: Int)] {
        var result: [(QuoteSpan, Int)] = []
        let keys = document.contentKeys
        let m = keys.count
        var taken: [Range<Int>] = []
        let cueAtStart = Dictionary(cues.enumerated().map { ($0.element.content.lowerBound, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Marked quotes are sorted and do not overlap: find those near a range by binary search.
        func markedNear(_ range: Range<Int>) -> ArraySlice<QuoteSpan> {
            var low = 0, high = marked.count
            while low < high {
                let mid = (low + high) / 2
                if marked[mid].extent.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
            }
            var end = low
            while end < marked.count, marked[end].extent.lowerBound < range.upperBound { end += 1 }
            return marked[low..<end]
        }
        for (index, cue) in cues.enumerated() where !cue.insideQuote {
            var clause: Range<Int>? = nil   // content indices
            switch cue.form {
            case .verb(_, _, let nonFinite):
                if let start = queClauseStart(document, after: cue) {
                    clause = start..<clauseEnd(document, from: start, cues: cues, cueAtStart: cueAtStart)
                } else if !nonFinite, let lede = ledeClause(document, cue: cue) {
                    clause = lede
                } else if !nonFinite, let back = pointedBackClause(document, cue: cue) {
                    clause = back
                }
            case .preposition:
                clause = prepositionClause(document, cue: cue)
                // A relay: "Selon l'agence Tass, M. Peskov a assuré que …" reports Peskov's
                // que-clause, which the verb's own cue gives; the source only relays it.
                if let found = clause, relaysVerb(document, cues: cues, cueAtStart: cueAtStart, in: found) { clause = nil }
            }
            guard var content = clause, !content.isEmpty, content.upperBound <= m else { continue }
            // Drop a final period, spaces and closing punctuation.
            while content.count > 1, KeyList.phraseEnds.contains(keys[content.upperBound - 1]) {
                content = content.lowerBound..<(content.upperBound - 1)
            }
            let range = document.workingRange(content: content.lowerBound, through: content.upperBound - 1)
            let near = markedNear(range)
            // A clause that is mostly marked quotes belongs to them.
            if near.contains(where: { covers($0.extent, range, fraction: 0.5) && $0.kind == .direct }) { continue }
            // A clause that is one marked quote belongs to that quote.
            if near.contains(where: { $0.extent.lowerBound <= range.lowerBound && $0.extent.upperBound >= range.upperBound - 1 }) { continue }
            if near.contains(where: { covers($0.extent, range, fraction: 0.9) }) { continue }
            // Not inside a quote in marks.
            if near.contains(where: { $0.content.contains(range.lowerBound) }) { continue }
            if taken.suffix(8).contains(where: { $0.overlaps(range) }) { continue }
            taken.append(range)
            result.append((QuoteSpan(content: range, open: nil, close: nil, kind: .indirect, style: .none), index))
        }
        return result
    }

    private func covers(_ extent: Range<Int>, _ range: Range<Int>, fraction: Double) -> Bool {
        let overlap = max(0, min(extent.upperBound, range.upperBound) - max(extent.lowerBound, range.lowerBound))
        return Double(overlap) >= fraction * Double(range.count)
    }

    /// The content index just after `que`/`qu'` when the cue governs a que-clause.
    func queClauseStart(_ document: Document, after cue: Cue) -> Int? {
        let keys = document.contentKeys
        var j = cue.content.upperBound
        var steps = 0
        let paragraph = document.paragraphPositions(document.paragraphIndex(at: cue.range.lowerBound))
        // Up to a dozen words between the verb and que: "a affirmé en polonais, selon l'interprète, qu'il …".
        while j < keys.count, steps < 14 {
            let key = keys[j]
            // A headline's verb does not reach into the next paragraph.
            if !paragraph.contains(document.tokens[document.content[j]].start) { return nil }
            if key.equalsASCII("que") || key.equalsASCII("qu'") {
                let afterWord = j > cue.content.upperBound
                // The que of a conjunction opens no reported clause: "alors que", "bien qu'", "pendant que".
                if afterWord, lexicon.isFunction(keys[j - 1] + " " + key, .conjunction) {
                    j += 1
                    steps += 1
                    continue
                }
                // "a relaté ce qu'a dit le maire": what was said is the object, not a clause.
                if afterWord, keys[j - 1].equalsASCII("ce") { return nil }
                if isRelative(document, que: j, after: cue.content.upperBound) { return nil }
                return j + 1 < keys.count ? j + 1 : nil
            }
            let token = document.tokens[document.content[j]]
            if token.kind == .quoteMark || key.equalsASCII(".") || key.equalsASCII(";") || key.equalsASCII(":")
                || key.equalsASCII("!") || key.equalsASCII("?") { return nil }
            // By word id (the lexicon numbers every verb form and adverb).
            let id = lexicon.word(j, of: document)
            if lexicon.verbFormsByWord.hasValue(id) && !lexicon.isFunction(id, .adverb) && !key.equalsASCII("fait") { return nil }
            j += 1
            steps += 1
        }
        return nil
    }

    /// Whether the `que` at content index `q` is a relative pronoun after the
    /// verb's direct object, not the start of what was said: `a rejeté ces
    /// accusations qu'il juge infondées`, `commente le classement que publie
    /// la ligue`. The object is a determiner and a lowercase noun right
    /// before `que`, with no preposition before the determiner (`a dit aux
    /// journalistes que` is speech), that names neither a person or a body
    /// (`a prévenu ses partisans que`, `a averti le gouvernement que`), a
    /// moment (`a annoncé ce matin que`) nor what is said (`a souligné le
    /// fait que`, `l'espoir que`).
    func isRelative(_ document: Document, que q: Int, after verbEnd: Int) -> Bool {
        let noun = q - 1, determiner = q - 2
        guard determiner >= verbEnd else { return false }
        let token = document.tokens[document.content[noun]]
        guard token.kind == .word, !token.isCapitalized else { return false }
        let id = lexicon.word(noun, of: document)
        guard isWord(document, determiner, .definite) || isWord(document, determiner, .indefinite) else { return false }
        if determiner > verbEnd, lexicon.isFunction(lexicon.word(determiner - 1, of: document), .preposition) { return false }
        if lexicon.isFunctionWord(id) || lexicon.verbFormsByWord[id] != nil { return false }
        if lexicon.isWord(id, .timeNoun) || lexicon.isWord(id, .clauseNoun) || lexicon.isWord(id, .dateWord) { return false }
        if lexicon.personNouns.startsEntry(id) || lexicon.organisationNouns.startsEntry(id) || lexicon.nationalityByWord[id] != nil { return false }
        return true
    }

    /// Where a clause starting at `start` ends: the sentence end, or a comma
    /// before an incise cue (`…, a-t-il ajouté`).
    func clauseEnd(_ document: Document, from start: Int, cues: [Cue], cueAtStart: [Int: Int]) -> Int {
        let keys = document.contentKeys
        let sentence = Int(document.contentSentence[start])
        var j = start
        // A reported clause is a clause: a few hundred words at most (keeps long runs linear).
        while j < keys.count, j - start < 400, Int(document.contentSentence[j]) == sentence {
            if keys[j].equalsASCII(","), let nextIndex = cueAtStart[j + 1], case let next = cues[nextIndex],
               !next.isVerb || next.invertedPronoun != nil || isFollowedByMention(document, next) {
                // "…, a-t-il ajouté", "…, selon une traduction de ses propos".
                return j
            }
            j += 1
        }
        return j
    }

    /// The words that may open a sentence before `ce qu'` and a verb that
    /// points back: `C'est ce qu'a déclaré X`, `C'est du moins ce qu'a
    /// affirmé X`, `Voilà ce qu'a dit X`, `Ce qu'a confirmé X`.
    static let pointingBackOpeners: Set<String> = ["c'", "est", "voilà", "du", "moins", "en", "tout", "cas", "ainsi", "bien"]

    /// `Sentence. C'est ce qu'a déclaré le président X.`: the sentence
    /// before, which the verb reports, in the same paragraph or closing the
    /// one before.
    func pointedBackClause(_ document: Document, cue: Cue) -> Range<Int>? {
        let keys = document.contentKeys
        let first = cue.content.lowerBound
        guard first >= 2, keys[first - 1].equalsASCII("qu'") || keys[first - 1].equalsASCII("que"), keys[first - 2].equalsASCII("ce"),
              isFollowedByMention(document, cue) else { return nil }
        let sentenceIndex = Int(document.contentSentence[first])
        guard sentenceIndex > 0 else { return nil }
        let start = Int(document.contentIndex[document.sentences[sentenceIndex].tokens.lowerBound])
        guard first - 2 - start <= 4, keys[start..<(first - 2)].allSatisfy({ Self.pointingBackOpeners.contains($0) }) else { return nil }
        // The nearest sentence before with words (a paragraph break may stand between).
        var p = sentenceIndex - 1
        while p > 0, Int(document.contentIndex[document.sentences[p].tokens.lowerBound]) >= start { p -= 1 }
        let previous = document.sentences[p]
        guard document.sentences[sentenceIndex].paragraph - previous.paragraph <= 1 else { return nil }
        var from = Int(document.contentIndex[previous.tokens.lowerBound])
        while from < start, document.tokens[document.content[from]].start < document.bodyStart { from += 1 }
        guard start - from >= 4, start - from < 400 else { return nil }
        return from..<start
    }

    /// `…, a affirmé hier le chef …, X.`: from the sentence start to the comma.
    func ledeClause(_ document: Document, cue: Cue) -> Range<Int>? {
        let keys = document.contentKeys
        let first = cue.content.lowerBound
        // "…, a-t-on appris de source policière": an impersonal inverted "on" keeps the lede.
        let impersonal = cue.invertedPronoun.map { keys[$0].equalsASCII("on") } ?? true
        guard first >= 2, keys[first - 1].equalsASCII(","), impersonal, isFollowedByMention(document, cue) else { return nil }
        // The words before the comma must not end with a closing mark (that is a quote's incise).
        let before = document.tokens[document.content[first - 2]]
        if before.kind == .quoteMark { return nil }
        // The speaker closes the sentence: no quote or colon after the cue
        // ("X, avocat de la défense, a contesté ces conclusions : «…»" is no lede).
        var k = cue.content.upperBound
        let sentenceIndex = document.contentSentence[first]
        while k < keys.count, k - cue.content.upperBound < 200, document.contentSentence[k] == sentenceIndex {
            if keys[k].equalsASCII(":") || document.tokens.kind(document.content[k]) == .quoteMark { return nil }
            k += 1
        }
        let sentence = document.sentences[Int(document.contentSentence[first])]
        var start = Int(document.contentIndex[sentence.tokens.lowerBound])
        // Skip a dateline that shares the sentence.
        while start < first, document.tokens[document.content[start]].start < document.bodyStart { start += 1 }
        guard first - 1 - start >= 4, first - 1 - start < 400 else { return nil }
        return start..<(first - 1)
    }

    /// Whether a clause opens with a subject and a verb cue of its own that
    /// reports speech (`M. Peskov a assuré que …`, `le ministre a déclaré :`).
    func relaysVerb(_ document: Document, cues: [Cue], cueAtStart: [Int: Int], in clause: Range<Int>) -> Bool {
        let keys = document.contentKeys
        let words = lexicon.words(of: document)
        var j = clause.lowerBound
        // Past appositions between commas ("le ministre de l'Énergie, Nabil Azzi, a assuré que").
        var commas = 0
        while j < clause.upperBound, j - clause.lowerBound <= 24 {
            if let (_, length) = lexicon.honorifics.match(words: words, at: j) { j += length; continue }
            if let c = cueAtStart[j], cues[c].isVerb, j > clause.lowerBound {
                if case .verb(_, _, true) = cues[c].form { return false }
                return queClauseStart(document, after: cues[c]) != nil
                    || (cues[c].content.upperBound < keys.count && keys[cues[c].content.upperBound].equalsASCII(":"))
            }
            if keys[j].equalsASCII(",") { commas += 1; if commas > 2 { return false } }
            if keys[j].equalsASCII(".") || keys[j].equalsASCII(";") || document.tokens.kind(document.content[j]) == .quoteMark { return false }
            j += 1
        }
        return false
    }

    /// `Selon X, clause.` or `clause, selon X.`
    func prepositionClause(_ document: Document, cue: Cue) -> Range<Int>? {
        let keys = document.contentKeys
        // "selon une traduction", "selon les chiffres": no speaker, no reported speech.
        if cue.content.count == 1 {
            let next = cue.content.upperBound
            guard next < keys.count else { return nil }
            let pronoun = KeyList.stressedPronouns.contains(keys[next])
            guard pronoun || isMentionStart(document, next) else { return nil }
        }
        let sentence = document.sentences[Int(document.contentSentence[cue.content.lowerBound])]
        let sentenceStart = Int(document.contentIndex[sentence.tokens.lowerBound])
        var sentenceEnd = Int(document.contentIndex[min(sentence.tokens.upperBound, document.tokens.count - 1)])
        if sentence.tokens.upperBound >= document.tokens.count { sentenceEnd = keys.count }
        var start = sentenceStart
        while start < cue.content.lowerBound, document.tokens[document.content[start]].start < document.bodyStart { start += 1 }
        if cue.content.lowerBound == start {
            // Selon X, clause. (Past an apposed name: "Pour leur porte-parole, Andrés Molina, le plan …")
            var j = cue.content.upperBound
            while j < sentenceEnd, !keys[j].equalsASCII(",") {
                if document.tokens.kind(document.content[j]) == .quoteMark || j - cue.content.upperBound > 40 { return nil }
                j += 1
            }
            if j + 1 < sentenceEnd, document.tokens[document.content[j + 1]].isCapitalized {
                var k = j + 1
                while k < sentenceEnd, k - j <= 5, !keys[k].equalsASCII(",") { k += 1 }
                if k < sentenceEnd, keys[k].equalsASCII(","), (j + 1..<k).allSatisfy({ document.tokens[document.content[$0]].isCapitalized || isWord(document, $0, .nameParticle) || keys[$0].equalsASCII("-") }) {
                    j = k
                }
            }
            guard j + 1 < sentenceEnd else { return nil }
            return (j + 1)..<min(sentenceEnd, j + 401)
        }
        // clause, selon X.
        guard cue.content.lowerBound >= 1, keys[cue.content.lowerBound - 1].equalsASCII(",") else { return nil }
        // X then the sentence end.
        var j = cue.content.upperBound
        while j < sentenceEnd, !keys[j].equalsASCII(","), j - cue.content.upperBound < 40 { j += 1 }
        guard j >= sentenceEnd - 1 || keys[j].equalsASCII(",") && j + 1 >= sentenceEnd - 1 else { return nil }
        let end = cue.content.lowerBound - 1
        guard end - start >= 3, end - start < 400 else { return nil }
        return start..<end
    }

    /// After the cue and a few adverbs, a determiner, a capitalised word or an honorific.
    func isFollowedByMention(_ document: Document, _ cue: Cue) -> Bool {
        let keys = document.contentKeys
        var j = cue.content.upperBound
        var steps = 0
        while j < keys.count, steps < 4, lexicon.isFunction(lexicon.word(j, of: document), .adverb) { j += 1; steps += 1 }
        // "a-t-on appris de source policière / auprès de la préfecture".
        if let inverted = cue.invertedPronoun, keys[inverted].equalsASCII("on"), j + 1 < keys.count {
            if keys[j] == "auprès", j + 2 < keys.count, KeyList.complementLinks.contains(keys[j + 1]) { return true }
            if keys[j].equalsASCII("de"), keys[j + 1].equalsASCII("source") || keys[j + 1].equalsASCII("sources") { return true }
        }
        return isMentionStart(document, j)
    }

    /// Whether content token `c` is in the lexicon's list of `wordClass`
    /// (`word-classes.tsv`), by its word id.
    private func isWord(_ document: Document, _ c: Int, _ wordClass: FrenchLexicon.WordClass) -> Bool {
        lexicon.isWord(lexicon.word(c, of: document), wordClass)
    }

    /// Whether a speaker mention can start at content index `j`.
    func isMentionStart(_ document: Document, _ j: Int) -> Bool {
        let keys = document.contentKeys
        guard j < keys.count else { return false }
        let token = document.tokens[document.content[j]]
        if token.isCapitalized { return true }
        let words = lexicon.words(of: document)
        if lexicon.honorifics.match(words: words, at: j) != nil { return true }
        if isWord(document, j, .definite) || isWord(document, j, .indefinite) {
            return j + 1 < keys.count && (lexicon.personNouns.match(words: words, at: j + 1) != nil || lexicon.organisationNouns.match(words: words, at: j + 1) != nil
                || document.tokens[document.content[j + 1]].isCapitalized || isWord(document, j + 1, .preNominal))
        }
        return false
    }
}
