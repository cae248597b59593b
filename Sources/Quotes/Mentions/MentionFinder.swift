/// Finds every mention that can denote a speaker: names (with honorifics,
/// particles and hyphens), roles and titles with their complements,
/// organisations, countries, institutions and capitals, unnamed people and
/// groups, and pronouns.
///
/// ```swift
/// MentionFinder(lexicon: lexicon).mentions(in: doc, quotes: spans)
/// // "Le ministre des Affaires étrangères, Mevlut Cavusoglu, a déclaré"
/// //  → role "Le ministre des Affaires étrangères", name "Mevlut Cavusoglu"
/// ```
/// - Complexity: O(n) in the number of tokens.
public struct MentionFinder: Sendable {
    let lexicon: FrenchLexicon
    /// For each word of the lexicon, whether it can start a mention from a lowercase
    /// token by itself: an honorific's first word, a determiner, a pronoun (what
    /// ``nextPossibleStart(from:_:numbers:_:)`` asks of the word, worked out once).
    private let startsByWord: [Bool]

    public init(lexicon: FrenchLexicon) {
        self.lexicon = lexicon
        startsByWord = (0..<lexicon.words.count).map { raw in
            let w = WordID(raw: Int32(raw))
            return lexicon.honorifics.startsEntry(w) || lexicon.isWord(w, .definite) || lexicon.isWord(w, .indefinite)
                || lexicon.pronounByWord[w] != nil
        }
    }

    /// Mentions of `document`. Around verb cues, a noun phrase whose noun
    /// is not in the lexicon still counts (`explique un batelier néerlandais`).
    public func mentions(in document: Document, quotes: [QuoteSpan], cues: [Cue] = []) -> [Mention] {
        var finder = self
        finder.words = lexicon.words(of: document)
        finder.lineEnds = finder.lineEnds(document)
        finder.quoteByOpen = Dictionary(quotes.compactMap { q in q.open.map { ($0, q) } }, uniquingKeysWith: { a, _ in a })
        finder.surnames = finder.documentSurnames(document)
        finder.subjectSlots = PositionSet(cues.lazy.filter { $0.isVerb && !$0.insideQuote }.map { $0.content.lowerBound - 1 },
                                          covering: -1..<document.contentKeys.count + 1)
        return finder.find(in: document, quotes: quotes, cues: cues)
    }

    /// Last words of the full names a document gives (`Pedro Sánchez` → `sánchez`),
    /// so that the surname alone, even opening a sentence, is a name (`Sánchez a estimé`).
    /// A full name here: a known first name, or any capitalised word not opening its
    /// sentence, followed by capitalised words on the same line.
    /// - Returns: the numbers of their keys (``ContentKeys/numbers``), sorted:
    ///   a token's key is one of them when its number is among them. (A bit set
    ///   over the numbers would span the worker's whole vocabulary, up to a
    ///   million words, for the few surnames of one document.)
    func documentSurnames(_ document: Document) -> SortedNumbers {
        let keys = document.contentKeys
        var found: [Int32] = []
        var i = 0
        while i + 1 < keys.count {
            let token = document.tokens[document.content[i]]
            guard token.isCapitalized, token.kind == .word, !lexicon.isFunctionWord(words[i]),
                  document.tokens[document.content[i + 1]].isCapitalized, adjacentWord(document, i + 1), isNamePart(i + 1) else { i += 1; continue }
            let opensSentence = i == 0 || document.contentSentence[i - 1] != document.contentSentence[i]
            guard lexicon.firstNameByWord[words[i]] != nil || (!opensSentence && isNamePart(i)) else { i += 1; continue }
            var j = i + 1
            while j + 1 < keys.count, document.tokens[document.content[j + 1]].isCapitalized, adjacentWord(document, j + 1), isNamePart(j + 1) { j += 1 }
            if j - i <= 3 { found.append(keys.numbers[j]) }
            i = j + 1
        }
        return SortedNumbers(found)
    }

    /// Marked quotes by the position of their opening mark.
    private var quoteByOpen: [Int: QuoteSpan] = [:]
    /// See ``documentSurnames(_:)``.
    private var surnames = SortedNumbers([])
    /// Content indices right before a verb cue (a subject's place).
    private var subjectSlots = PositionSet(covering: 0..<0)
    /// The lexicon's id of each content token of the document being read.
    private var words: ContentWords = .none
    /// For each content token, the first content index on a later line (or
    /// in a later paragraph): the count when its line is the last.
    private var lineEnds: [Int32] = []

    /// Whether content token i is in the lexicon's list of `wordClass` (`word-classes.tsv`).
    @inline(__always)
    private func isWord(_ i: Int, _ wordClass: FrenchLexicon.WordClass) -> Bool { lexicon.isWord(words[i], wordClass) }

    /// Whether content token i is a determiner that opens a speaker's noun phrase.
    @inline(__always)
    private func isDeterminer(_ i: Int) -> Bool { isWord(i, .definite) || isWord(i, .indefinite) }

    private func quoteStarting(at position: Int) -> QuoteSpan? { quoteByOpen[position] }

