import CICU

/// The Word_Break property of a scalar (UAX #29), from ICU's character
/// data (`u_getIntPropertyValue` with `UCHAR_WORD_BREAK`): the values the
/// text layer segments itself (see ``WordSegmenter``), and ``unhandled``
/// for every other one (Extend, Format, ZWJ, Katakana, Hebrew_Letter,
/// Regional_Indicator…).
///
/// ```swift
/// WordBreakProperty("é")          // .aLetter
/// WordBreakProperty("\u{2019}")   // .midNumLet
/// WordBreakProperty("\u{202F}")   // .extendNumLet
/// WordBreakProperty("\u{301}")    // .unhandled (Extend)
/// ```
public enum WordBreakProperty: UInt8, Sendable, CaseIterable {
    case other, aLetter, numeric, midLetter, midNum, midNumLet, singleQuote, doubleQuote, wSegSpace
    case cr, lf, newline, extendNumLet
    case unhandled

    public init(_ scalar: Unicode.Scalar) {
        let value = cicu_word_break(scalar.value)
        self = WordBreakProperty(rawValue: UInt8(truncatingIfNeeded: value)) ?? .unhandled
    }
}

/// The Sentence_Break property of a scalar (UAX #29), from ICU's character
/// data (`UCHAR_SENTENCE_BREAK`): the values the text layer reads itself
/// (see ``SentenceSegmenter``), and ``unhandled`` for every other one
/// (Extend, Format).
///
/// ```swift
/// SentenceBreakProperty(".")   // .aTerm
/// SentenceBreakProperty("»")   // .close
/// ```
public enum SentenceBreakProperty: UInt8, Sendable, CaseIterable {
    case other, aTerm, sTerm, close, sp, lower, upper, oLetter, numeric, sContinue, sep, cr, lf
    case unhandled

    public init(_ scalar: Unicode.Scalar) {
        let value = cicu_sentence_break(scalar.value)
        self = SentenceBreakProperty(rawValue: UInt8(truncatingIfNeeded: value)) ?? .unhandled
    }
}
