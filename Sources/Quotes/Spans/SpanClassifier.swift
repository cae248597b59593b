/// Decides whether a quote in marks is `direct`, `mixed` or `nonspeech`.
///
/// - `nonspeech`: a title cue stands just before it (`le rapport «Tendances
///   mondiales»`, `un film intitulé «…»`) and the quote reads like a title
///   (capitalised or after `intitulé`, short, no final punctuation).
/// - `direct`: the quote opens its sentence or follows `:`, a comma or a
///   dash; or it follows `que` and runs to the end of the clause
///   (`a déclaré que «ces sanctions …», a-t-il lancé`); or it is a
///   capitalised utterance that ends its clause (`a lancé «Nous partons»`).
/// - `mixed`: anything else — a fragment inside the narrator's clause.
public struct SpanClassifier: Sendable {
    let lexicon: FrenchLexicon

    public init(lexicon: FrenchLexicon) { self.lexicon = lexicon }

    public func classify(_ spans: [QuoteSpan], in document: Document) -> [QuoteSpan] {
        spans.map { span in
            var result = span
            result.kind = kind(of: span, in: document)
            return result
        }
    }

    func kind(of span: QuoteSpan, in document: Document) -> QuoteKind {
        guard let open = span.open else { return span.kind }
        let tokens = document.tokens
        let keys = document.keys
        let openToken = document.tokenIndex(at: open)
        let sentenceStart = document.sentences[document.sentenceIndex(ofToken: min(openToken, tokens.count - 1))].tokens.lowerBound
        let previous = previousToken(before: openToken, notBefore: sentenceStart, tokens)
        let contentFirst = document.text.scalars[span.content.lowerBound]
        let capitalised = CharacterClass.isUppercase(contentFirst)
        let words = wordCount(span.content, document)
        let ids = lexicon.words(of: document)

        if let previous, isTitleContext(previous: previous, capitalised: capitalised, words: words, span: span, document: document, ids) {
            return .nonspeech
        }
        if looksLikeTitle(span, words: words, document, ids) { return .nonspeech }
        if let previous, capitalised, isPublicationSlot(previous: previous, sentenceStart: sentenceStart, document, ids),
           looksLikeName(span, words: words, document, ids) {
            return .nonspeech
        }
        guard var previous else { return .direct }
        // An elided word glued to the mark: "a qualifié d'« historique »".
        if tokens.kind(previous) == .quoteMark, CharacterClass.isApostrophe(document.text.scalars[tokens[previous].start]),
           previous > 0, tokens.kind(previous - 1) == .word, tokens[previous - 1].end == tokens[previous].start {
            previous -= 1
        }
        var key = keys[previous]
        if tokens.kind(previous) == .word, previous + 1 < tokens.count, tokens.kind(previous + 1) == .quoteMark,
           CharacterClass.isApostrophe(document.text.scalars[tokens[previous + 1].start]) { key += "'" }
        switch tokens.kind(previous) {
        case .punctuation:
            if key.equalsASCII(":") || key.equalsASCII(".") || key.equalsASCII("!") || key.equalsASCII("?") || key == "…" || key.equalsASCII("(") || key.equalsASCII("[") { return .direct }
            // After a comma or a dash, a capitalised utterance; a lowercase fragment continues the clause.
            if ",—–-;".contains(key) { return capitalised ? .direct : .mixed }
            return .mixed
        case .quoteMark:
            return .direct
        default:
            break
        }
        let runsToClauseEnd = closesClause(after: span, document)
        if (key.equalsASCII("que") || key.equalsASCII("qu'")) && runsToClauseEnd { return .direct }
        // A capitalised utterance after a verb ("a lancé «Nous partons»"), not a
        // name after an article or a preposition ("les «Gilets jaunes»").
        if capitalised && runsToClauseEnd && words >= 2 && !lexicon.isFunction(key, .determiner) && !lexicon.isFunction(key, .preposition) {
            return .direct
        }
        return .mixed
    }

    /// Whether what follows the quote ends its clause: punctuation, the end
    /// of the sentence or paragraph.
    private func closesClause(after span: QuoteSpan, _ document: Document) -> Bool {
        let after = span.close.map { $0 + 1 } ?? span.content.upperBound
        var t = document.tokenIndex(at: after)
        while t < document.tokens.count, document.tokens.kind(t) == .space {
            if document.text.scalars[document.tokens[t].start] == "\n" { return true }
            t += 1
        }
        guard t < document.tokens.count else { return true }
        return document.tokens.kind(t) == .punctuation
    }

    private func previousToken(before index: Int, notBefore floor: Int, _ tokens: TokenList) -> Int? {
        var t = index - 1
        while t >= floor, tokens.kind(t) == .space { t -= 1 }
        return t >= floor && t >= 0 ? t : nil
    }

