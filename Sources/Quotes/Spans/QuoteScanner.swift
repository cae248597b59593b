/// Finds the quotations of a document from its quote-mark tokens.
///
/// A stack of open marks handles nesting to any depth; only outermost
/// quotes are reported (inner ones stay inside their text, flagged
/// `contains-nested`). A paragraph that ends inside an open quote continues
/// it when the next paragraph reopens with a mark of the same style (French
/// multi-paragraph quotes), or when the next paragraph's first mark closes
/// it; otherwise the quote is closed at the paragraph end, before its final
/// punctuation, and flagged `unclosed`.
///
/// Real text mixes styles; the scanner pairs what it can, flagging
/// `mismatched-marks`:
/// - a closing mark of another style closes the innermost open quote unless
///   the right closer comes first among the later marks of the paragraph
///   (`« … “`, `“ … »`, `« … "`, `" … »`);
/// - a closing mark with nothing to close and glued to the next word opens
///   a quote (`»Nous partons »`); any other stray closing mark is ignored.
///
/// A straight quote is read from its neighbours (`"mot`, `mot"`); when some
/// have spaces on both sides (`" Nous sommes prêts "`) and the paragraph
/// holds an even number of them, they pair up in order instead. Straight and single quotes that do not pair up
/// within their paragraph (apostrophes, inch marks) are ignored, and the
/// quotes they seemed to hold are reported on their own.
///
/// ```swift
/// QuoteScanner.scan(doc)   // [QuoteSpan(content: 1..<4, kind: .direct, …)]
/// ```
/// - Complexity: O(n) in the number of tokens.
public enum QuoteScanner {
    struct Open {
        var style: MarkStyle
        var mark: Int
        var contentStart: Int
        var flags: QuoteFlags = []
        /// Quotes in strong marks closed inside this weak mark while it was
        /// outermost: reported on their own if it is dropped unpaired.
        var provisional: [QuoteSpan] = []
    }

    /// The outermost quotes of `document`, in text order, with kind `.direct`
    /// (``SpanClassifier`` decides the kind).
    public static func scan(_ document: Document) -> [QuoteSpan] {
        var scan = Scan(document)
        for p in document.paragraphs.indices { scan.read(paragraph: p) }
        scan.finish()
        return scan.spans.sorted { $0.content.lowerBound < $1.content.lowerBound }
    }
}

/// One pass of ``QuoteScanner`` over a document.
private struct Scan {
    let s: [Unicode.Scalar]
    let tokens: TokenList
    let paragraphs: [Paragraph]
    var spans: [QuoteSpan] = []
    var stack = OpenMarks()
    /// In the paragraph being read, for each of its marks in order: bit
    /// ``MarkStyle/slot`` is set when the next mark that opens or closes that
    /// style is a closing one (the quote's own closer is still to come).
    var closerAhead: [UInt8] = []
    /// The index in `closerAhead` of the mark being read.
    var markIndex = 0
    /// In the paragraph being read: whether each of its straight marks opens,
    /// in order, when they pair up by count (empty otherwise).
    var straightOpens: [Bool] = []
    var straightSeen = 0
    /// The document's quote-mark tokens, in order: a paragraph reads its
    /// own from here instead of testing each of its tokens three times.
    let marks: [Int]

    init(_ document: Document) {
        s = document.text.scalars
        tokens = document.tokens
        paragraphs = document.paragraphs
        var marks: [Int] = []
        for t in 0..<document.tokens.count where document.tokens.kind(t) == .quoteMark { marks.append(t) }
        self.marks = marks
    }

