/// Sentence boundaries (UAX #29) of the text ICU's sentence rules would cut
/// the same way, read without ICU's iterator: the rules over the scalars'
/// Sentence_Break property from ICU's data (``SentenceBreakProperty``).
/// A paragraph separator (CR, LF, U+0085, U+2028, U+2029) always ends a
/// sentence (SB4), so the text layer reads a text line by line: this type
/// reads a line of classed scalars, ICU's iterator any other line. The only
/// other boundary is after a terminator, its closing marks and spaces
/// (SB11), unless SB6–SB8a keep the sentence going. `SentenceSegmenterTests`
/// checks every boundary against ICU's iterator.
///
/// Only Latin (U+0000–U+024F) and General Punctuation (U+2000–U+206F)
/// are classed; any other scalar, and Extend or Format ones (SB5), send
/// their line to ICU.
///
/// ```swift
/// // "Il a dit oui. Elle a dit non." → boundaries at 14 and 29
/// ```
struct SentenceSegmenter: Sendable {
    enum Class: UInt8 {
        case other, aTerm, sTerm, close, sp, lower, upper, oLetter, numeric, sContinue, sep, unhandled
    }

    /// The class of each scalar (``ScalarTable``: Latin and General Punctuation, the rest unhandled).
    private let table = ScalarTable(outside: Class.unhandled) { Self.class(of: SentenceBreakProperty($0)) }

    private static func `class`(of property: SentenceBreakProperty) -> Class {
        switch property {
        case .other: .other
        case .aTerm: .aTerm
        case .sTerm: .sTerm
        case .close: .close
        case .sp: .sp
        case .lower: .lower
        case .upper: .upper
        case .oLetter: .oLetter
        case .numeric: .numeric
        case .sContinue: .sContinue
        case .sep, .cr, .lf: .sep
        case .unhandled: .unhandled
        }
    }

    func `class`(_ scalar: Unicode.Scalar) -> Class { table[scalar] }

    /// Finds the sentence boundaries of the line that starts at `start` (up
    /// to and with its paragraph separator, CR LF together, or to the end
    /// of `s`) into `boundaries` (emptied first; the last is the line's
    /// end), or finds that it holds an unhandled scalar: then `handled` is
    /// false and `boundaries` is to be ignored. One pass, each scalar
    /// classed once but where SB8 looks ahead.
    /// - Complexity: O(n) in the length of the line: each look-ahead of SB8
    ///   stops at the next letter, separator or terminator.
    func boundariesOfLine(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, into boundaries: inout [Int]) -> (end: Int, handled: Bool) {
        boundaries.removeAll(keepingCapacity: true)
        return table.withLookup { table in
            @inline(__always) func cls(_ i: Int) -> Class { table(s[i].value) }
            /// The end of the separator at `i` (CR LF together).
            @inline(__always) func afterSeparator(_ i: Int) -> Int {
                s[i] == "\r" && i + 1 < s.count && s[i + 1] == "\n" ? i + 2 : i + 1
            }
            let end = s.count
            var handled = true
            var i = start
            while i < end {
                let term = cls(i)
                switch term {
                case .sep:
                    // SB4: a paragraph separator ends the sentence and the line.
                    let after = afterSeparator(i)
                    boundaries.append(after)
                    return (after, handled)
                case .unhandled:
                    handled = false
                    i += 1
                    continue
                case .aTerm, .sTerm:
                    guard handled else { i += 1; continue }
                default:
                    i += 1
                    continue
                }
                let next = i + 1
                // SB9, SB10: closing marks, then spaces, then a separator stay with the terminator.
                var m = next
                while m < end, cls(m) == .close { m += 1 }
                while m < end, cls(m) == .sp { m += 1 }
                guard m < end else { break }
                let following = cls(m)
                if following == .sep {
                    // SB9–SB11: the boundary is after the separator, the line's end.
                    i = m
                    continue
                }
                var keeps = false
                if term == .aTerm, next == m {
                    // SB6: "3.5"; SB7: "U.S." (a letter, the period, an uppercase letter).
                    if following == .numeric { keeps = true }
                    if following == .upper, i > start, cls(i - 1) == .upper || cls(i - 1) == .lower { keeps = true }
                }
                // SB8a: a terminator, its closing marks and spaces, then a continuation or a terminator.
                if following == .sContinue || following == .aTerm || following == .sTerm { keeps = true }
                if !keeps, term == .aTerm {
                    // SB8: after a period, a lowercase letter before any other letter, separator or terminator.
                    var k = m
                    while k < end {
                        let c = cls(k)
                        if c == .oLetter || c == .upper || c == .lower || c == .sep || c == .aTerm || c == .sTerm { break }
                        k += 1
                    }
                    if k < end, cls(k) == .lower { keeps = true }
                }
                if keeps {
                    i = next
                } else {
                    // SB11.
                    boundaries.append(m)
                    i = m
                }
            }
            boundaries.append(end)
            return (end, handled)
        }
    }
}