    private func wordCount(_ range: Range<Int>, _ document: Document) -> Int {
        var count = 0
        var t = document.tokenIndex(at: range.lowerBound)
        while t < document.tokens.count, document.tokens[t].start < range.upperBound {
            if document.tokens.kind(t) == .word || document.tokens.kind(t) == .number { count += 1 }
            t += 1
        }
        return count
    }

    /// A short capitalised name in marks that opens with an article and a
    /// capital ("Les Saisons de Kars", "Le Fleuve sans nom"), with no verb
    /// of speech and no final punctuation: a title, not an utterance.
    private func looksLikeTitle(_ span: QuoteSpan, words: Int, _ document: Document, _ ids: ContentWords) -> Bool {
        guard words >= 2, words <= 8 else { return false }
        let last = document.text.scalars[span.content.upperBound - 1]
        if ".!?…,".unicodeScalars.contains(last) { return false }
        // Its words: the first a capitalised article, the second capitalised, none a verb.
        var t = document.tokenIndex(at: span.content.lowerBound)
        var seen = 0
        while t < document.tokens.count, document.tokens[t].start < span.content.upperBound {
            if document.tokens.kind(t) == .word || document.tokens.kind(t) == .number {
                if seen < 2, !document.tokens[t].isCapitalized { return false }
                if seen == 0, !KeyList.articles.contains(document.keys[t]) { return false }
                if isVerbOrAuxiliary(id(of: t, document, ids)) { return false }
                seen += 1
            }
            t += 1
        }
        return seen >= 2
    }

    /// The lexicon's id of token `t` (unknown for a space).
    @inline(__always)
    private func id(of t: Int, _ document: Document, _ ids: ContentWords) -> WordID {
        document.tokens.kind(t) == .space ? .unknown : ids[Int(document.contentIndex[t])]
    }

    /// A verb form, or a form of `avoir` or `être`.
    @inline(__always)
    private func isVerbOrAuxiliary(_ id: WordID) -> Bool {
        lexicon.verbFormsByWord[id] != nil || lexicon.isFunction(id, .auxAvoir) || lexicon.isFunction(id, .auxEtre)
    }

    /// Where a publication's name stands: after `dans` (`écrit X dans «Le
    /// Républicain lorrain»`), or after `dans` and an article (`dans Les
    /// «Dernières Nouvelles»`).
    private func isPublicationSlot(previous: Int, sentenceStart: Int, _ document: Document, _ ids: ContentWords) -> Bool {
        let keys = document.keys
        if keys[previous].equalsASCII("dans") { return true }
        guard lexicon.isFunction(id(of: previous, document, ids), .determiner), let before = previousToken(before: previous, notBefore: sentenceStart, document.tokens) else { return false }
        return keys[before].equalsASCII("dans")
    }

    /// A short capitalised run in marks with no verb and no final punctuation: a name, not words said.
    private func looksLikeName(_ span: QuoteSpan, words: Int, _ document: Document, _ ids: ContentWords) -> Bool {
        guard words >= 1, words <= 6 else { return false }
        let last = document.text.scalars[span.content.upperBound - 1]
        if ".!?…,".unicodeScalars.contains(last) { return false }
        var t = document.tokenIndex(at: span.content.lowerBound)
        while t < document.tokens.count, document.tokens[t].start < span.content.upperBound {
            if document.tokens.kind(t) == .word, isVerbOrAuxiliary(id(of: t, document, ids)) { return false }
            t += 1
        }
        return true
    }

    /// A title cue within three words before the quote, with no verb between.
    private func isTitleContext(previous: Int, capitalised: Bool, words: Int, span: QuoteSpan, document: Document, _ ids: ContentWords) -> Bool {
        guard words <= 12 else { return false }
        let last = document.text.scalars[span.content.upperBound - 1]
        if last == "." || last == "!" || last == "?" { return false }
        var t = previous
        var seen = 0
        while t >= 0, seen < 4 {
            let token = document.tokens[t]
            if token.kind == .space || document.keys[t].equalsASCII("-") { t -= 1; continue }
            guard token.kind == .word else { return false }
            let key = document.keys[t]
            if lexicon.titleCueWords.id(key).isKnown {
                // Participles (intitulé, baptisé) take any title but stand right before it; nouns want a capital.
                let participle = key.hasSuffix("é") || key.hasSuffix("ée") || key.hasSuffix("és") || key.hasSuffix("ées")
                return participle ? seen == 0 : capitalised
            }
            if isVerbOrAuxiliary(id(of: t, document, ids)) { return false }
            seen += 1
            t -= 1
        }
        return false
    }
}
