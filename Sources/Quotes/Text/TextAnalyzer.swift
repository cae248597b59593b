/// Turns source text into a ``Document``: NFC with an offset map, word
/// segments as ICU's French word rules cut them (plain Latin lines by
/// ``WordSegmenter``, any other line by ICU's iterator), sentence
/// boundaries as ICU's sentence rules find them (``SentenceSegmenter``, or
/// ICU's iterator), elision split, abbreviation repair, paragraphs and
/// dateline.
///
/// ```swift
/// let analyzer = try TextAnalyzer(abbreviations: ["M", "Mme"])
/// let doc = try analyzer.analyze(id: "a.txt", source: SourceText("M. Lavrov a dit «oui»."))
/// doc.sentences.count   // 1
/// ```
/// Owns ICU break iterators: one analyzer per worker.
public final class TextAnalyzer {
    private let words: BreakIterator
    /// Plain French sentence breaks; abbreviations are ours (see ``sentenceRanges``).
    private let sentences: BreakIterator
    /// Abbreviations without their final period, e.g. "M", "Mme", "Dr",
    /// looked up by the bytes of a token's key (NFC, as the keys are).
    private let abbreviations: WordTable
    /// The keys met so far, kept from one document to the next.
    private var vocabulary: Vocabulary
    /// Segments the lines of plain Latin text without ICU (nil: ICU cuts
    /// every line, as tests compare).
    var segmenter: WordSegmenter? = WordSegmenter()
    /// The segments of the line being cut, kept from one line to the next.
    private var segments: [WordSegmenter.Segment] = []
    /// The batch each document's token table fills its arrays from.
    private let staging = TokenStaging()
    /// Finds the sentence boundaries of plain Latin lines without ICU (nil:
    /// ICU reads every line, as tests compare).
    var sentenceSegmenter: SentenceSegmenter? = SentenceSegmenter()

