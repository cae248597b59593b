/// What a quotation-mark scalar can do: open, close, or either (decided by
/// context), and which style it belongs to.
enum QuoteMark {
    enum Role { case open, close, either }

    /// The role and style of `scalar`, or nil when it is not a mark.
    static func classify(_ scalar: Unicode.Scalar) -> (Role, MarkStyle)? {
        switch scalar.value {
        case 0xAB: return (.open, .guillemets)          // «
        case 0xBB: return (.close, .guillemets)         // »
        case 0x2039: return (.open, .singleGuillemets)  // ‹
        case 0x203A: return (.close, .singleGuillemets) // ›
        case 0x201E, 0x201A: return (.open, .low)       // „ ‚
        case 0x201C: return (.either, .curly)           // “ (opens; closes „)
        case 0x201F: return (.open, .curly)             // ‟
        case 0x201D: return (.close, .curly)            // ”
        case 0x22: return (.either, .straight)          // "
        case 0x2018: return (.open, .single)            // ‘
        case 0x2019, 0x27: return (.either, .single)    // ’ ' (usually apostrophes)
        default: return nil
        }
    }

    /// Whether a closing scalar can close a quote opened with `style`.
    static func closes(_ scalar: Unicode.Scalar, _ style: MarkStyle) -> Bool {
        switch (scalar.value, style) {
        case (0xBB, .guillemets), (0x203A, .singleGuillemets): return true
        case (0x201D, .curly), (0x201D, .low), (0x201C, .low): return true
        case (0x22, .straight): return true
        case (0x2019, .single), (0x27, .single), (0x2018, .low): return true
        default: return false
        }
    }
}