    private func find(in document: Document, quotes: [QuoteSpan], cues: [Cue]) -> [Mention] {
        let keys = document.contentKeys
        let m = keys.count
        var result: [Mention] = []
        var i = 0
        // Speaker slots: right before a verb cue (subject), right after an
        // incise cue (inverted subject, after a closing mark or a comma).
        // Content positions run from -1 (before the first) to m (after the last).
        let positions = -1..<m + 1
        var speakerSlots = PositionSet(covering: positions)
        for cue in cues where cue.isVerb && !cue.insideQuote {
            speakerSlots.insert(cue.content.lowerBound - 1)
            // Only a real incise: the cue follows a closing mark, directly or past a comma or "!"/"?".
            var before = cue.content.lowerBound - 1
            if before >= 0, KeyList.marksBeforeIncise.contains(keys[before]) { before -= 1 }
            if before >= 0, document.tokens.kind(document.content[before]) == .quoteMark { speakerSlots.insert(cue.content.upperBound) }
        }
        let cueEnds = PositionSet(cues.lazy.filter { $0.isVerb && !$0.insideQuote }.map(\.content.upperBound), covering: positions)
        // The closures here capture arrays, not the document: a closure that captures the
        // document holds a copy of it (every array retained, then released).
        let contentIndex = document.contentIndex
        let sentenceStarts = PositionSet(document.sentences.lazy.compactMap { $0.tokens.isEmpty ? nil : Int(contentIndex[$0.tokens.lowerBound]) },
                                         covering: positions)
        let tokens = document.tokens, content = document.content
        // The words the loop tests by their key number (no String per token).
        let numbers = keys.numbers
        let literal = Literals(document)
        while i < m {
            // Most tokens start nothing: a lowercase word that is no honorific,
            // determiner, pronoun, `celui`/`ce` form, nor after a comma or `de`
            // (each test below needs one of these), and any sign or number.
            i = nextPossibleStart(from: i, document, numbers: numbers, literal)
            guard i < m else { break }
            let token = document.tokens[document.content[i]]
            // Honorific + name.
            if let (honorific, length) = lexicon.honorifics.match(words: words, at: i), i + length < m,
               let name = nameRun(document, from: i + length, sentenceStart: false) {
                var mention = name
                mention.gender = honorific.gender
                mention.number = honorific.number
                mention.hasHonorific = true
                mention.isWeak = false
                // Positions include the honorific ("a dit M. Lavrov"); the text does not.
                mention.content = i..<name.content.upperBound
                result.append(mention)
                i = name.content.upperBound
                continue
            }
            // Determiner + role / organisation noun (+ complements) — unless a country or
            // institution starts after the article ("Le Royaume-Uni", not "Le Royaume").
            // (Asked only after a determiner.)
            func namedPlace() -> Bool {
                tokens[content[i + 1]].isCapitalized
                    && (lexicon.countries.match(words: words, at: i + 1).map { $0.1 > 1 } ?? false
                        || lexicon.institutions.match(words: words, at: i + 1).map { $0.1 > 1 } ?? false)
            }
            if token.kind == .word, isDeterminer(i), i + 1 < m, !namedPlace(),
               let (mention, next) = nounPhrase(document, determiner: i, head: i + 1) {
                result.append(mention)
                // "le président Vladimir Poutine": the name that follows is its own mention.
                i = next
                continue
            }
            // Bare role in apposition after a name: "Sergueï Lavrov, chef de la diplomatie russe".
            if token.kind == .word, i >= 2, numbers[i - 1] == literal.comma, let last = result.indices.last, result[last].kind == .name,
               result[last].content.upperBound == i - 1, lexicon.personNouns.match(words: words, at: i) != nil,
               let (mention, next) = nounPhrase(document, determiner: nil, head: i) {
                result.append(mention)
                i = next
                continue
            }
            // An anonymous source without determiner: "de source judiciaire", "de sources proches du dossier".
            if token.kind == .word, i >= 1, numbers[i - 1] == literal.de, numbers[i] == literal.source || numbers[i] == literal.sources,
               let (found, next) = nounPhrase(document, determiner: nil, head: i) {
                var mention = found
                mention.kind = .unnamed
                result.append(mention)
                i = next
                continue
            }
            // A nationality as a noun: "l'Allemand Matthias Kern", "la Britannique".
            if token.isCapitalized, i > 0, isDeterminer(i - 1),
               let nationality = lexicon.nationalityByWord[words[i]], result.last?.content.upperBound != i {
                let range = document.workingRange(content: i - 1, through: i)
                result.append(Mention(content: (i - 1)..<(i + 1), range: range, text: document.originalText(range), roles: [keys[i]],
                                      country: nationality.country, kind: isWord(i - 1, .definite) ? .role : .unnamed, gender: nationality.gender,
                                      number: nationality.number, hasHonorific: false, insideQuote: false, isWeak: false))
                i += 1
                continue
            }
            // Capitalised: institution, country, or a personal name.
            if token.isCapitalized {
                // A first name before another capitalised word is a person ("Sofia Reyes", not the capital).
                let personFirst = lexicon.firstNameByWord[words[i]] != nil && i + 1 < m && document.tokens[document.content[i + 1]].isCapitalized
                    && isNamePart(i + 1)
                if !personFirst, let (country, length) = lexicon.institutions.match(words: words, at: i) {
                    result.append(organisation(document, i, length, country: country.isEmpty ? nil : country))
                    i += length
                    continue
                }
                if !personFirst, let (country, length) = lexicon.countries.match(words: words, at: i) {
                    result.append(organisation(document, i, length, country: country.name))
                    i += length
                    continue
                }
                if isAcronym(document, i) {
                    // With the place or name that follows: "l'ARS Nouvelle-Aquitaine".
                    var length = 1
                    while i + length < m, length < 5, adjacentWord(document, i + length), lexicon.firstNameByWord[words[i + length]] == nil,
                          document.tokens[document.content[i + length]].isCapitalized || (keys[i + length].equalsASCII("-") && i + length + 1 < m
                            && document.tokens[document.content[i + length + 1]].isCapitalized && adjacent(document, i + length - 1, i + length)) {
                        length += keys[i + length].equalsASCII("-") ? 2 : 1
                    }
                    result.append(organisation(document, i, length, country: nil))
                    i += length
                    continue
                }
                let clauseInitial = sentenceStarts.contains(i) || (i > 0 && (document.tokens.kind(document.content[i - 1]) == .quoteMark
                    || KeyList.clauseOpeningMarks.contains(keys[i - 1])))
                if let name = nameRun(document, from: i, sentenceStart: clauseInitial) {
                    result.append(name)
                    i = name.content.upperBound
                    continue
                }
            }
            // "ce dernier", "cette dernière": the last person named.
            // "celui qui", "celle qui" after a speech verb: the last person named ("a déclaré celui qui préside …").
            if i + 1 < m, literal.isCelui(numbers[i]), numbers[i + 1] == literal.qui, speakerSlots.contains(i) {
                let key = keys[i]
                let range = document.workingRange(content: i, through: i)
                let gender: Gender = key.hasPrefix("celle") ? .feminine : .masculine
                result.append(Mention(content: i..<(i + 1), range: range, text: document.originalText(range), roles: ["dernier"], country: nil,
                                      kind: .pronoun, gender: gender, number: key.hasSuffix("s") ? .plural : .singular, hasHonorific: false,
                                      insideQuote: false, isWeak: false))
                i += 1
                continue
            }
            if i + 1 < m, literal.isCe(numbers[i]),
               let (gender, number) = Self.demonstratives[keys[i] + " " + keys[i + 1]] {
                let range = document.workingRange(content: i, through: i + 1)
                result.append(Mention(content: i..<(i + 2), range: range, text: document.originalText(range), roles: ["dernier"], country: nil,
                                      kind: .pronoun, gender: gender, number: number, hasHonorific: false, insideQuote: false, isWeak: false))
                i += 2
                continue
            }
            // An article and a capitalised name in a speaker slot: a body or a publication
            // ("a annoncé aujourd'hui le Hezbollah", "Le Parisien titre").
            if token.kind == .word, isWord(i, .definite), let mention = articleName(document, article: i, cueEnds: cueEnds, subjects: subjectSlots) {
                result.append(mention)
                i = mention.content.upperBound
                continue
            }
            // A noun phrase in a speaker slot next to a cue, whatever its noun.
            if token.kind == .word, isDeterminer(i), i + 1 < m,
               let mention = slotPhrase(document, determiner: i, slots: speakerSlots) {
                result.append(mention)
                i = mention.content.upperBound
                continue
            }
            // Pronouns.
            if token.kind == .word, let (gender, number) = lexicon.pronounByWord[words[i]] {
                result.append(Mention(content: i..<(i + 1), range: token.range, text: document.originalText(token.range), roles: [], country: nil,
                                      kind: .pronoun, gender: gender, number: number, hasHonorific: false, insideQuote: false, isWeak: false))
            }
            i += 1
        }
        // Mark mentions inside quotes in marks.
        for (index, inside) in quotes.marksInside(result.map(\.range.lowerBound)).enumerated() where inside { result[index].insideQuote = true }
        return result
    }

