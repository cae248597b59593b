/// Finds speech cues: verb groups built from the speech-verb lexicon with
/// their auxiliaries, clitics, negation, adverbs and inverted pronouns
/// (`a dit`, `a-t-il dit`, `dit-il`, `ajoute-t-elle`, `s'est-il interrogé`,
/// `n'a pas caché`, `a fait savoir`, `y a vu`), and reporting prepositions
/// (`selon`, `d'après`).
///
/// A past participle needs its auxiliary; a finite form after a determiner
/// is a noun (`une note`), not a cue.
/// - Complexity: O(n) in the number of tokens.
public struct CueFinder: Sendable {
    let lexicon: FrenchLexicon
    /// For each word of the lexicon, whether a cue can start on it: a listed
    /// verb form or the first word of a reporting phrase.
    private let startsCue: [Bool]

    public init(lexicon: FrenchLexicon) {
        self.lexicon = lexicon
        startsCue = (0..<lexicon.words.count).map { raw in
            let w = WordID(raw: Int32(raw))
            return lexicon.verbFormsByWord.hasValue(w) || lexicon.reportingCues.startsEntry(w)
        }
    }

    public func cues(in document: Document, quotes: [QuoteSpan]) -> [Cue] {
        let keys = document.contentKeys
        let words = lexicon.words(of: document)
        let m = keys.count
        var cues: [Cue] = []
        var i = 0
        while i < m {
            // Most words are neither a listed verb form nor the first word of a
            // reporting phrase: they are passed over in one scan.
            i = words.first(markedIn: startsCue, in: i..<m)
            guard i < m else { break }
            let word = words[i]
            if lexicon.verbFormsByWord.hasValue(word), let cue = verbCue(document, words, at: i) {
                cues.append(cue)
                i = cue.content.upperBound
                continue
            }
            if lexicon.reportingCues.startsEntry(word), let (strength, length) = lexicon.reportingCues.match(words: words, at: i),
               isPrepositionCue(document, i, length) {
                let range = document.workingRange(content: i, through: i + length - 1)
                cues.append(Cue(form: .preposition, strength: strength, content: i..<(i + length), range: range, insideQuote: false))
                i += length
                continue
            }
            i += 1
        }
        addInciseCues(document, words, quotes: quotes, to: &cues)
        for (index, inside) in quotes.marksInside(cues.map(\.range.lowerBound)).enumerated() where inside { cues[index].insideQuote = true }
        return cues
    }

    /// Incises are syntax, not vocabulary: right after a closing mark (past
    /// `,` `!` `?` `…` or a dash), or after a comma inside the marks, a verb
    /// with an inverted subject (`tempête-t-il`, `s'agace-t-elle`,
    /// `a-t-il tonné`), a verb followed by its subject at the end of the
    /// sentence (`tance la ministre.`, `sourit Tebboune.`), or a subject
    /// pronoun and its verb (`il insiste.`) is a speech cue whatever the verb.
    /// Such cues are marked ``Cue/isKnownVerb`` false.
    func addInciseCues(_ document: Document, _ words: ContentWords, quotes: [QuoteSpan], to cues: inout [Cue]) {
        let keys = document.contentKeys
        // Content positions run up to the count (a cue ending the text).
        let positions = 0..<keys.count + 1
        var starts = PositionSet(cues.lazy.map(\.content.lowerBound), covering: positions)
        var added: [Cue] = []
        func contentIndex(_ position: Int) -> Int {
            let t = document.tokenIndex(at: position)
            return t >= document.tokens.count ? keys.count : Int(document.contentIndex[t])
        }
        var slots: [Int] = []
        for quote in quotes where quote.kind != .nonspeech {
            if let close = quote.close {
                var c = contentIndex(close + 1)
                if c < keys.count, KeyList.marksOrDashesBeforeIncise.contains(keys[c]) { c += 1 }
                slots.append(c)
            }
            // Inside the marks: "«A, raconte la directrice. B»".
            if quote.open != nil {
                var c = contentIndex(quote.content.lowerBound)
                let end = contentIndex(quote.content.upperBound)
                while c < end {
                    if keys[c].equalsASCII(",") { slots.append(c + 1) }
                    c += 1
                }
            }
        }
        for c in slots where c < keys.count && !starts.contains(c) {
            if let cue = syntacticIncise(document, words, at: c) {
                added.append(cue)
                starts.insert(cue.content.lowerBound)
            }
        }
        // Before the opening mark: "Liberté titre : «…»", "le directeur du journal a vu «…»".
        let ends = PositionSet(cues.lazy.map(\.content.upperBound), covering: positions)
        // The earliest end of a cue in each sentence (Int.max: none), by sentence index: one
        // look-up per quote, whatever the document's size, and no hashing.
        var earliestEnd = [Int](repeating: Int.max, count: max(document.sentences.count, 1))
        for cue in cues {
            let s = Int(document.contentSentence[cue.content.lowerBound])
            earliestEnd[s] = min(earliestEnd[s], cue.content.upperBound)
        }
        for quote in quotes where quote.kind != .nonspeech {
            guard let open = quote.open else { continue }
            let mark = contentIndex(open)
            guard mark > 1, mark < keys.count else { continue }
            // A verb inside the clause of an earlier cue ("a reconnu que la majorité sortait «…»") has not the speaker for subject.
            if earliestEnd[Int(document.contentSentence[mark])] <= mark { continue }
            if let cue = syntacticVerbBefore(document, words, mark: mark, knownStarts: starts, knownEnds: ends) {
                added.append(cue)
                starts.insert(cue.content.lowerBound)
            }
        }
        guard !added.isEmpty else { return }
        cues.append(contentsOf: added)
        cues.sort { $0.content.lowerBound < $1.content.lowerBound }
    }

