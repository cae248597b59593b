/// Finds the quotations of a document from its quote-mark tokens.
///
/// A stack of open marks handles nesting to any depth; only outermost
/// quotes are reported (inner ones stay inside their text, flagged
/// `contains-nested`). A paragraph that ends inside an open quote continues
/// it when the next paragraph reopens with a mark of the same style (French
/// multi-paragraph quotes); otherwise the quote is closed at the paragraph
/// end and flagged `unclosed`. A closing mark with nothing to close is
/// ignored; so are straight and single quotes that do not pair up within
/// their paragraph (apostrophes, inch marks).
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
        var flags: Set<QuoteFlag> = []
    }

    /// The outermost quotes of `document`, in text order, with kind `.direct`
    /// (``SpanClassifier`` decides the kind).
    public static func scan(_ document: Document) -> [QuoteSpan] {
        let s = document.text.scalars
        let tokens = document.tokens
        var spans: [QuoteSpan] = []
        var stack = OpenMarks()

        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, CharacterClass.isSpace(s[lower]) { lower += 1 }
            while upper > lower, CharacterClass.isSpace(s[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        func emit(_ open: Open, contentEnd: Int, close: Int?) {
            let content = trimmed(open.contentStart..<contentEnd)
            guard !content.isEmpty else { return }
            var flags = open.flags
            if close == nil { flags.insert(.unclosed) }
            spans.append(QuoteSpan(content: content, open: open.mark, close: close, kind: .direct, style: open.style, flags: flags))
        }

        /// Closes the innermost open quote that `scalar` can close.
        func close(with scalar: Unicode.Scalar, at position: Int) -> Bool {
            guard let j = stack.lastIndex(closableBy: scalar) else { return false }
            let open = stack[j]
            stack.remove(from: j)
            if j == 0 {
                emit(open, contentEnd: position, close: position)
            } else {
                stack.insertOuterFlag(.containsNested)
            }
            return true
        }

        /// Ends the paragraph that ends at `end`: continues or closes what is open.
        func endParagraph(_ end: Int, nextFirstToken: Int?) -> Int? {
            // Weak marks never cross a paragraph.
            while let top = stack.last, top.style == .single || top.style == .straight, stack.count > 1 { stack.removeLast() }
            guard let outer = stack.first else { return nil }
            if outer.style == .single { stack.removeAll(); return nil }
            if let t = nextFirstToken, tokens[t].kind == .quoteMark {
                let scalar = s[tokens[t].start]
                let continues: Bool
                switch outer.style {
                case .guillemets: continues = scalar == "«" || scalar == "»"
                case .curly, .low: continues = scalar == "“" || scalar == "„" || scalar == "‟"
                case .straight: continues = scalar == "\""
                case .singleGuillemets: continues = scalar == "‹" || scalar == "›"
                default: continues = false
                }
                if continues {
                    stack.remove(from: 1)
                    stack.insertOuterFlag(.multiParagraph)
                    return t   // consume the reopening mark
                }
            }
            if outer.style == .straight {
                // A lone straight mark: not a quote.
                stack.removeAll()
                return nil
            }
            emit(outer, contentEnd: end, close: nil)
            stack.removeAll()
            return nil
        }

        for (p, paragraph) in document.paragraphs.enumerated() {
            var skip: Int? = nil
            if p > 0, !stack.isEmpty {
                let first = paragraph.tokens.first { tokens[$0].kind != .space }
                skip = endParagraph(document.paragraphs[p - 1].range.upperBound, nextFirstToken: first)
            }
            for t in paragraph.tokens where tokens[t].kind == .quoteMark && t != skip {
                let m = tokens[t].start
                let scalar = s[m]
                guard let (role, style) = QuoteMark.classify(scalar) else { continue }
                let before: Unicode.Scalar? = m > 0 ? s[m - 1] : nil
                let after: Unicode.Scalar? = m + 1 < s.count ? s[m + 1] : nil
                let spaceBefore = before.map { CharacterClass.isSpace($0) || "([{—–-/".unicodeScalars.contains($0) || CharacterClass.isQuoteMark($0) } ?? true
                let spaceAfter = after.map { CharacterClass.isSpace($0) || ",.;:!?)]}…".unicodeScalars.contains($0) || CharacterClass.isQuoteMark($0) } ?? true
                switch (role, style) {
                case (.open, _):
                    stack.append(Open(style: style, mark: m, contentStart: m + 1))
                case (.close, _):
                    _ = close(with: scalar, at: m)
                case (.either, .curly):
                    // “ closes „ (German), opens otherwise.
                    if let top = stack.last, top.style == .low { _ = close(with: scalar, at: m) }
                    else { stack.append(Open(style: .curly, mark: m, contentStart: m + 1)) }
                case (.either, .straight):
                    if stack.contains(.straight), !spaceBefore || spaceAfter {
                        _ = close(with: scalar, at: m)
                    } else if !spaceAfter {
                        stack.append(Open(style: .straight, mark: m, contentStart: m + 1))
                    }
                case (.either, .single):
                    if stack.contains(.single), !spaceBefore, spaceAfter {
                        _ = close(with: scalar, at: m)
                    } else if spaceBefore, let after, CharacterClass.isLetter(after) {
                        stack.append(Open(style: .single, mark: m, contentStart: m + 1))
                    }
                default:
                    continue
                }
            }
        }
        if !stack.isEmpty, let last = document.paragraphs.last {
            _ = endParagraph(last.range.upperBound, nextFirstToken: nil)
        }
        spans.sort { $0.content.lowerBound < $1.content.lowerBound }
        return spans
    }
}

/// The open marks of ``QuoteScanner``, innermost last, with the positions of
/// each style kept apart so that finding the mark a scalar closes, or
/// whether a style is open, does not walk the whole stack: 100 000
/// unclosed « followed by as many ” stay linear.
struct OpenMarks {
    private var marks: [QuoteScanner.Open] = []
    /// For each style (``MarkStyle/slot``), the indices in `marks` of its open marks, ascending.
    private var byStyle = [[Int]](repeating: [], count: MarkStyle.slotCount)

    var first: QuoteScanner.Open? { marks.first }
    var last: QuoteScanner.Open? { marks.last }
    var isEmpty: Bool { marks.isEmpty }
    var count: Int { marks.count }
    subscript(index: Int) -> QuoteScanner.Open { marks[index] }

    mutating func append(_ open: QuoteScanner.Open) {
        byStyle[open.style.slot].append(marks.count)
        marks.append(open)
    }

    /// Removes the marks from `index` on.
    /// - Complexity: amortized O(1) per removed mark.
    mutating func remove(from index: Int) {
        guard index < marks.count else { return }
        for open in marks[index...] { byStyle[open.style.slot].removeLast() }
        marks.removeSubrange(index...)
    }

    mutating func removeLast() { remove(from: marks.count - 1) }
    mutating func removeAll() { remove(from: 0) }

    func contains(_ style: MarkStyle) -> Bool { !byStyle[style.slot].isEmpty }

    /// The innermost open mark that `scalar` can close.
    func lastIndex(closableBy scalar: Unicode.Scalar) -> Int? {
        var best: Int? = nil
        for style in MarkStyle.allCases where QuoteMark.closes(scalar, style) {
            if let index = byStyle[style.slot].last, index > (best ?? -1) { best = index }
        }
        return best
    }

    mutating func insertOuterFlag(_ flag: QuoteFlag) { marks[0].flags.insert(flag) }
}

extension MarkStyle {
    static let slotCount = allCases.count
    /// A dense index for per-style tables.
    var slot: Int {
        switch self {
        case .guillemets: 0
        case .singleGuillemets: 1
        case .curly: 2
        case .low: 3
        case .straight: 4
        case .single: 5
        case .none: 6
        }
    }
}