    /// The first content token from `start` on that some test of
    /// ``find(in:quotes:cues:)`` can start on (the count when none is): a
    /// capitalised token, or a lowercase one that is an honorific's first
    /// word, a determiner, a pronoun, a `celui` or `ce` form, or follows a
    /// comma or `de` (the union of what each test other than a capital asks
    /// of the token). The tokens before it are passed over in one scan, the
    /// word tests read from ``startsByWord``.
    private func nextPossibleStart(from start: Int, _ document: Document, numbers: [Int32], _ literal: Literals) -> Int {
        let m = numbers.count
        return words.byKey.withUnsafeBufferPointer { byKey in
            numbers.withUnsafeBufferPointer { numbers in
                startsByWord.withUnsafeBufferPointer { starts in
                    var i = start
                    while i < m {
                        if document.tokens.isCapitalized(document.content[i]) { return i }
                        let n = numbers[i]
                        let w = byKey[Int(n)]
                        if w.isKnown, starts[Int(w.raw)] { return i }
                        if i > 0, numbers[i - 1] == literal.comma || numbers[i - 1] == literal.de { return i }
                        if literal.isCelui(n) || literal.isCe(n) { return i }
                        i += 1
                    }
                    return m
                }
            }
        }
    }

    /// The key numbers (``ContentKeys/numbers``) of the words the finder's
    /// main loop tests, looked up once per document in the worker's
    /// vocabulary; a word no document has had gets -1, which no token has.
    private struct Literals {
        let comma, de, source, sources, qui: Int32
        let celui, celle, ceux, celles, ce, cette, ces: Int32

        init(_ document: Document) {
            func number(_ word: String) -> Int32 { document.keyNumber(word) ?? -1 }
            (comma, de, source, sources, qui) = (number(","), number("de"), number("source"), number("sources"), number("qui"))
            (celui, celle, ceux, celles) = (number("celui"), number("celle"), number("ceux"), number("celles"))
            (ce, cette, ces) = (number("ce"), number("cette"), number("ces"))
        }

        /// `celui`, `celle`, `ceux` or `celles`.
        @inline(__always)
        func isCelui(_ n: Int32) -> Bool { n == celui || n == celle || n == ceux || n == celles }

        /// `ce`, `cette` or `ces`.
        @inline(__always)
        func isCe(_ n: Int32) -> Bool { n == ce || n == cette || n == ces }
    }