    /// A verb group at content index c that syntax alone marks as an incise.
    private func syntacticIncise(_ document: Document, _ words: ContentWords, at c: Int) -> Cue? {
        let keys = document.contentKeys
        let m = keys.count
        func isPlainWord(_ j: Int) -> Bool {
            j < m && document.tokens.kind(document.content[j]) == .word && !document.tokens[document.content[j]].isCapitalized
                && !lexicon.isFunction(words[j], .determiner) && !lexicon.isFunction(words[j], .preposition)
        }
        func invertedAt(_ j: Int) -> (pronoun: Int, end: Int)? {
            guard j + 1 < m, keys[j].equalsASCII("-") else { return nil }
            if lexicon.isWord(words[j + 1], .invertedSubject) { return (j + 1, j + 2) }
            if j + 3 < m, keys[j + 1].equalsASCII("t"), keys[j + 2].equalsASCII("-"), lexicon.isWord(words[j + 3], .invertedSubject) { return (j + 3, j + 4) }
            return nil
        }
        func sentenceEndsSoon(from j: Int, within limit: Int) -> Bool {
            let sentence = document.contentSentence[min(j, m - 1)]
            var k = j
            while k < m, k - j <= limit {
                if document.contentSentence[k] != sentence { return true }
                if KeyList.sentenceEnds.contains(keys[k]) || document.tokens.kind(document.content[k]) == .quoteMark { return true }
                if keys[k].equalsASCII(",") { return true }
                k += 1
            }
            return k >= m
        }
        func cue(_ range: Range<Int>, inverted: Int?) -> Cue {
            var cue = Cue(form: .verb(lemma: -1, inverted: inverted, isNonFinite: false), strength: .speech, content: range,
                          range: document.workingRange(content: range.lowerBound, through: range.upperBound - 1), insideQuote: false)
            cue.isKnownVerb = false
            return cue
        }
        var start = c
        var v = c
        // Reflexive or negated: "s'agace-t-elle", "ne décolère-t-il pas".
        while v < m, KeyList.reflexiveOrNegation.contains(keys[v]), v - c < 2 { v += 1 }
        guard v < m else { return nil }
        // Auxiliary with an inverted subject, then a participle: "a-t-il tonné", "s'est-elle emportée".
        if lexicon.isFunction(words[v], .auxAvoir) || lexicon.isFunction(words[v], .auxEtre), let (pronoun, end) = invertedAt(v + 1),
           isPlainWord(end) {
            return cue(start..<(end + 1), inverted: pronoun)
        }
        // Verb with an inverted subject: "tempête-t-il".
        if isPlainWord(v), let (pronoun, end) = invertedAt(v + 1) {
            return cue(start..<end, inverted: pronoun)
        }
        // Subject pronoun then verb, ending the sentence: "il insiste."
        if v == c, lexicon.pronounByWord[words[v]] != nil, lexicon.isWord(words[v], .invertedSubject), v + 1 < m {
            var w = v + 1
            while w < m, KeyList.cliticsBeforeVerb.contains(keys[w]), w - v < 3 { w += 1 }
            if isPlainWord(w), !lexicon.isFunctionWord(words[w]) || lexicon.isFunction(words[w], .auxAvoir), sentenceEndsSoon(from: w + 1, within: 4),
               verbCue(document, words, at: w) == nil, w + 1 >= m || verbCue(document, words, at: w + 1) == nil {
                start = w
                return cue(start..<(w + 1), inverted: nil)
            }
            return nil
        }
        // Verb then its subject, ending the sentence: "tance la ministre.", "sourit Tebboune.", "s'extasie X."
        if v == c || (v == c + 1 && KeyList.reflexives.contains(keys[c])), isPlainWord(v), !lexicon.isFunctionWord(words[v]), v + 1 < m {
            var next = v + 1
            // Past a short complement: "titre en une El Watan", "écrit à son tour le quotidien".
            if lexicon.isFunction(words[next], .preposition) {
                var k = next + 1
                while k < m, k - next <= 3, document.tokens.kind(document.content[k]) == .word, !document.tokens[document.content[k]].isCapitalized,
                      !lexicon.isFunction(words[k], .determiner) || k == next + 1 { k += 1 }
                if k < m, k - next <= 3 { next = k }
            }
            let opensMention = document.tokens[document.content[next]].isCapitalized || lexicon.isFunction(words[next], .determiner)
                || lexicon.honorifics.match(words: words, at: next) != nil
            if opensMention, sentenceEndsSoon(from: next + 1, within: 12) {
                return cue(start..<(v + 1), inverted: nil)
            }
        }
        return nil
    }

