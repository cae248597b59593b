/// What a quotation is.
public enum QuoteKind: String, Sendable, Codable, CaseIterable {
    /// A full utterance in quotation marks.
    case direct
    /// A fragment in marks inside the narrator's own clause: `la «souveraineté» de la Turquie`.
    case mixed
    /// Reported speech without marks: `X a affirmé que …`.
    case indirect
    /// A title or a name in marks: never given a speaker.
    case nonspeech
}

/// Something worth knowing about how a span was read.
public enum QuoteFlag: String, Sendable, Codable, CaseIterable, Comparable {
    /// No closing mark: closed at the end of its paragraph, before the final
    /// punctuation.
    case unclosed
    /// Closed by a mark of another style (`« … “`, `“ … »`, `« … "`), or
    /// opened by a closing one (`»Nous partons »`).
    case mismatchedMarks = "mismatched-marks"
    /// Spans several paragraphs (French reopening «).
    case multiParagraph = "multi-paragraph"
    /// Holds an inner quote, kept inside its text.
    case containsNested = "contains-nested"
    /// The document had invalid UTF-8 replaced by U+FFFD.
    case lossyInput = "lossy-input"
    /// The attribution was below `--min-confidence` and was withheld (``ConfidenceFilter``).
    case lowConfidence = "low-confidence"

    public static func < (a: QuoteFlag, b: QuoteFlag) -> Bool { a.rawValue < b.rawValue }
}

/// A quote's flags as one byte, one bit per ``QuoteFlag``: a ``QuoteSpan``
/// holds no reference, so copying one costs no reference counting. Read in
/// the flags' sorted order (that of their names).
///
/// ```swift
/// var flags: QuoteFlags = [.unclosed]
/// flags.insert(.containsNested)
/// flags.map(\.rawValue)   // ["contains-nested", "unclosed"]
/// ```
public struct QuoteFlags: Sequence, ExpressibleByArrayLiteral, Hashable, Sendable {
    public var rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The flags in sorted order; each one's bit is its place here.
    private static let ordered: [QuoteFlag] = QuoteFlag.allCases.sorted()

    /// The set that holds `flag` alone.
    public init(_ flag: QuoteFlag) {
        rawValue = 1 << UInt8(Self.ordered.firstIndex(of: flag)!)
    }

    public init(arrayLiteral flags: QuoteFlag...) {
        self.init(rawValue: 0)
        for flag in flags { rawValue |= QuoteFlags(flag).rawValue }
    }

    public func contains(_ flag: QuoteFlag) -> Bool { rawValue & QuoteFlags(flag).rawValue != 0 }

    @discardableResult
    public mutating func insert(_ flag: QuoteFlag) -> (inserted: Bool, memberAfterInsert: QuoteFlag) {
        let had = contains(flag)
        rawValue |= QuoteFlags(flag).rawValue
        return (!had, flag)
    }

    public var isEmpty: Bool { rawValue == 0 }

    public var count: Int { rawValue.nonzeroBitCount }

    public func makeIterator() -> some IteratorProtocol<QuoteFlag> {
        var rest = rawValue
        return AnyIterator<QuoteFlag> {
            guard rest != 0 else { return nil }
            let bit = rest.trailingZeroBitCount
            rest &= rest - 1
            return Self.ordered[bit]
        }
    }
}

/// The marks around a quote.
public enum MarkStyle: String, Sendable, Codable, CaseIterable {
    case guillemets, singleGuillemets, curly, low, straight, single, none
}

/// A quotation found in a document, before attribution.
public struct QuoteSpan: Sendable, Equatable {
    /// The quoted words in working indices, marks and inner spacing excluded.
    public var content: Range<Int>
    /// Working index of the opening mark (nil for indirect speech).
    public var open: Int?
    /// Working index of the closing mark (nil when unclosed or indirect).
    public var close: Int?
    public var kind: QuoteKind
    public var style: MarkStyle
    public var flags: QuoteFlags

    public init(content: Range<Int>, open: Int?, close: Int?, kind: QuoteKind, style: MarkStyle, flags: QuoteFlags = []) {
        self.content = content
        self.open = open
        self.close = close
        self.kind = kind
        self.style = style
        self.flags = flags
    }

    /// From the opening mark to the closing one (the content for indirect speech).
    public var extent: Range<Int> {
        (open ?? content.lowerBound)..<((close.map { $0 + 1 }) ?? content.upperBound)
    }
}

extension Array where Element == QuoteSpan {
    /// For each position (in ascending order), whether it lies inside the
    /// words of a quote in marks. One pass over both lists.
    /// - Complexity: O(positions + quotes).
    public func marksInside(_ positions: [Int]) -> [Bool] {
        let marked = filter { $0.open != nil }.map(\.content)
        var result = [Bool](repeating: false, count: positions.count)
        var q = 0
        for (index, position) in positions.enumerated() {
            while q < marked.count, marked[q].upperBound <= position { q += 1 }
            if q < marked.count, marked[q].contains(position) { result[index] = true }
        }
        return result
    }
}