    // MARK: names

    /// A run of capitalised words with particles and hyphens, or nil when
    /// the run is not a personal name.
    func nameRun(_ document: Document, from start: Int, sentenceStart: Bool) -> Mention? {
        let keys = document.contentKeys
        let m = keys.count
        var i = start
        // The name's parts: how many, the first, and whether one is a known first name.
        var parts = 0, firstPart = start, hasFirstName = false
        func addPart(_ p: Int) {
            if parts == 0 { firstPart = p }
            parts += 1
            if lexicon.firstNameByWord[words[p]] != nil { hasFirstName = true }
        }
        var end = start
        while i < m {
            let token = document.tokens[document.content[i]]
            // After a first part, any capitalised word but a function word continues the name ("Yves Marin").
            // A first name after a word that is none starts another name: "à Reuters Mariam Sawadogo", "Libération Laurent Joffrin".
            if parts > 0, token.isCapitalized, lexicon.firstNameByWord[words[i]] != nil, !hasFirstName,
               i + 1 < m, document.tokens[document.content[i + 1]].isCapitalized, isNamePart(i + 1) {
                break
            }
            // A name never runs across a line break ("Présidentielle" as a heading, then "Le Temps …").
            if token.isCapitalized, parts == 0 || sameLine(document, i),
               isNamePart(i) || (parts > 0 && !lexicon.isFunctionWord(words[i]) && adjacentWord(document, i)) {
                addPart(i)
                i += 1
                end = i
                // Hyphenated part: Jean-Yves, Saint-Exupéry.
                while i + 1 < m, keys[i].equalsASCII("-"), document.tokens[document.content[i + 1]].isCapitalized,
                      adjacent(document, i - 1, i), adjacent(document, i, i + 1) {
                    i += 2
                    end = i
                }
                continue
            }
            // An elided capital glued to the next part: "Koffi N'Guessan", "Amadou D'Souza".
            if parts > 0, token.isCapitalized, keys[i].equalsASCII("n'") || keys[i].equalsASCII("d'"), i + 1 < m, adjacent(document, i, i + 1),
               document.tokens[document.content[i + 1]].isCapitalized, sameLine(document, i) {
                addPart(i + 1)
                i += 2
                end = i
                continue
            }
            // al-Sarraj, el-Sissi: lowercase particle glued by a hyphen.
            if (keys[i].equalsASCII("al") || keys[i].equalsASCII("el") || keys[i].equalsASCII("ben")), i + 2 < m, keys[i + 1].equalsASCII("-"),
               document.tokens[document.content[i + 2]].isCapitalized, parts > 0 || start == i {
                i += 2
                continue
            }
            // Particles between name parts: de Villepin, van der Berg.
            if parts > 0, isWord(i, .nameParticle), sameLine(document, i) {
                var j = i
                while j < m, isWord(j, .nameParticle), j - i < 3 { j += 1 }
                if j < m, document.tokens[document.content[j]].isCapitalized, isNamePart(j),
                   lexicon.countries.match(words: words, at: j) == nil, lexicon.institutions.match(words: words, at: j) == nil {
                    i = j
                    continue
                }
            }
            break
        }
        guard parts > 0 else { return nil }
        let knownFirst = lexicon.firstNameByWord[words[firstPart]]
        // A lone capitalised word at the start of a sentence is usually not a name,
        // unless the article gives it as a surname elsewhere or it stands right before a speech verb.
        let knownSurname = surnames.contains(keys.numbers[start]) || (subjectSlots.contains(start) && !lexicon.isFunctionWord(words[start]))
        if parts == 1, end - start == 1, sentenceStart, knownFirst == nil, !knownSurname {
            return nil
        }
        // After an article, a capitalised run names a thing or a body, not a person ("du Festival d'Avignon").
        if start > 0, KeyList.articlesBeforeThing.contains(keys[start - 1]) { return nil }
        // A lone word after "à", "en": a place; a longer run after "dans", "en", "depuis": a place or a title.
        if parts == 1, start > 0, isWord(start - 1, .placePreposition) { return nil }
        if start > 0, KeyList.placeOrTitlePrepositions.contains(keys[start - 1]), knownFirst == nil { return nil }
        let range = document.workingRange(content: start, through: end - 1)
        let gender: Gender = parts >= 2 ? (knownFirst ?? .unknown) : .unknown
        return Mention(content: start..<end, range: range, text: document.originalText(range), roles: [], country: nil, kind: .name, gender: gender,
                       number: .singular, hasHonorific: false, insideQuote: false,
                       isWeak: knownFirst == nil && !(parts == 1 && surnames.contains(keys.numbers[start])))
    }

    /// Whether capitalised content token i can be part of a name (not `Le`, `Selon`, `Nous`).
    func isNamePart(_ i: Int) -> Bool {
        let word = words[i]
        guard word.isKnown else { return true }
        if lexicon.isFunctionWord(word) { return false }
        if lexicon.verbFormsByWord[word] != nil { return false }
        if lexicon.personNouns.startsEntry(word) || lexicon.organisationNouns.startsEntry(word) { return false }
        if lexicon.reportingCues.startsEntry(word) { return false }
        if lexicon.nationalityByWord[word] != nil { return false }
        return true
    }

    /// Whether content token i is a lowercase word the lexicons know as neither function word, verb form nor nationality.
    @inline(__always)
    private func isOpenWord(_ i: Int) -> Bool {
        !lexicon.isFunctionWord(words[i]) && lexicon.verbFormsByWord[words[i]] == nil && lexicon.nationalityByWord[words[i]] == nil
    }