    /// A verb of unknown lemma between its subject and the opening mark is a
    /// cue by position: a capitalised word, a closing mark or a determined
    /// noun (`le quotidien`), then the verb (with `a`/`ont` or a clitic
    /// before it), then at most `que`, a colon or one preposition, then the
    /// mark (`Liberté titre : «…»`, `X a vu «…»`, `X doute que «…»`,
    /// `le journal parle de «…»`). Marked ``Cue/isKnownVerb`` false.
    private func syntacticVerbBefore(_ document: Document, _ words: ContentWords, mark: Int, knownStarts: PositionSet, knownEnds: PositionSet) -> Cue? {
        let keys = document.contentKeys
        func token(_ j: Int) -> Token { document.tokens[document.content[j]] }
        func sameSentence(_ a: Int, _ b: Int) -> Bool { document.contentSentence[a] == document.contentSentence[b] }
        var j = mark - 1
        // What joins the verb to its object: a colon, "que", one preposition ("titre sur", "parle de").
        if KeyList.contentOpeners.contains(keys[j]) || lexicon.isFunction(words[j], .preposition) { j -= 1 }
        var adverbs = 0
        while j > 0, adverbs < 2, lexicon.isFunction(words[j], .adverb) { j -= 1; adverbs += 1 }
        guard j > 0, sameSentence(j, mark), knownEnds.contains(j + 1) == false else { return nil }
        let verb = j
        let word = token(verb)
        // After "a"/"ont" a participle, even one the function words list ("a vu").
        let afterAuxiliary = verb > 0 && lexicon.isFunction(words[verb - 1], .auxAvoir) && !lexicon.isFunction(words[verb], .determiner)
            && !lexicon.isFunction(words[verb], .auxAvoir) && !lexicon.isFunction(words[verb], .auxEtre)
        guard word.kind == .word, !word.isCapitalized, afterAuxiliary || !lexicon.isFunctionWord(words[verb]), !knownStarts.contains(verb),
              lexicon.nationalityByWord[words[verb]] == nil, !lexicon.hasAdjectiveEnding(keys[verb]),
              keys[verb].unicodeScalars.count > 2 else { return nil }
        var start = verb
        var k = verb - 1
        // "a vu", "ont dénoncé"; "s'offusque", "y voit".
        if k > 0, lexicon.isFunction(words[k], .auxAvoir) { start = k; k -= 1 }
        while k > 0, KeyList.verbClitics.contains(keys[k]), verb - k < 4 { start = k; k -= 1 }
        guard k >= 0, sameSentence(k, verb) else { return nil }
        let subject = token(k)
        let subjectEnd: Bool
        if keys[k].equalsASCII(","), k > 0, token(k - 1).kind == .word, token(k - 1).isCapitalized, !lexicon.isFunctionWord(words[k - 1]) {
            // A name in apposition: "la porte-parole, Lin Yu, a appelé «…»".
            subjectEnd = true
        } else if keys[k].equalsASCII(",") {
            // Past an incidental phrase after a name: "X, dans le quotidien régional, parle de «…»".
            var i = k - 1
            while i > 0, k - i < 10, !keys[i].equalsASCII(","), sameSentence(i, k) { i -= 1 }
            subjectEnd = i > 0 && keys[i].equalsASCII(",") && sameSentence(i, k) && token(i - 1).kind == .word && token(i - 1).isCapitalized
                && !lexicon.isFunctionWord(words[i - 1])
        } else if subject.kind == .quoteMark {
            // A short name in marks after a name: "X «du Quotidien» doute que «…»"; not "Ce «A» reste «B»".
            var open = k - 1
            while open > 0, k - open <= 8, token(open).kind != .quoteMark { open -= 1 }
            subjectEnd = open > 0 && token(open).kind == .quoteMark && token(open - 1).kind == .word && token(open - 1).isCapitalized
                && !lexicon.isFunctionWord(words[open - 1])
        } else if subject.kind == .word, subject.isCapitalized, !lexicon.isFunctionWord(words[k]) {
            subjectEnd = true
        } else if subject.kind == .word, !lexicon.isFunctionWord(words[k]), k > 0, lexicon.isWord(words[k - 1], .definite) {
            subjectEnd = true
        } else {
            subjectEnd = false
        }
        guard subjectEnd else { return nil }
        var cue = Cue(form: .verb(lemma: -1, inverted: nil, isNonFinite: false), strength: .speech, content: start..<(verb + 1),
                      range: document.workingRange(content: start, through: verb), insideQuote: false)
        cue.isKnownVerb = false
        return cue
    }

