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

    public init(lexicon: FrenchLexicon) { self.lexicon = lexicon }

    public func cues(in document: Document, quotes: [QuoteSpan]) -> [Cue] {
        let keys = document.contentKeys
        let words = lexicon.words(of: document)
        let m = keys.count
        var cues: [Cue] = []
        var i = 0
        while i < m {
            if let cue = verbCue(document, words, at: i) {
                cues.append(cue)
                i = cue.content.upperBound
                continue
            }
            if let (strength, length) = lexicon.reportingCues.match(words: words, at: i), isPrepositionCue(document, i, length) {
                let range = document.workingRange(content: i, through: i + length - 1)
                cues.append(Cue(form: .preposition, strength: strength, content: i..<(i + length), range: range, insideQuote: false))
                i += length
                continue
            }
            i += 1
        }
        for (index, inside) in quotes.marksInside(cues.map(\.range.lowerBound)).enumerated() where inside { cues[index].insideQuote = true }
        return cues
    }

    /// "pour" is a cue only as "pour X," at a clause start; the others always.
    private func isPrepositionCue(_ document: Document, _ i: Int, _ length: Int) -> Bool {
        let key = document.contentKeys[i]
        guard key == "pour" else { return true }
        // Clause start: sentence start or after a comma / quote mark.
        if i > 0 {
            let previous = document.contentKeys[i - 1]
            let previousToken = document.tokens[document.content[i - 1]]
            let sentenceStart = document.tokenSentence[document.content[i - 1]] != document.tokenSentence[document.content[i]]
            guard sentenceStart || previous == "," || previousToken.kind == .quoteMark else { return false }
        }
        // A comma within a few words: "Pour le ministre turc, …".
        var j = i + length
        var steps = 0
        while j < document.contentKeys.count, steps < 8 {
            let k = document.contentKeys[j]
            if k == "," { return steps > 0 }
            if k == "." || k == ";" || document.tokens[document.content[j]].kind == .quoteMark { return false }
            j += 1
            steps += 1
        }
        return false
    }

    /// The verb group whose lexical verb is content token `i`, if any.
    func verbCue(_ document: Document, _ words: [WordID], at i: Int) -> Cue? {
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
        while j >= 0, adverbs < 3, lexicon.isFunction(words[j], .adverb) || keys[j] == "pas" || keys[j] == "plus" || keys[j] == "jamais" {
            j -= 1
            adverbs += 1
        }
        if j >= 2, lexicon.isWord(words[j], .invertedSubject), keys[j - 1] == "-" {
            // -t-il / -il
            inverted = j
            j -= 2
            if j >= 1, keys[j] == "t", keys[j - 1] == "-" { j -= 2 }
        }
        if j >= 0, lexicon.isFunction(words[j], .auxAvoir) || lexicon.isFunction(words[j], .auxEtre) {
            hasAuxiliary = true
            start = j
            j -= 1
            // Negation and clitics before the auxiliary: n'a, s'est, y a, l'a, lui a.
            while j >= 0, ["n'", "ne", "s'", "se", "y", "l'", "lui", "leur", "en", "nous", "vous", "m'", "t'"].contains(keys[j]) {
                start = j
                j -= 1
            }
        } else if inverted != nil {
            // "dit-il" is handled on the right; an inverted pronoun without auxiliary on the left is not ours.
            inverted = nil
        } else {
            // Reflexive or clitic before a finite verb: "s'interroge", "y voit", "se félicite".
            while j >= 0, ["s'", "se", "y", "n'", "ne"].contains(keys[j]) {
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
        if inverted == nil, end + 1 < m, keys[end] == "-" {
            if lexicon.isWord(words[end + 1], .invertedSubject) {
                inverted = end + 1
                end += 2
            } else if end + 3 < m, keys[end + 1] == "t", keys[end + 2] == "-", lexicon.isWord(words[end + 3], .invertedSubject) {
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
