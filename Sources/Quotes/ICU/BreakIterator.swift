import CICU

/// Word or sentence boundaries over UTF-16 text, from ICU (`ubrk_open`).
///
/// ```swift
/// let words = try BreakIterator(.word, locale: "fr")
/// let bounds = try words.boundaries(in: Array("Il a dit.".utf16))
/// ```
/// One instance is not thread-safe; give each worker its own.
public final class BreakIterator {
    public enum Kind: Sendable {
        case word, sentence

        var raw: Int32 { self == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE) }
    }

    /// A boundary: a UTF-16 offset and the rule status of the segment that
    /// ends there (`ubrk_getRuleStatus`; for words, 0 means no letters or
    /// digits, 100..<200 a number, 200..<500 letters or ideographs).
    public struct Boundary: Equatable, Sendable {
        public var utf16Offset: Int
        public var ruleStatus: Int32
    }

    private let handle: OpaquePointer
    public let kind: Kind

    /// Wraps `ubrk_open`. `locale` may carry keywords, e.g.
    /// `fr@ss=standard` for sentence-break suppressions after abbreviations.
    public init(_ kind: Kind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        let opened = cicu_breaker_open(kind.raw, locale, &status)
        try ICUError.check(status, "ubrk_open")
        guard let opened else { throw ICUError(function: "ubrk_open", code: 1) }
        handle = opened
        self.kind = kind
    }

    deinit { cicu_breaker_close(handle) }

    /// Every boundary after the start of `text`, in order (`ubrk_setText`,
    /// `ubrk_next`, `ubrk_getRuleStatus`). The last one is `text.count`.
    /// - Complexity: O(n) in the length of `text`.
    public func boundaries(in text: [UInt16]) throws(ICUError) -> [Boundary] {
        var result: [Boundary] = []
        result.reserveCapacity(kind == .word ? text.count / 3 : text.count / 60)
        try forEachBoundary(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with every boundary after the start of `text`, in order,
    /// as ``boundaries(in:)`` lists them, without collecting them: the text
    /// layer reads a document's boundaries once, so a long document never
    /// holds an array of them (16 bytes per word).
    /// - Complexity: O(n) in the length of `text`.
    public func forEachBoundary(in text: [UInt16], _ body: (Boundary) -> Void) throws(ICUError) {
        try forEachBoundary(in: text, range: 0..<text.count, body)
    }

    /// Calls `body` with every boundary after the start of `text[range]`,
    /// read as a text of its own, with offsets into all of `text`. For
    /// word breaks, a range between line breaks is cut as in the whole text
    /// (UAX #29 breaks on both sides of a line break, WB3a and WB3b).
    /// - Complexity: O(n) in the length of `range`.
    public func forEachBoundary(in text: [UInt16], range: Range<Int>, _ body: (Boundary) -> Void) throws(ICUError) {
        var status: Int32 = 0
        let capacity = 256
        var positions = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        let start = range.lowerBound
        try text.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            cicu_breaker_set_text(handle, buffer.baseAddress.map { $0 + start }, Int32(range.count), &status)
            try ICUError.check(status, "ubrk_setText")
            while true {
                let count = Int(cicu_breaker_next(handle, &positions, &statuses, Int32(capacity)))
                if count == 0 { break }
                for i in 0..<count {
                    body(Boundary(utf16Offset: start + Int(positions[i]), ruleStatus: statuses[i]))
                }
            }
            // Detach ICU from the buffer before it goes away.
            cicu_breaker_set_text(handle, nil, 0, &status)
        }
    }

    /// How many boundaries follow the start of `text` (`ubrk_setText`,
    /// `ubrk_next` until done), without collecting them: what break
    /// iteration itself costs, for the benchmark's ICU floor.
    /// - Complexity: O(n) in the length of `text`.
    public func count(in text: [UInt16]) throws(ICUError) -> Int {
        var status: Int32 = 0
        return try text.withUnsafeBufferPointer { (buffer) throws(ICUError) -> Int in
            cicu_breaker_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
            try ICUError.check(status, "ubrk_setText")
            let count = Int(cicu_breaker_count(handle))
            cicu_breaker_set_text(handle, nil, 0, &status)
            return count
        }
    }
}