    /// "pour" is a cue only as "pour X," at a clause start; the others always.
    private func isPrepositionCue(_ document: Document, _ i: Int, _ length: Int) -> Bool {
        let key = document.contentKeys[i]
        guard key.equalsASCII("pour") else { return true }
        // Clause start: sentence start or after a comma / quote mark.
        if i > 0 {
            let previous = document.contentKeys[i - 1]
            let previousToken = document.tokens[document.content[i - 1]]
            let sentenceStart = document.contentSentence[i - 1] != document.contentSentence[i]
            guard sentenceStart || previous == "," || previousToken.kind == .quoteMark else { return false }
        }
        // A comma within a few words: "Pour le ministre turc, …".
        var j = i + length
        var steps = 0
        while j < document.contentKeys.count, steps < 8 {
            let k = document.contentKeys[j]
            if k == "," { return steps > 0 }
            if k == "." || k == ";" || document.tokens.kind(document.content[j]) == .quoteMark { return false }
            j += 1
            steps += 1
        }
        return false
    }

    /// The verb group whose lexical verb is content token `i`, if any.
    func verbCue(_ document: Document, _ words: ContentWords, at i: Int) -> Cue? {
        guard let forms = lexicon.verbFormsByWord[words[i]] else { return nil }
        let keys = document.contentKeys
        let m = keys.count
        // Left context: inverted pronoun (a-t-il ajouté), adverbs, auxiliary, clitics, negation.
        var start = i
        var inverted: Int? = nil
        var hasAuxiliary = false
        var j = i - 1
        // Adverbs between auxiliary and participle: "a également dit", "a-t-il encore dit".
        var adverbs = 0
        while j >= 0, adverbs < 3, lexicon.isFunction(words[j], .adverb) || keys[j].equalsASCII("pas") || keys[j].equalsASCII("plus") || keys[j].equalsASCII("jamais") {
            j -= 1
            adverbs += 1
        }
        if j >= 2, lexicon.isWord(words[j], .invertedSubject), keys[j - 1].equalsASCII("-") {
            // -t-il / -il
            inverted = j
            j -= 2
            if j >= 1, keys[j].equalsASCII("t"), keys[j - 1].equalsASCII("-") { j -= 2 }
        }
        // A passive participle ("a été interpellé", "ont été condamnés") reports nothing its subject said.
        if j >= 0, KeyList.passiveAuxiliary.contains(keys[j]) { return nil }
        if j >= 0, lexicon.isFunction(words[j], .auxAvoir) || lexicon.isFunction(words[j], .auxEtre) {
            hasAuxiliary = true
            start = j
            j -= 1
            // Negation and clitics before the auxiliary: n'a, s'est, y a, l'a, lui a.
            while j >= 0, KeyList.pronounClitics.contains(keys[j]) {
                start = j
                j -= 1
            }
        } else if inverted != nil {
            // "dit-il" is handled on the right; an inverted pronoun without auxiliary on the left is not ours.
            inverted = nil
        } else {
            // Reflexive or clitic before a finite verb: "s'interroge", "y voit", "se félicite".
            while j >= 0, KeyList.verbClitics.contains(keys[j]) {
                start = j
                j -= 1
            }
        }
        // Choose a lexical reading.
        var chosen: FrenchLexicon.VerbForm? = nil
        for form in forms {
            if form.isParticiple && !hasAuxiliary {
                // "dit" is also finite: keep looking.
                continue
            }
            if !form.isParticiple && hasAuxiliary && !forms.contains(where: { $0.isParticiple && $0.verb == form.verb }) { continue }
            chosen = form
            if hasAuxiliary == form.isParticiple { break }
        }
        guard var form = chosen else { return nil }
        if hasAuxiliary, let participle = forms.first(where: { $0.isParticiple }) { form = participle }
        let verb = lexicon.speechVerbs[form.verb]
        // A finite form right after a determiner is a noun ("une note", "le constat").
        if !hasAuxiliary, start > 0, lexicon.isFunction(words[start - 1], .determiner) { return nil }
        // Required clitic before ("y a vu").
        if !verb.pre.isEmpty {
            var found = false
            var k = start - 1
            while k >= 0, k >= start - 3 { if keys[k] == verb.pre[0] { found = true; start = k; break }; k -= 1 }
            if !found, !(start <= i && keys[start..<i].contains(verb.pre[0])) { return nil }
        }
        var end = i + 1
        // Inverted pronoun on the right: "dit-il", "ajoute-t-elle".
        if inverted == nil, end + 1 < m, keys[end].equalsASCII("-") {
            if lexicon.isWord(words[end + 1], .invertedSubject) {
                inverted = end + 1
                end += 2
            } else if end + 3 < m, keys[end + 1].equalsASCII("t"), keys[end + 2].equalsASCII("-"), lexicon.isWord(words[end + 3], .invertedSubject) {
                inverted = end + 3
                end += 4
            }
        }
        // Fixed words after the verb: "fait savoir", "mis en garde".
        if !verb.post.isEmpty {
            guard end + verb.post.count <= m, Array(keys[end..<(end + verb.post.count)]) == verb.post else {
                // Another lemma sharing this form may fit (fait savoir / fait valoir).
                return alternative(document, at: i, start: start, end: end, inverted: inverted, hasAuxiliary: hasAuxiliary, forms: forms)
            }
            end += verb.post.count
        }
        let range = document.workingRange(content: start, through: end - 1)
        return Cue(form: .verb(lemma: form.verb, inverted: inverted, isNonFinite: form.isNonFinite), strength: verb.strength,
                   content: start..<end, range: range, insideQuote: false)
    }

    private func alternative(_ document: Document, at i: Int, start: Int, end: Int, inverted: Int?, hasAuxiliary: Bool,
                             forms: [FrenchLexicon.VerbForm]) -> Cue? {
        let keys = document.contentKeys
        for form in forms where form.isParticiple == hasAuxiliary || !hasAuxiliary {
            let verb = lexicon.speechVerbs[form.verb]
            if verb.post.isEmpty {
                let range = document.workingRange(content: start, through: end - 1)
                return Cue(form: .verb(lemma: form.verb, inverted: inverted, isNonFinite: form.isNonFinite), strength: verb.strength,
                           content: start..<end, range: range, insideQuote: false)
            }
            if end + verb.post.count <= keys.count, Array(keys[end..<(end + verb.post.count)]) == verb.post {
                let stop = end + verb.post.count
                let range = document.workingRange(content: start, through: stop - 1)
                return Cue(form: .verb(lemma: form.verb, inverted: inverted, isNonFinite: form.isNonFinite), strength: verb.strength,
                           content: start..<stop, range: range, insideQuote: false)
            }
        }
        return nil
    }
}