    /// The quote marks among `range` of tokens.
    func marks(in range: Range<Int>) -> ArraySlice<Int> {
        func first(atLeast t: Int) -> Int {
            var low = 0, high = marks.count
            while low < high {
                let mid = (low + high) / 2
                if marks[mid] < t { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return marks[first(atLeast: range.lowerBound)..<first(atLeast: range.upperBound)]
    }

    mutating func read(paragraph p: Int) {
        let paragraph = paragraphs[p]
        var skip: Int? = nil
        if p > 0, !stack.isEmpty {
            skip = endParagraph(paragraphs[p - 1].range.upperBound, next: paragraph)
        }
        prepare(paragraph, skipping: skip)
        markIndex = 0
        for t in marks(in: paragraph.tokens) where t != skip {
            mark(t)
            markIndex += 1
        }
    }

    mutating func finish() {
        if !stack.isEmpty, let last = paragraphs.last {
            _ = endParagraph(last.range.upperBound, next: nil)
        }
    }

    /// Notes, for the paragraph about to be read, which closers are still
    /// to come after each mark, and whether its straight marks pair up by count.
    private mutating func prepare(_ paragraph: Paragraph, skipping skip: Int?) {
        closerAhead.removeAll(keepingCapacity: true)
        straightOpens.removeAll(keepingCapacity: true)
        straightSeen = 0
        var straight = 0, spaced = 0
        for t in marks(in: paragraph.tokens) where t != skip {
            closerAhead.append(0)
            if s[tokens[t].start] == "\"" {
                straight += 1
                if MarkPosition(at: tokens[t].start, in: s).spaced { spaced += 1 }
            }
        }
        var ahead: UInt8 = 0
        var k = closerAhead.count
        for t in marks(in: paragraph.tokens).reversed() where t != skip {
            k -= 1
            closerAhead[k] = ahead
            let scalar = s[tokens[t].start]
            guard let (role, own) = QuoteMark.classify(scalar) else { continue }
            for style in MarkStyle.allCases {
                if QuoteMark.closes(scalar, style) { ahead |= 1 << style.slot }
                else if style == own, role != .close { ahead &= ~(1 << style.slot) }
            }
        }
        // Straight marks with spaces on both sides cannot be read from their
        // neighbours: when the paragraph's straight marks (and one left open
        // by the previous paragraph) are even in number, they alternate.
        let carried = stack.contains(.straight) ? 1 : 0
        guard spaced > 0, (straight + carried) % 2 == 0 else { return }
        for k in 0..<straight { straightOpens.append((k + carried) % 2 == 0) }
    }

    private mutating func mark(_ t: Int) {
        let m = tokens[t].start
        let scalar = s[m]
        guard let (role, style) = QuoteMark.classify(scalar) else { return }
        let position = MarkPosition(at: m, in: s)
        switch (role, style) {
        case (.open, _):
            open(style, at: m)
        case (.close, _):
            if let j = stack.lastIndex(closableBy: scalar) {
                close(j, at: m)
            } else if position.opens, position.wordAfter {
                open(style, at: m, flags: [.mismatchedMarks])   // »Nous partons »
            } else if !position.opens {
                _ = closeMismatched(at: m)
            }
        case (.either, .curly):
            // “ closes „ (German); glued to the word before it or ending a clause, it closes what is open; it opens otherwise.
            let closing = position.closes || (position.spaced && endsClause(after: m))
            if let top = stack.last, top.style == .low {
                close(stack.count - 1, at: m)
            } else if closing, let j = stack.lastIndex(of: .curly), !closerAhead(for: .curly) {
                close(j, at: m, mismatched: true)   // “ … “
            } else if !(closing && closeMismatched(at: m)) {
                open(.curly, at: m)
            }
        case (.either, .straight):
            straight(t, at: m, position)
        case (.either, .single):
            if stack.contains(.single), !position.spaceBefore, position.spaceAfter, let j = stack.lastIndex(closableBy: scalar) {
                close(j, at: m)
            } else if position.spaceBefore, let after = position.after, CharacterClass.isLetter(after) {
                open(.single, at: m)
            }
        default:
            break
        }
    }

    private mutating func straight(_ t: Int, at m: Int, _ position: MarkPosition) {
        if straightSeen < straightOpens.count {
            let opens = straightOpens[straightSeen]
            straightSeen += 1
            if opens { open(.straight, at: m) } else if let j = stack.lastIndex(of: .straight) { close(j, at: m) }
            return
        }
        if let j = stack.lastIndex(of: .straight), !position.spaceBefore || position.spaceAfter {
            close(j, at: m)
        } else if !position.spaceAfter {
            open(.straight, at: m)
        } else if !position.isUnit, position.closes || (position.spaced && endsClause(after: m)), closeMismatched(at: m) {
            return   // « … "
        } else if position.spaced, startsClause(before: m) {
            open(.straight, at: m)   // " Nous … » or a lone " Nous … " in an odd paragraph
        }
    }

    private mutating func open(_ style: MarkStyle, at m: Int, flags: QuoteFlags = []) {
        stack.append(QuoteScanner.Open(style: style, mark: m, contentStart: m + 1, flags: flags))
    }

    /// Closes the open mark at `j` (and the marks inside it) with the mark at `m`.
    private mutating func close(_ j: Int, at m: Int, mismatched: Bool = false) {
        var open = stack[j]
        stack.remove(from: j)
        if mismatched { open.flags.insert(.mismatchedMarks) }
        if j == 0 {
            if let span = span(open, contentEnd: m, close: m) { spans.append(span) }
            return
        }
        // Inside weak marks only: a quote of its own unless they pair up.
        if !open.style.isWeak, !stack.hasStrongMark, let span = span(open, contentEnd: m, close: m) {
            stack.addProvisional(span)
        }
        stack.insertOuterFlag(.containsNested)
    }

    /// Closes the innermost open quote with a mark of another style, unless
    /// its own closer comes later in the paragraph or it is a single quote.
    private mutating func closeMismatched(at m: Int) -> Bool {
        guard let top = stack.last, top.style != .single, !closerAhead(for: top.style) else { return false }
        close(stack.count - 1, at: m, mismatched: true)
        return true
    }

    /// Whether, after the mark being read, the next mark that opens or closes `style` closes it.
    private func closerAhead(for style: MarkStyle) -> Bool {
        closerAhead[markIndex] & (1 << style.slot) != 0
    }

    /// Ends the paragraph that ends at `end`: continues or closes what is
    /// open. Returns the reopening mark of `next` when it continues the quote.
    private mutating func endParagraph(_ end: Int, next: Paragraph?) -> Int? {
        // Weak marks never cross a paragraph.
        while let top = stack.last, top.style.isWeak, stack.count > 1 { stack.removeLast() }
        guard let outer = stack.first else { return nil }
        if outer.style == .single { dropWeakOuter(); return nil }
        if let next {
            if let t = next.tokens.first(where: { tokens.kind($0) != .space }), tokens.kind(t) == .quoteMark,
               reopens(s[tokens[t].start], outer.style) {
                stack.remove(from: 1)
                stack.insertOuterFlag(.multiParagraph)
                return t   // consume the reopening mark
            }
            // No reopening mark, but the next paragraph's first mark closes the quote: it runs on.
            if !outer.style.isWeak, let t = next.tokens.first(where: { tokens.kind($0) == .quoteMark && QuoteMark.classify(s[tokens[$0].start])?.1 != .single }),
               QuoteMark.closes(s[tokens[t].start], outer.style), !MarkPosition(at: tokens[t].start, in: s).opens {
                stack.remove(from: 1)
                stack.insertOuterFlag(.multiParagraph)
                return nil
            }
        }
        if outer.style == .straight { dropWeakOuter(); return nil }   // a lone straight mark: not a quote
        if let span = span(outer, contentEnd: end, close: nil) { spans.append(span) }
        stack.removeAll()
        return nil
    }

    /// Drops an unpaired straight or single mark, keeping the quotes it seemed to hold.
    private mutating func dropWeakOuter() {
        if let outer = stack.first { spans += outer.provisional }
        stack.removeAll()
    }

    private func reopens(_ scalar: Unicode.Scalar, _ style: MarkStyle) -> Bool {
        switch style {
        case .guillemets: scalar == "«" || scalar == "»"
        case .curly, .low: scalar == "“" || scalar == "„" || scalar == "‟"
        case .straight: scalar == "\""
        case .singleGuillemets: scalar == "‹" || scalar == "›"
        default: false
        }
    }

    /// The quote from `open` to `contentEnd`, spaces inside the marks
    /// excluded, and for an unclosed quote its final punctuation too; nil
    /// when nothing is left.
    private func span(_ open: QuoteScanner.Open, contentEnd: Int, close: Int?) -> QuoteSpan? {
        var lower = open.contentStart, upper = contentEnd
        while lower < upper, CharacterClass.isSpace(s[lower]) { lower += 1 }
        while upper > lower, CharacterClass.isSpace(s[upper - 1]) || (close == nil && Self.finalPunctuation.contains(s[upper - 1])) {
            upper -= 1
        }
        guard lower < upper else { return nil }
        var flags = open.flags
        if close == nil { flags.insert(.unclosed) }
        return QuoteSpan(content: lower..<upper, open: open.mark, close: close, kind: .direct, style: open.style, flags: flags)
    }

    private static let finalPunctuation = Set(".,;:!?…".unicodeScalars)

    /// Whether, past spaces, the line ends or punctuation follows `m`: `menaces " .`
    private func endsClause(after m: Int) -> Bool {
        var i = m + 1
        while i < s.count, CharacterClass.isSpace(s[i]), !CharacterClass.isLineBreak(s[i]) { i += 1 }
        return i == s.count || CharacterClass.isLineBreak(s[i]) || ",.;:!?)…".unicodeScalars.contains(s[i])
    }

    /// Whether, past spaces, the line starts or a sentence or clause opener precedes `m`: `: " Nous`
    private func startsClause(before m: Int) -> Bool {
        var i = m - 1
        while i >= 0, CharacterClass.isSpace(s[i]), !CharacterClass.isLineBreak(s[i]) { i -= 1 }
        return i < 0 || CharacterClass.isLineBreak(s[i]) || ":.!?(…".unicodeScalars.contains(s[i]) || CharacterClass.isDash(s[i])
    }
}
