/// Word segments (UAX #29) of the text ICU's word rules would cut the same
/// way without any of their machinery: letters, digits, the punctuation
/// that may join them (`l’Otan`, `3,5`, `aujourd'hui`), spaces and other
/// single scalars, classed by their Word_Break property from ICU's data
/// (``WordBreakProperty``). The text layer segments a line itself when
/// no scalar of it is ``Class/unhandled``, and hands any other line to
/// ICU's iterator: ICU's break iteration was a third of the text layer.
///
/// Only the scalars of Latin (U+0000–U+024F) and of General Punctuation
/// (U+2000–U+206F) are classed; any other scalar sends its line to ICU, as
/// do the classes whose rules are not written here (Extend, Format, ZWJ,
/// Katakana, Hebrew letters, regional indicators). A line break ends a
/// segment on both sides (WB3a, WB3b), so the lines of a text are
/// segmented apart. `WordSegmenterTests` checks every segment and status
/// against ICU's iterator.
///
/// ```swift
/// let segmenter = WordSegmenter()
/// // "l’Otan a dit" → "l’Otan" (200), " " (0), "a" (200), " " (0), "dit" (200)
/// ```
struct WordSegmenter: Sendable {
    enum Class: UInt8 {
        case letter, numeric, extendNumLet, midLetter, midNum, midNumLet, single, space, lineBreak, unhandled
    }

    /// The class of each scalar (``ScalarTable``: Latin and General Punctuation, the rest unhandled).
    private let table: ScalarTable<Class>

    /// ICU's rule status of a segment of letters (with or without digits)
    /// and of one of digits only (`UBRK_WORD_LETTER`, `UBRK_WORD_NUMBER`).
    static let letterStatus: Int32 = 200
    static let numberStatus: Int32 = 100

    init() {
        var table = ScalarTable(outside: Class.unhandled) { Self.class(of: WordBreakProperty($0)) }
        // ICU's word rules depart from the property in two places, both in
        // Latin: "@" is a letter (`$ALetter = [\p{Word_Break = ALetter} @]`)
        // and ":" does not join letters (`$MidLetter` without `\:`).
        table["@"] = .letter
        table[":"] = .single
        self.table = table
    }

    private static func `class`(of property: WordBreakProperty) -> Class {
        switch property {
        case .aLetter: .letter
        case .numeric: .numeric
        case .midLetter: .midLetter
        case .midNum: .midNum
        // Single_Quote joins as MidNumLet does (WB6, WB7, WB11, WB12 name MidNumLetQ).
        case .midNumLet, .singleQuote: .midNumLet
        // Double_Quote joins only Hebrew letters (WB7b, WB7c), which are unhandled.
        case .other, .doubleQuote: .single
        case .extendNumLet: .extendNumLet
        case .wSegSpace: .space
        case .cr, .lf, .newline: .lineBreak
        case .unhandled: .unhandled
        }
    }

    /// ICU's rule status once a word segment has grown by a scalar of class
    /// `c` after one of class `previous`: the tag of the rule that joined
    /// them. A digit makes it a number and a letter a word, whatever came
    /// before (`a1` is a number, `1a` a word); ExtendNumLet keeps a number
    /// right after a digit (`1_`) and makes a word otherwise (`1__`).
    @inline(__always)
    private static func status(_ c: Class, after previous: Class) -> Int32 {
        switch c {
        case .numeric: numberStatus
        case .extendNumLet: previous == .numeric ? numberStatus : letterStatus
        default: letterStatus
        }
    }

    func `class`(_ scalar: Unicode.Scalar) -> Class { table[scalar] }

    /// A segment of a line: where it ends (it starts where the one before
    /// ends) and ICU's rule status for it.
    struct Segment: Equatable {
        var end: Int
        var status: Int32
        /// What the text layer can make of it without reading it again.
        var shape: Shape = .other

        enum Shape: Equatable {
            /// Two scalars or more of letters or digits with no
            /// ExtendNumLet: one word (status 200) or one number (100).
            case word, number
            /// A run of white space: one space token.
            case space
            /// Anything else: read scalar by scalar.
            case other
        }
    }

    /// Cuts the line that starts at `start` (up to and with its line break,
    /// CR LF together, or to the end of `s`) into `segments` (emptied
    /// first), or finds that it holds an unhandled scalar: then `handled`
    /// is false and `segments` is to be ignored. One pass, each scalar
    /// classed once.
    /// - Complexity: O(n) in the length of the line.
    func segmentLine(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, into segments: inout [Segment]) -> (end: Int, handled: Bool) {
        segments.removeAll(keepingCapacity: true)
        return table.withLookup { table in
            @inline(__always) func cls(_ i: Int) -> Class { table(s[i].value) }
            let end = s.count
            var i = start
            while i < end {
                let first = cls(i)
                var j = i + 1
                switch first {
                case .letter, .numeric, .extendNumLet:
                    // WB5, WB8–WB10, WB13a, WB13b: letters, digits and
                    // ExtendNumLet (U+202F, _) join; WB6/WB7 (letter,
                    // MidLetter or MidNumLet, letter) and WB11/WB12 (digit,
                    // MidNum or MidNumLet, digit) join across one scalar.
                    // The status is that of the last two scalars joined.
                    var before: Class = first
                    var last = first
                    var joiner = first == .extendNumLet
                    while j < end {
                        let c = cls(j)
                        if c == .letter || c == .numeric || c == .extendNumLet {
                            joiner = joiner || c == .extendNumLet
                            before = last
                            last = c
                            j += 1
                            continue
                        }
                        guard j + 1 < end else { break }
                        let next = cls(j + 1)
                        let joins: Bool
                        switch c {
                        case .midLetter: joins = last == .letter && next == .letter
                        case .midNum: joins = last == .numeric && next == .numeric
                        case .midNumLet: joins = last == next && (next == .letter || next == .numeric)
                        default: joins = false
                        }
                        guard joins else { break }
                        before = c
                        last = next
                        j += 2
                    }
                    let status = Self.status(last, after: before)
                    let shape: Segment.Shape = j - i < 2 || joiner ? .other : status == Self.numberStatus ? .number : .word
                    segments.append(Segment(end: j, status: status, shape: shape))
                case .space:
                    // WB3d: a run of white space is one segment.
                    while j < end, cls(j) == .space { j += 1 }
                    segments.append(Segment(end: j, status: 0, shape: .space))
                case .lineBreak:
                    // WB3, WB3a: CR LF is one segment, and the line ends after it.
                    if s[i] == "\r", j < end, s[j] == "\n" { j += 1 }
                    segments.append(Segment(end: j, status: 0))
                    return (j, true)
                case .unhandled:
                    // ICU cuts this line: find its end.
                    while j < end {
                        let c = cls(j)
                        j += 1
                        if c == .lineBreak {
                            if s[j - 1] == "\r", j < end, s[j] == "\n" { j += 1 }
                            break
                        }
                    }
                    return (j, false)
                default:
                    segments.append(Segment(end: j, status: 0))
                }
                i = j
            }
            return (end, true)
        }
    }
}