    /// ``FrenchLexicon/looksLikeAdjective(_:)`` for content token i.
    @inline(__always)
    private func looksLikeAdjective(_ i: Int, _ keys: ContentKeys) -> Bool {
        lexicon.nationalityByWord[words[i]] != nil || lexicon.hasAdjectiveEnding(keys[i])
    }

    /// Whether content token i follows the previous one after a plain space (same line).
    private func adjacentWord(_ document: Document, _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let gap = document.tokens[document.content[i - 1]].end..<document.tokens[document.content[i]].start
        return gap.count <= 1 && !document.text.scalars[gap].contains { CharacterClass.isLineBreak($0) }
    }

    /// Whether no line break stands between content tokens i - 1 and i (a
    /// paragraph break is one too).
    @inline(__always)
    private func sameLine(_ document: Document, _ i: Int) -> Bool {
        i <= 0 || Int(lineEnds[i - 1]) != i
    }

    /// ``lineEnds``, in one pass backwards over the content tokens.
    private func lineEnds(_ document: Document) -> [Int32] {
        let count = document.contentKeys.count
        let tokens = document.tokens, content = document.content
        return document.text.scalars.withUnsafeBufferPointer { scalars in
            [Int32](unsafeUninitializedCapacity: count) { ends, initialized in
                guard count > 0 else { initialized = 0; return }
                ends[count - 1] = Int32(count)
                var k = count - 1
                // The start of content token k, read once for each gap.
                var nextStart = tokens[content[k]].start
                while k > 0 {
                    // A paragraph break is a line break too: the gap between the two tokens says it.
                    let end = tokens[content[k - 1]].end
                    var breaks = false
                    for p in end..<nextStart where CharacterClass.isLineBreak(scalars[p]) { breaks = true; break }
                    ends[k - 1] = breaks ? Int32(k) : ends[k]
                    nextStart = tokens[content[k - 1]].start
                    k -= 1
                }
                initialized = count
            }
        }
    }

    /// The end of the line that holds content token `start`: the first
    /// content index after it on another line, else `count`. A noun phrase
    /// never runs past a line break: a headline ending "selon la presse"
    /// keeps it when the next paragraph opens on capitals ("Les journaux …").
    @inline(__always)
    private func lineLimit(from start: Int, count: Int) -> Int {
        min(count, Int(lineEnds[start]))
    }

    private func adjacent(_ document: Document, _ a: Int, _ b: Int) -> Bool {
        document.tokens[document.content[a]].end == document.tokens[document.content[b]].start
    }

    private func isAcronym(_ document: Document, _ i: Int) -> Bool {
        let token = document.tokens[document.content[i]]
        guard token.kind == .word, token.end - token.start >= 2 else { return false }
        return document.text.scalars[token.range].allSatisfy { CharacterClass.isUppercase($0) || CharacterClass.isDigit($0) }
    }

    private func organisation(_ document: Document, _ i: Int, _ length: Int, country: String?) -> Mention {
        // Include a preceding article: "la Turquie", "le Kremlin".
        var start = i
        if i > 0, KeyList.definiteArticles.contains(document.contentKeys[i - 1]) { start = i - 1 }
        let range = document.workingRange(content: start, through: i + length - 1)
        let plural = document.contentKeys[start].equalsASCII("les")
        let gender: Gender = document.contentKeys[start].equalsASCII("la") ? .feminine : (document.contentKeys[start].equalsASCII("le") ? .masculine : .unknown)
        return Mention(content: start..<(i + length), range: range, text: document.originalText(range), roles: [], country: country,
                       kind: .organisation, gender: gender, number: plural ? .plural : .singular, hasHonorific: false, insideQuote: false,
                       isWeak: false)
    }

    // MARK: noun phrases

