/// A document read by the text layer: original text, NFC working text,
/// tokens, sentences and paragraphs. Immutable; later stages only read it.
public struct Document: Sendable {
    /// The file path or input id.
    public let id: String
    public let source: SourceText
    public let text: NormalizedText
    public let tokens: TokenList
    /// For each token, its lowercase form with ’ read as ' (empty for spaces),
    /// read from ``contentKeys``.
    public var keys: TokenKeys { TokenKeys(tokens: tokens, contentKeys: contentKeys, contentIndex: contentIndex) }
    public let sentences: [Sentence]
    public let paragraphs: [Paragraph]
    /// For each content token (by its index in ``content``), the index of
    /// its sentence: the stages ask it of words, never of spaces.
    public let contentSentence: [Int32]
    /// The first working index after a dateline or metadata prefix.
    public let bodyStart: Int
    /// Indices of the tokens that are not spaces, in order: the "content"
    /// view that lexicon phrases are matched against.
    public let content: ContentTokens
    /// The keys of the content tokens, each distinct key stored once.
    public let contentKeys: ContentKeys
    /// For each token, its index in ``content`` (or of the next content token).
    public let contentIndex: ContentIndex
    /// The lexicon's id of each content key (``FrenchLexicon/words(of:)``),
    /// set once by ``QuoteExtractor``; empty when no lexicon numbered them.
    public internal(set) var contentWords: ContentWords = .none
    /// The ids of the keys' words in the analyzer's word tables.
    let vocabularyIDs: VocabularyIDs

    init(id: String, source: SourceText, text: NormalizedText, table: TokenTable,
         sentences: [Sentence], paragraphs: [Paragraph], bodyStart: Int) {
        self.id = id
        self.source = source
        self.text = text
        self.tokens = table.tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.bodyStart = bodyStart
        content = table.content
        contentKeys = table.contentKeys
        vocabularyIDs = table.vocabulary.wordIDs
        contentIndex = table.contentIndex
        var owner = [Int32](repeating: 0, count: table.content.count)
        // A sentence's content tokens run from the content index of its first token to that of the next sentence's.
        func contentStart(_ t: Int) -> Int { t < table.contentIndex.count ? Int(table.contentIndex[t]) : owner.count }
        for (index, sentence) in sentences.enumerated() {
            let first = contentStart(sentence.tokens.lowerBound), end = contentStart(sentence.tokens.upperBound)
            for c in first..<end { owner[c] = Int32(index) }
        }
        contentSentence = owner
    }

    /// The number in ``contentKeys`` of the key `word` (lowercase, NFC),
    /// or nil when no token has had it: a stage tests a token against a
    /// word by comparing two numbers, without making the token's `String`.
    ///
    /// ```swift
    /// let de = document.keyNumber("de")
    /// document.contentKeys.numbers[c] == de    // content token c is "de" (or "De")
    /// ```
    public func keyNumber(_ word: String) -> Int32? {
        let id = vocabularyIDs.numbering.id(word)
        return id.isKnown ? id.raw : nil
    }

    /// The id in `table` of each content token's key.
    /// - Complexity: O(1) for a table the analyzer was given; otherwise one
    ///   look-up per distinct key.
    public func words(in table: WordTable) -> ContentWords {
        ContentWords(byKey: vocabularyIDs.ids(in: table), numbers: contentKeys.numbers)
    }

    /// The working range from content token `a` to content token `b` (inclusive).
    public func workingRange(content a: Int, through b: Int) -> Range<Int> {
        tokens[content[a]].start..<tokens[content[b]].end
    }

    /// The original range of a working range.
    public func sourceRange(_ range: Range<Int>) -> SourceRange { text.sourceRange(range) }

    /// The original text of a working range.
    public func originalText(_ range: Range<Int>) -> String { source.text(sourceRange(range)) }

    /// The original text of a working range without the scalars `dropped`
    /// picks: `String(originalText(range).unicodeScalars.filter { !dropped($0) })`,
    /// read from the scalars once, and a string made straight from them when
    /// none is dropped (the common case).
    func originalText(_ range: Range<Int>, dropping dropped: (Unicode.Scalar) -> Bool) -> String {
        let original = sourceRange(range)
        let slice = source.scalars[original.lowerBound.value..<original.upperBound.value]
        guard slice.contains(where: dropped) else { return ScalarString.make(slice) }
        return String(String.UnicodeScalarView(slice.filter { !dropped($0) }))
    }

    /// The index of the token that contains working index `position`
    /// (or the first token after it).
    /// - Complexity: O(log n).
    public func tokenIndex(at position: Int) -> Int { tokens.index(containing: position) }

    /// The index of the sentence that holds token `t`.
    public func sentenceIndex(ofToken t: Int) -> Int {
        if tokens.kind(t) != .space { return Int(contentSentence[Int(contentIndex[t])]) }
        return Self.index(of: t, count: sentences.count) { sentences[$0].tokens.upperBound }
    }

    /// The index of the sentence that contains working index `position`.
    public func sentenceIndex(at position: Int) -> Int {
        // Over the array in place: rules and notes ask this several times per quote.
        sentences.withUnsafeBufferPointer { sentences in Self.index(of: position, count: sentences.count) { sentences[$0].range.upperBound } }
    }

    /// The index of the paragraph that contains working index `position`.
    public func paragraphIndex(at position: Int) -> Int {
        paragraphs.withUnsafeBufferPointer { paragraphs in Self.index(of: position, count: paragraphs.count) { paragraphs[$0].range.upperBound } }
    }

    /// The working positions for which ``paragraphIndex(at:)`` gives `paragraph`,
    /// for a walk over tokens that stays in one paragraph: one comparison per
    /// token instead of a search. Paragraph 0 reaches down to `Int.min`, the
    /// last one up to `Int.max`, as the search clamps.
    public func paragraphPositions(_ paragraph: Int) -> Range<Int> {
        let lower = paragraph > 0 && paragraph - 1 < paragraphs.count ? paragraphs[paragraph - 1].range.upperBound : Int.min
        let upper = paragraph < paragraphs.count - 1 ? paragraphs[paragraph].range.upperBound : Int.max
        return lower..<max(lower, upper)
    }

    /// The first of `count` ranges whose end is after `position` (clamped to the last one).
    /// - Complexity: O(log n).
    private static func index(of position: Int, count: Int, end: (Int) -> Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if end(mid) <= position { low = mid + 1 } else { high = mid }
        }
        return min(low, max(count - 1, 0))
    }
}

/// The key of every token, spaces included (empty), as a collection over
/// the document's content keys: no second array of strings per document.
public struct TokenKeys: RandomAccessCollection, Sendable {
    let tokens: TokenList
    let contentKeys: ContentKeys
    let contentIndex: ContentIndex

    public var startIndex: Int { 0 }
    public var endIndex: Int { tokens.count }

    public subscript(t: Int) -> String {
        tokens.kind(t) == .space ? "" : contentKeys[Int(contentIndex[t])]
    }
}

