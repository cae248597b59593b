/// Finds every translation cue of a document (`en turc`, `selon une
/// traduction en russe de ses propos`, `par un interprète`) outside the
/// words of quotes in marks, once per document; ``TranslationCueAssigner``
/// then decides which quotes each one speaks for.
///
/// ```swift
/// let finder = TranslationCueFinder(cues: try .bundled(), lexicon: lexicon)
/// finder.find(in: document, quotes: spans)
/// // [Occurrence(role: .relay, language: "ru", content: 412..<420, sentence: 9)]
/// ```
struct TranslationCueFinder {
    /// One cue in the text.
    struct Occurrence: Equatable {
        var role: TranslationCues.Role
        var language: String?
        /// Content-token range of the cue.
        var content: Range<Int>
        var sentence: Int
    }

    let cues: TranslationCues
    /// Language names as phrases (`créole haïtien`, `langue de Goethe`), compiled over `words`.
    let languages: PhraseTable<String>
    /// The words of the patterns and of the language names. Many are in no
    /// lexicon (`interprète`, `exprimée`), so the finder numbers them itself:
    /// one look-up per content token, then the patterns are matched by id.
    let words: WordTable
    /// `cues` over `words`.
    let byWord: TranslationCues.Compiled

    init(cues: TranslationCues, lexicon: FrenchLexicon, periphrases: LanguagePeriphrases? = nil) {
        self.cues = cues
        var names = PhraseTable<String>()
        for (form, code) in lexicon.languageCodes { names.insert(form, code) }
        // `la langue de Goethe`: a writer's language, read where a language name is.
        for (phrase, code) in periphrases?.codes ?? [:] { names.insert(phrase, code) }
        words = WordTable(cues.words + names.words)
        names.compile(words)
        languages = names
        byWord = cues.compiled(words)
    }

    /// The cues of `document`, in text order, skipping the words of quotes in
    /// marks (a quote that says `en anglais` says nothing about itself).
    /// - Complexity: O(n) in content tokens: one word look-up each, then an
    ///   array read, and a few pattern tests for the tokens that start one.
    func find(in document: Document, quotes: [QuoteSpan]) -> [Occurrence] {
        let ids = document.words(in: words)
        // Content ranges of the words in marks, in order.
        var quoted: [Range<Int>] = []
        for quote in quotes where quote.open != nil {
            let start = Int(document.contentIndex[min(document.tokenIndex(at: quote.content.lowerBound), document.tokens.count - 1)])
            let end = document.tokenIndex(at: quote.content.upperBound) >= document.tokens.count
                ? ids.count : Int(document.contentIndex[document.tokenIndex(at: quote.content.upperBound)])
            if start < end { quoted.append(start..<end) }
        }
        quoted.sort { $0.lowerBound < $1.lowerBound }
        var found: [Occurrence] = []
        var q = 0
        for (s, sentence) in document.sentences.enumerated() where !sentence.tokens.isEmpty {
            var i = Int(document.contentIndex[sentence.tokens.lowerBound])
            let end = sentence.tokens.upperBound >= document.tokens.count ? ids.count : Int(document.contentIndex[sentence.tokens.upperBound])
            while i < end {
                while q < quoted.count, quoted[q].upperBound <= i { q += 1 }
                if q < quoted.count, quoted[q].contains(i) { i = quoted[q].upperBound; continue }
                // A cue stops at the next quote's words.
                let limit = q < quoted.count ? min(end, max(quoted[q].lowerBound, i)) : end
                // Up to there, the words that begin no cue are passed over in one scan.
                guard let first = byWord.firstPatternStart(ids, in: i..<limit) else { i = limit; continue }
                i = first
                guard let match = byWord.match(ids, at: i, end: limit, languages: languages) else { i += 1; continue }
                found.append(Occurrence(role: match.role, language: match.language, content: i..<(i + match.length), sentence: s))
                i += match.length
            }
        }
        return found
    }
}