    /// Determiner + person or organisation noun + complements. Returns the
    /// mention and the content index where scanning resumes.
    func nounPhrase(_ document: Document, determiner: Int?, head start: Int) -> (Mention, Int)? {
        let keys = document.contentKeys
        let d = determiner ?? start
        let m = lineLimit(from: d, count: keys.count)
        var i = start
        // One adjective before the noun: "le nouveau ministre", "l'ancien président".
        var head = lexicon.personNouns.match(words: words, at: i)
        var organisationHead: (value: FrenchLexicon.OrganisationNoun, length: Int)? = nil
        if head == nil { organisationHead = lexicon.organisationNouns.match(words: words, at: i) }
        if head == nil, organisationHead == nil, i + 2 < m, KeyList.titlePrefixes.contains(keys[i]), keys[i + 1].equalsASCII("-") {
            // "le vice-Premier ministre", "l'ex-ministre".
            i += 2
            head = lexicon.personNouns.match(words: words, at: i)
            if head == nil { organisationHead = lexicon.organisationNouns.match(words: words, at: i) }
        }
        if head == nil, organisationHead == nil, i + 1 < m, isWord(i, .preNominal) {
            i += 1
            head = lexicon.personNouns.match(words: words, at: i)
            if head == nil { organisationHead = lexicon.organisationNouns.match(words: words, at: i) }
        }
        guard head != nil || organisationHead != nil else { return nil }
        var headKey = keys[i]
        var end = i + (head?.length ?? organisationHead!.length)
        // A periphrasis stands for its title: "le chef du gouvernement" → "premier".
        if let (title, length) = lexicon.roleSynonyms.match(words: words, at: i) {
            headKey = title
            end = max(end, i + length)
        }
        // Coordinated titles: "l'actrice et animatrice", "le maire et conseiller départemental".
        if head != nil, end + 1 < m, keys[end].equalsASCII("et"), let (_, length) = lexicon.personNouns.match(words: words, at: end + 1) {
            end += 1 + length
        }
        // An organisation's own name: "l'ONG Vigilance Ukraine", "le syndicat CGT", "l'association Halles vivantes".
        if organisationHead != nil, end < m, document.tokens[document.content[end]].isCapitalized {
            // Capitalised words and the small words between them: "Pravo na Dim", "Halles vivantes".
            let start = end
            while end < m, end - start < 6 {
                let token = document.tokens[document.content[end]]
                if token.isCapitalized || (keys[end].equalsASCII("-") && end + 1 < m) { end += 1; continue }
                // "la coalition Renouveau et Justice", "le Sdis 29".
                if keys[end].equalsASCII("et"), end + 1 < m, document.tokens[document.content[end + 1]].isCapitalized, isNamePart(end + 1) { end += 2; continue }
                if token.kind == .number, end > start, adjacentWord(document, end) { end += 1; break }
                guard token.kind == .word, !lexicon.isFunctionWord(words[end]), lexicon.verbFormsByWord[words[end]] == nil else { break }
                // A lowercase word belongs to the name before another capital, or as an adjective.
                if end + 1 < m, document.tokens[document.content[end + 1]].isCapitalized || looksLikeAdjective(end, keys) { end += 1; continue }
                break
            }
        }
        var roles = [headKey]
        if headKey != keys[i] { roles.append(keys[i]) }
        var country: String? = nil
        // Adjectives before a name: "le député centriste Lukas Brenner".
        var adjectives = end
        while adjectives < m, adjectives - end < 2, document.tokens.kind(document.content[adjectives]) == .word,
              !document.tokens[document.content[adjectives]].isCapitalized, isOpenWord(adjectives) { adjectives += 1 }
        if adjectives > end, adjectives < m, (document.tokens[document.content[adjectives]].isCapitalized && isNamePart(adjectives))
            || KeyList.complementLinks.contains(keys[adjectives])
            || (keys[adjectives].equalsASCII(",") && adjectives + 1 < m && document.tokens[document.content[adjectives + 1]].isCapitalized) {
            end = adjectives
        }
        // Adjectives right before the verb: "Les syndicats agricoles ont salué", "L'opposition conservatrice a dénoncé".
        var trailing = end
        while trailing < m, trailing - end < 2, document.tokens.kind(document.content[trailing]) == .word,
              !document.tokens[document.content[trailing]].isCapitalized, isOpenWord(trailing) { trailing += 1 }
        if trailing > end, trailing < m, lexicon.isFunction(words[trailing], .auxAvoir) || lexicon.isFunction(words[trailing], .auxEtre)
            || lexicon.verbFormsByWord[words[trailing]] != nil || KeyList.verbClitics.contains(keys[trailing]) {
            end = trailing
        }
        // Nationality adjective: "le président turc", "son homologue russe".
        if end < m, let nationality = lexicon.nationalityByWord[words[end]] {
            roles.append(keys[end])
            country = nationality.country
            end += 1
        }
        // A speaker keeps its adjectives: "un conservateur parisien", "les syndicats militaires",
        // "la Chancellerie fédérale" (not a participle: "présent à Ankara").
        if determiner != nil {
            while end < m, document.tokens.kind(document.content[end]) == .word, !document.tokens[document.content[end]].isCapitalized,
                  !lexicon.isFunctionWord(words[end]), lexicon.verbFormsByWord[words[end]] == nil, looksLikeAdjective(end, keys),
                  !KeyList.presentParticipleEndings.endsOne(keys[end]),
                  // A participle with its complement is a clause, not an adjective: "le rapport versé au dossier".
                  !(KeyList.pastParticipleEndings.endsOne(keys[end]) && end + 1 < m
                    && (lexicon.isFunction(words[end + 1], .preposition) || KeyList.participleLinks.contains(keys[end + 1]))),
                  adjacentWord(document, end), end - i < 4 {
                end += 1
            }
        }
        // Nationality gender for epicene nouns: "son homologue allemande".
        var nationalityGender: Gender = .unknown
        if end - 1 > i, let nationality = lexicon.nationalityByWord[words[end - 1]] { nationalityGender = nationality.gender }
        // Complements: "de la diplomatie russe", "des Affaires étrangères",
        // "du Kremlin", "de 46 ans", "de l'Économie et des Finances".
        var j = end
        // A portfolio: "le commissaire européen au Commerce", "la ministre à l'Économie".
        if j + 1 < m, KeyList.portfolioLinks.contains(keys[j]) {
            var k = j + 1
            if k < m, KeyList.portfolioArticles.contains(keys[k]) { k += 1 }
            if k < m, document.tokens[document.content[k]].isCapitalized, lexicon.firstNameByWord[words[k]] == nil {
                end = k + 1
                j = end
            }
        }
        // "une source au sein de l'entreprise", "un cadre au sein du parti".
        if j + 2 < m, keys[j].equalsASCII("au"), keys[j + 1].equalsASCII("sein"), KeyList.complementLinks.contains(keys[j + 2]) { j += 2 }
        while j < m, KeyList.complementLinks.contains(keys[j]) {
            var k = j + 1
            var last = -1
            while k < m, k - j <= 6 {
                let key = keys[k]
                let token = document.tokens[document.content[k]]
                if key.equalsASCII("-"), k + 1 < m, last == k - 1, document.tokens[document.content[k - 1]].end == token.start,
                   token.end == document.tokens[document.content[k + 1]].start {
                    k += 1
                    continue
                }
                if token.kind == .punctuation || token.kind == .quoteMark { break }
                let word = words[k]
                if isWord(k, .complementStop) || isWord(k, .anaphoricPronoun) { break }
                if lexicon.isFunction(word, .auxAvoir) || lexicon.isFunction(word, .auxEtre) { break }
                if lexicon.verbFormsByWord[word] != nil && !token.isCapitalized && lexicon.nationalityByWord[word] == nil { break }
                // A first name after the complement starts the person's name: "des Affaires étrangères Kemal …".
                if token.isCapitalized, last >= 0, lexicon.firstNameByWord[word] != nil, !keys[k - 1].equalsASCII("-"),
                   !document.tokens[document.content[k - 1]].isCapitalized || lexicon.nationalityByWord[words[k - 1]] != nil
                    // "de Libération Laurent Joffrin": a first name and its surname after a capitalised complement.
                    || (lexicon.firstNameByWord[words[k - 1]] == nil && k + 1 < m && document.tokens[document.content[k + 1]].isCapitalized
                        && isNamePart(k + 1) && sameLine(document, k)) { break }
                if key.equalsASCII("et"), k + 1 < m, !KeyList.coordinatedComplementOpeners.contains(keys[k + 1]) { break }
                // After a noun, a lowercase word goes on only as an adjective
                // ("de l'administration militaire", not "de 67 ans ramasse").
                // A noun after an adjective that stands before nouns goes on: "de la jeune femme".
                if last >= 0, last == k - 1, token.kind == .word, !token.isCapitalized, !lexicon.isFunctionWord(word),
                   document.tokens.kind(document.content[k - 1]) == .word, !lexicon.isFunctionWord(words[k - 1]),
                   !looksLikeAdjective(k, keys), !isWord(k - 1, .preNominal) { break }
                // A participle with its complement is a clause: "la note d'inspection adressée aux élus",
                // "le conducteur soupçonné d'avoir …" (not "les éleveurs du plateau boisé de Millevaches").
                if last >= 0, token.kind == .word, !token.isCapitalized, KeyList.pastParticipleEndings.endsOne(key), k + 1 < m {
                    let next = keys[k + 1]
                    if KeyList.de.contains(next) {
                        if k + 2 < m, !document.tokens[document.content[k + 2]].isCapitalized,
                           KeyList.commonInfinitives.contains(keys[k + 2]) || KeyList.infinitiveEndings.endsOne(keys[k + 2]) { break }
                    } else if lexicon.isFunction(words[k + 1], .preposition) || KeyList.participleLinks.contains(next) {
                        break
                    }
                }
                if let nationality = lexicon.nationalityByWord[word] { country = nationality.country; roles.append(key) }
                if let (c, length) = lexicon.countries.match(words: words, at: k) { country = c.name; k += length; last = k - 1; continue }
                if let (c, length) = lexicon.institutions.match(words: words, at: k) { if !c.isEmpty { country = c }; k += length; last = k - 1; continue }
                last = k
                k += 1
            }
            guard last > j else { break }
            end = last + 1
            j = end
        }
        // Lowercase words the lexicons do not know, before an apposed name:
        // "Le directeur des travaux publics, Marc Tessier" (the role keeps them).
        var extra = end
        while extra < m, extra - end < 2, document.tokens.kind(document.content[extra]) == .word,
              !document.tokens[document.content[extra]].isCapitalized, isOpenWord(extra) { extra += 1 }
        if extra > end, extra + 1 < m, keys[extra].equalsASCII(","), document.tokens[document.content[extra + 1]].isCapitalized, isNamePart(extra + 1) {
            end = extra
        }
        // An organisation named by a title in marks: l'association "Halles vivantes".
        if organisationHead != nil, end < m, document.tokens.kind(document.content[end]) == .quoteMark,
           let title = quoteStarting(at: document.tokens[document.content[end]].start), title.kind == .nonspeech || title.content.count < 40,
           let close = title.close {
            end = Int(document.contentIndex[document.tokenIndex(at: close)]) + 1
        }
        let detKey = determiner.map { keys[$0] } ?? "le"
        let range = document.workingRange(content: d, through: end - 1)
        var gender = head?.value.gender ?? organisationHead!.value.gender
        if gender == .unknown { gender = nationalityGender }
        if gender == .unknown, determiner != nil, let agreement = lexicon.functionAgreement[detKey], detKey != "son", detKey != "leur" { gender = agreement.0 }
        let number = head?.value.number ?? organisationHead!.value.number
        let kind: MentionKind
        if organisationHead != nil {
            kind = .organisation
        } else if determiner.map({ isWord($0, .definite) }) ?? true {
            kind = number == .plural && !KeyList.pluralPossessives.contains(detKey) ? .unnamed : .role
        } else {
            kind = .unnamed
        }
        // Display without quotation marks: l'association "Halles vivantes" → l'association Halles vivantes.
        // Apostrophes (l’association) stay.
        let text = document.originalText(range) { CharacterClass.isQuoteMark($0) && !CharacterClass.isApostrophe($0) }
        let mention = Mention(content: d..<end, range: range, text: text, roles: roles, country: country, kind: kind, gender: gender, number: number,
                              hasHonorific: false, insideQuote: false, isWeak: false)
        return (mention, end)
    }

