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

    /// Whether a guillemet, curly or low mark is open (not only straight or single ones).
    /// - Complexity: O(1).
    var hasStrongMark: Bool {
        marks.count > byStyle[MarkStyle.straight.slot].count + byStyle[MarkStyle.single.slot].count
    }

    /// The innermost open mark of `style`.
    func lastIndex(of style: MarkStyle) -> Int? { byStyle[style.slot].last }

    /// The innermost open mark that `scalar` can close.
    func lastIndex(closableBy scalar: Unicode.Scalar) -> Int? {
        var best: Int? = nil
        for style in MarkStyle.allCases where QuoteMark.closes(scalar, style) {
            if let index = byStyle[style.slot].last, index > (best ?? -1) { best = index }
        }
        return best
    }

    mutating func insertOuterFlag(_ flag: QuoteFlag) { marks[0].flags.insert(flag) }

    /// Keeps `span` with the outermost mark, to report if that mark never closes.
    mutating func addProvisional(_ span: QuoteSpan) { marks[0].provisional.append(span) }
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
