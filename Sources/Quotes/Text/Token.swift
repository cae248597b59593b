/// What a token is, as the later stages need it.
public enum TokenKind: UInt8, Sendable {
    case word, number, punctuation, quoteMark, space
}

/// A token of the working text: a range of working scalar indices and a kind.
public struct Token: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind
    /// The first scalar is an uppercase letter.
    public var isCapitalized: Bool

    public var range: Range<Int> { start..<end }
}

extension CharacterClass {
    /// Scalars that can mark a quotation: « » ‹ › “ ” „ ‟ " and the single
    /// quotes ‘ ’ ‚ ' (which are also apostrophes; the span scanner decides).
    @inline(__always)
    public static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAB, 0xBB, 0x2039, 0x203A, 0x201C, 0x201D, 0x201E, 0x201F, 0x22, 0x2018, 0x2019, 0x201A, 0x27: return true
        default: return false
        }
    }
}