    static let demonstratives: [String: (Gender, GrammaticalNumber)] = [
        "ce dernier": (.masculine, .singular), "cette dernière": (.feminine, .singular),
        "ces derniers": (.masculine, .plural), "ces dernières": (.feminine, .plural),
    ]

    /// A definite article and a run of capitalised words (`le Hezbollah`, `Le
    /// Temps`) right after a verb cue (past adverbs) or right before one: an
    /// organisation speaking.
    func articleName(_ document: Document, article d: Int, cueEnds: PositionSet, subjects: PositionSet) -> Mention? {
        let keys = document.contentKeys
        let m = lineLimit(from: d, count: keys.count)
        var end = d + 1
        while end < m, end - d <= 4, document.tokens[document.content[end]].isCapitalized, document.tokens.kind(document.content[end]) == .word,
              isNamePart(end) || end > d + 1, !lexicon.isFunctionWord(words[end]), sameLine(document, end) {
            end += 1
            while end + 1 < m, keys[end].equalsASCII("-"), document.tokens[document.content[end + 1]].isCapitalized,
                  adjacent(document, end - 1, end), adjacent(document, end, end + 1) { end += 2 }
        }
        guard end > d + 1 else { return nil }
        // Its complement of capitalised words: "le Temps d'Algérie", "la Dépêche du Midi".
        if end + 1 < m, KeyList.complementLinks.contains(keys[end]), document.tokens[document.content[end + 1]].isCapitalized, sameLine(document, end + 1) {
            var k = end + 1
            while k < m, k - end <= 3, document.tokens[document.content[k]].isCapitalized, document.tokens.kind(document.content[k]) == .word { k += 1 }
            end = k
        }
        // A number that belongs to the name: "le Sdis 29".
        if end < m, document.tokens.kind(document.content[end]) == .number, adjacentWord(document, end) { end += 1 }
        var j = d - 1
        while j >= 0, lexicon.isFunction(words[j], .adverb) || lexicon.isWord(words[j], .dateWord) { j -= 1 }
        // Past a short phrase between commas: "s'exclame, en une, le Quotidien".
        if j > 0, keys[j].equalsASCII(",") {
            var k = j - 1
            while k > 0, j - k < 5, !keys[k].equalsASCII(","), !keys[k].equalsASCII(".") { k -= 1 }
            if k >= 0, keys[k].equalsASCII(","), cueEnds.contains(k) { j = k - 1 }
        }
        guard cueEnds.contains(j + 1) || subjects.contains(end - 1) else { return nil }
        // A known first name makes it a person with an article: not ours.
        if lexicon.firstNameByWord[words[d + 1]] != nil { return nil }
        let range = document.workingRange(content: d, through: end - 1)
        return Mention(content: d..<end, range: range, text: document.originalText(range), roles: [], country: nil, kind: .organisation,
                       gender: lexicon.functionAgreement[keys[d]]?.0 ?? .unknown, number: .singular, hasHonorific: false, insideQuote: false,
                       isWeak: false)
    }