    /// Words that take an elided article or pronoun: l' d' qu' jusqu' …
    private static let elisions = WordTable(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"])

    /// - Parameter tables: word tables whose ids the stages read (the
    ///   lexicon's, the translation cues'): each word met is looked up in
    ///   them once (see ``ContentKeys/words(in:)``).
    ///   - vocabularyLimit: how many distinct words are kept from one
    ///     document to the next before the analyzer starts afresh.
    public init(abbreviations: Set<String>, tables: [WordTable] = [], vocabularyLimit: Int = 1 << 20) throws(ICUError) {
        words = try BreakIterator(.word, locale: "fr")
        sentences = try BreakIterator(.sentence, locale: "fr")
        var nfc: [String] = []
        for abbreviation in abbreviations { nfc.append(try Normalizer.nfc.normalize(abbreviation)) }
        self.abbreviations = WordTable(nfc)
        vocabulary = Vocabulary(tables: tables, limit: vocabularyLimit)
    }

    /// Reads `source` into a document.
    /// - Complexity: O(n) in the length of the text.
    public func analyze(id: String, source: SourceText) throws(ICUError) -> Document {
        var text = try NormalizedText(source)
        let scalars = text.scalars
        let bodyStart = Dateline.bodyStart(in: scalars)
        let table = try tokenize(&text)
        let tokens = table.tokens
        let paragraphRanges = Self.paragraphRanges(scalars)
        let sentenceRanges = try sentenceRanges(&text, table: table, paragraphs: paragraphRanges, bodyStart: bodyStart)

        // Assign tokens to sentences and sentences to paragraphs, in one pass.
        var sentenceList: [Sentence] = []
        sentenceList.reserveCapacity(sentenceRanges.count)
        var paragraphList: [Paragraph] = []
        var tokenCursor = 0
        var paragraphCursor = 0
        var paragraphFirstSentence = 0
        var paragraphFirstToken = 0
        for range in sentenceRanges {
            while paragraphCursor < paragraphRanges.count - 1, range.lowerBound >= paragraphRanges[paragraphCursor].upperBound {
                paragraphList.append(Paragraph(range: paragraphRanges[paragraphCursor], tokens: paragraphFirstToken..<tokenCursor, sentences: paragraphFirstSentence..<sentenceList.count))
                paragraphCursor += 1
                paragraphFirstSentence = sentenceList.count
                paragraphFirstToken = tokenCursor
            }
            let first = tokenCursor
            while tokenCursor < tokens.count, tokens[tokenCursor].start < range.upperBound { tokenCursor += 1 }
            sentenceList.append(Sentence(range: range, tokens: first..<tokenCursor, paragraph: paragraphCursor))
        }
        if !paragraphRanges.isEmpty {
            while paragraphCursor < paragraphRanges.count {
                paragraphList.append(Paragraph(range: paragraphRanges[paragraphCursor], tokens: paragraphFirstToken..<tokenCursor, sentences: paragraphFirstSentence..<sentenceList.count))
                paragraphCursor += 1
                paragraphFirstSentence = sentenceList.count
                paragraphFirstToken = tokenCursor
            }
        }
        return Document(id: id, source: source, text: text.droppingUTF16(), table: table,
                        sentences: sentenceList, paragraphs: paragraphList, bodyStart: bodyStart)
    }

    // MARK: tokens

    private func tokenize(_ text: inout NormalizedText) throws(ICUError) -> TokenTable {
        let scalars = text.scalars
        vocabulary.prepare()
        // The table holds the vocabulary while it numbers keys, then hands it back (no copy).
        var table = TokenTable(scalars: scalars.count, staging: staging)
        swap(&table.vocabulary, &vocabulary)
        defer { vocabulary = table.vocabulary }
        try scalars.withUnsafeBufferPointer { (s) throws(ICUError) in
            guard let segmenter else {
                text.prepareUTF16()
                try icuSegments(text, 0..<text.utf16.count, from: 0, s, &table)
                return
            }
            // Line by line: UAX #29 breaks on both sides of a line break
            // (WB3a, WB3b), so each line is cut as in the whole text, by
            // the segmenter when it can, else by ICU.
            var segments: [WordSegmenter.Segment] = []
            swap(&segments, &self.segments)
            defer { swap(&segments, &self.segments) }
            var start = 0
            while start < s.count {
                let (end, handled) = segmenter.segmentLine(s, from: start, into: &segments)
                if handled {
                    var from = start
                    for segment in segments {
                        // What appendSegment would do, without reading the scalars again.
                        switch segment.shape {
                        case .word: appendWord(from..<segment.end, .word, s, &table)
                        case .number: appendWord(from..<segment.end, .number, s, &table)
                        case .space: table.append(from..<segment.end, .space, s)
                        case .other: appendSegment(from..<segment.end, status: segment.status, s, &table)
                        }
                        from = segment.end
                    }
                } else {
                    text.prepareUTF16()
                    try icuSegments(text, text.utf16Offset(scalar: start)..<text.utf16Offset(scalar: end), from: start, s, &table)
                }
                start = end
            }
        }
        table.finish()
        return table
    }

    /// Adds ICU's segments of the UTF-16 range `range16`, which starts at scalar `first`.
    private func icuSegments(_ text: NormalizedText, _ range16: Range<Int>, from first: Int,
                             _ s: UnsafeBufferPointer<Unicode.Scalar>, _ table: inout TokenTable) throws(ICUError) {
        var previous = first
        try words.forEachBoundary(in: text.utf16, range: range16) { boundary in
            let end = text.scalarIndex(utf16: boundary.utf16Offset)
            if end > previous { appendSegment(previous..<end, status: boundary.ruleStatus, s, &table) }
            previous = end
        }
    }

    /// Adds one ICU segment, splitting off spaces (U+202F is ExtendNumLet in
    /// UAX #29 and may glue to a word) and French elisions.
    private func appendSegment(_ range: Range<Int>, status: Int32, _ s: UnsafeBufferPointer<Unicode.Scalar>, _ table: inout TokenTable) {
        if status == 0 || range.count == 1 {
            // No letters or digits (or a single scalar): one token per scalar
            // except runs of spaces.
            var i = range.lowerBound
            while i < range.upperBound {
                let scalar = s[i]
                if CharacterClass.isSpace(scalar) {
                    var j = i + 1
                    while j < range.upperBound, CharacterClass.isSpace(s[j]) { j += 1 }
                    table.append(i..<j, .space, s)
                    i = j
                } else if CharacterClass.isLetter(scalar) {
                    table.append(i..<(i + 1), .word, s)
                    i += 1
                } else if CharacterClass.isDigit(scalar) {
                    table.append(i..<(i + 1), .number, s)
                    i += 1
                } else {
                    table.append(i..<(i + 1), CharacterClass.isQuoteMark(scalar) ? .quoteMark : .punctuation, s)
                    i += 1
                }
            }
            return
        }
        let kind: TokenKind = (100..<200).contains(status) ? .number : .word
        // Split at any space inside the segment.
        var i = range.lowerBound
        while i < range.upperBound {
            if CharacterClass.isSpace(s[i]) {
                var j = i + 1
                while j < range.upperBound, CharacterClass.isSpace(s[j]) { j += 1 }
                table.append(i..<j, .space, s)
                i = j
                continue
            }
            var j = i + 1
            while j < range.upperBound, !CharacterClass.isSpace(s[j]) { j += 1 }
            appendWord(i..<j, kind, s, &table)
            i = j
        }
    }

    private func appendWord(_ range: Range<Int>, _ kind: TokenKind, _ s: UnsafeBufferPointer<Unicode.Scalar>, _ table: inout TokenTable) {
        if kind == .word {
            // l'Otan → l' + Otan; qu'il → qu' + il.
            var i = range.lowerBound
            while i < range.upperBound, i - range.lowerBound <= 7 {
                if CharacterClass.isApostrophe(s[i]), i > range.lowerBound, i + 1 < range.upperBound {
                    if ScalarString.withKey(s, range.lowerBound..<i, { Self.elisions.id(utf8: $0).isKnown }) {
                        table.append(range.lowerBound..<(i + 1), .word, s)
                        appendWord((i + 1)..<range.upperBound, .word, s, &table)
                        return
                    }
                    break
                }
                i += 1
            }
        }
        table.append(range, kind, s)
    }

    // MARK: paragraphs and sentences

    /// Paragraph ranges: text between blank lines (a line with only spaces).
    static func paragraphRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        scalars.withUnsafeBufferPointer(paragraphRanges(in:))
    }