    /// Determiner + lowercase words up to punctuation, when the phrase starts
    /// right after a verb cue or ends right before one.
    func slotPhrase(_ document: Document, determiner d: Int, slots: PositionSet) -> Mention? {
        let keys = document.contentKeys
        let m = lineLimit(from: d, count: keys.count)
        var end = d + 1
        while end < m, end - d <= 4 {
            let token = document.tokens[document.content[end]]
            guard token.kind == .word, !token.isCapitalized, !lexicon.isFunctionWord(words[end]) || lexicon.nationalityByWord[words[end]] != nil,
                  lexicon.verbFormsByWord[words[end]] == nil || end == d + 1 else { break }
            end += 1
        }
        guard end > d + 1, slots.contains(d) || slots.contains(end - 1) else { return nil }
        // A place or body as complement: "la mairesse de Valcourt", "la meneuse des Bleues".
        if end + 1 < m, KeyList.complementLinks.contains(keys[end]), document.tokens[document.content[end + 1]].isCapitalized {
            var k = end + 1
            while k < m, k - end <= 4, document.tokens[document.content[k]].isCapitalized || (keys[k].equalsASCII("-") && k + 1 < m) { k += 1 }
            end = k
        }
        let range = document.workingRange(content: d, through: end - 1)
        let definite = isWord(d, .definite)
        var gender: Gender = .unknown
        var number: GrammaticalNumber = .singular
        if let agreement = lexicon.functionAgreement[keys[d]], !keys[d].equalsASCII("son"), !keys[d].equalsASCII("leur") { gender = agreement.0; number = agreement.1 }
        var country: String? = nil
        var roles = [keys[d + 1]]
        for k in (d + 1)..<end {
            if let nationality = lexicon.nationalityByWord[words[k]] { country = nationality.country; roles.append(keys[k]); if gender == .unknown { gender = nationality.gender } }
        }
        return Mention(content: d..<end, range: range, text: document.originalText(range), roles: roles, country: country,
                       kind: definite && number == .singular ? .role : .unnamed, gender: gender, number: number, hasHonorific: false,
                       insideQuote: false, isWeak: false)
    }
}

/// A few numbers, asked for by binary search: a document's surname keys
/// (``MentionFinder/documentSurnames(_:)``).
struct SortedNumbers: Sendable {
    private let numbers: [Int32]

    init(_ numbers: [Int32]) { self.numbers = numbers.sorted() }

    func contains(_ n: Int32) -> Bool {
        var low = 0, high = numbers.count
        while low < high {
            let mid = (low + high) / 2
            if numbers[mid] < n { low = mid + 1 } else { high = mid }
        }
        return low < numbers.count && numbers[low] == n
    }
}