    private static func paragraphRanges(in s: UnsafeBufferPointer<Unicode.Scalar>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = s.count
        while i < n {
            if s[i] == "\n" || s[i] == "\r" {
                // Look for a following blank line.
                var j = i + 1
                if s[i] == "\r", j < n, s[j] == "\n" { j += 1 }
                var k = j
                while k < n, s[k] != "\n", s[k] != "\r", CharacterClass.isSpace(s[k]) { k += 1 }
                if k < n, s[k] == "\n" || s[k] == "\r" {
                    // Blank line: the paragraph ends at i.
                    if i > start { result.append(start..<i) }
                    var m = k
                    while m < n, CharacterClass.isSpace(s[m]) { m += 1 }
                    start = m
                    i = m
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        if n > start { result.append(start..<n) }
        if result.isEmpty { result.append(0..<n) }
        return result
    }

    private func sentenceRanges(_ text: inout NormalizedText, table: TokenTable,
                                paragraphs: [Range<Int>], bodyStart: Int) throws(ICUError) -> [Range<Int>] {
        let s = text.scalars
        let tokens = table.tokens
        // ICU's suppression list (fr@ss=standard) matches word endings, so
        // "amer." is taken for the abbreviation "mer.". Its iterator only
        // drops breaks of the plain French rules, and every break it dropped
        // had to come back anyway: so read the plain breaks alone, and undo a
        // break after a whole word that is an abbreviation of ours (below).
        var cuts: [Int] = []
        cuts.reserveCapacity(text.count / 40 + 2 * paragraphs.count + 2)
        func add(_ boundary: Int) {
            var cut = boundary
            // UAX #29 treats an opening « as closing punctuation and breaks
            // after it ("amer. « L'arbitrage"): move the break before the mark.
            var j = cut - 1
            while j >= 0, CharacterClass.isSpace(s[j]), !CharacterClass.isLineBreak(s[j]) { j -= 1 }
            if j >= 0, Self.isOpeningMark(s, at: j) { cut = j }
            cuts.append(cut)
        }
        if let sentenceSegmenter {
            // Line by line: a paragraph separator always ends a sentence
            // (SB4), so each line is read as in the whole text, by the
            // segmenter when it can, else by ICU.
            try s.withUnsafeBufferPointer { (s) throws(ICUError) in
                var boundaries: [Int] = []
                var start = 0
                while start < s.count {
                    let (end, handled) = sentenceSegmenter.boundariesOfLine(s, from: start, into: &boundaries)
                    if handled {
                        for boundary in boundaries { add(boundary) }
                    } else {
                        text.prepareUTF16()
                        try sentences.forEachBoundary(in: text.utf16, range: text.utf16Offset(scalar: start)..<text.utf16Offset(scalar: end)) {
                            add(text.scalarIndex(utf16: $0.utf16Offset))
                        }
                    }
                    start = end
                }
            }
        } else {
            text.prepareUTF16()
            try sentences.forEachBoundary(in: text.utf16) { add(text.scalarIndex(utf16: $0.utf16Offset)) }
        }
        for paragraph in paragraphs { cuts.append(paragraph.lowerBound); cuts.append(paragraph.upperBound) }
        if bodyStart > 0 { cuts.append(bodyStart) }
        cuts.append(text.count)
        cuts.sort()
        // Undo a cut right after an abbreviation ("M. Lavrov") or an initial ("J. Dupont").
        var result: [Range<Int>] = []
        var start = 0
        var tokenCursor = 0
        var paragraphCursor = 0
        var previous = 0
        for cut in cuts where cut != previous {
            previous = cut
            while tokenCursor < tokens.count, tokens[tokenCursor].end <= cut { tokenCursor += 1 }
            while paragraphCursor < paragraphs.count, paragraphs[paragraphCursor].lowerBound < cut { paragraphCursor += 1 }
            let startsParagraph = paragraphCursor < paragraphs.count && paragraphs[paragraphCursor].lowerBound == cut
            if cut < text.count, cut != bodyStart, !startsParagraph,
               endsWithAbbreviation(before: tokenCursor, table, s) {
                continue
            }
            if cut > start { result.append(start..<cut) }
            start = cut
        }
        if result.isEmpty { result.append(0..<text.count) }
        return Self.capped(result, table, s)
    }

    /// The most content tokens a sentence may hold (the Corpus's longest has 56).
    static let maximumSentenceLength = 200

    /// Cuts every sentence longer than `limit` content tokens — a pasted
    /// table, a list with no period, hostile input — after its last comma or
    /// semicolon in the second half of the limit, else right at the limit,
    /// so that the rules' searches within a sentence stay bounded and a
    /// document of any shape is read in linear time.
    ///
    /// ```swift
    /// TextAnalyzer.capped([0..<10_000], table, scalars, limit: 200)   // ~50 ranges
    /// ```
    /// - Complexity: O(n) in the number of tokens.
    static func capped(_ ranges: [Range<Int>], _ table: TokenTable, _ s: [Unicode.Scalar],
                       limit: Int = maximumSentenceLength) -> [Range<Int>] {
        let tokens = table.tokens
        var result: [Range<Int>] = []
        result.reserveCapacity(ranges.count)
        var t = 0
        for range in ranges {
            // A range of `limit` scalars or fewer holds `limit` content tokens
            // at most: nothing to cut, and its tokens need not be read.
            if range.count <= limit {
                result.append(range)
                continue
            }
            // The first token that ends after the range starts, found by bisection
            // (the ranges before may have been skipped); never a step back.
            t = max(t, tokens.index(containing: range.lowerBound))
            var start = range.lowerBound
            var count = 0
            var comma: (cut: Int, count: Int)? = nil
            while t < tokens.count, tokens[t].start < range.upperBound {
                defer { t += 1 }
                guard tokens.kind(t) != .space else { continue }
                if count == limit {
                    let cut: Int
                    if let comma, comma.count >= limit / 2 {
                        cut = comma.cut
                        count -= comma.count
                    } else {
                        cut = tokens[t].start
                        count = 0
                    }
                    if cut > start { result.append(start..<cut) }
                    start = cut
                    comma = nil
                }
                count += 1
                // A token that is one comma or semicolon, read on the scalars (no key made).
                let token = tokens[t]
                if token.end == token.start + 1, s[token.start] == "," || s[token.start] == ";" { comma = (token.end, count) }
            }
            result.append(start..<range.upperBound)
        }
        return result
    }

    /// An opening quotation mark: « “ „ ‹ ‟, or a straight " before a letter.
    static func isOpeningMark(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        switch s[i].value {
        case 0xAB, 0x201C, 0x201E, 0x2039, 0x201F: return true
        case 0x22:
            let before = i == 0 || CharacterClass.isSpace(s[i - 1])
            return before && i + 1 < s.count && !CharacterClass.isSpace(s[i + 1])
        default: return false
        }
    }

    /// Whether the tokens before index `next` end in "abbreviation." (skipping spaces).
    private func endsWithAbbreviation(before next: Int, _ table: TokenTable, _ s: [Unicode.Scalar]) -> Bool {
        let tokens = table.tokens
        var i = next - 1
        while i >= 0, tokens.kind(i) == .space { i -= 1 }
        // The period and the word before it, read on the scalars (no key made).
        guard i >= 1 else { return false }
        let period = tokens[i]
        guard period.end == period.start + 1, s[period.start] == "." else { return false }
        let word = tokens[i - 1]
        guard word.kind == .word else { return false }
        if word.end - word.start == 1, word.isCapitalized { return true }
        return s.withUnsafeBufferPointer { s in
            ScalarString.withKey(s, word.range) { abbreviations.id(utf8: $0).isKnown }
        }
    }
}
