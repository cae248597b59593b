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

extension MarkStyle {
    /// Straight and single marks: they also serve as apostrophes, inch and
    /// second signs, so they never cross a paragraph on their own and never
    /// hide the quotes inside them when they do not pair up.
    var isWeak: Bool { self == .straight || self == .single }
}

/// Where a quote mark stands between its neighbours: what decides whether an
/// ambiguous mark (`"`, `“`, a `»` at a paragraph start) opens or closes.
///
/// ```swift
/// MarkPosition(at: 8, in: Array("Il dit «oui»".unicodeScalars)).opens    // true
/// ```
struct MarkPosition {
    /// The scalar before the mark is a space, an opening bracket, a dash, a
    /// slash, another mark, or there is none.
    let spaceBefore: Bool
    /// The scalar after the mark is a space, closing punctuation, another
    /// mark, or there is none.
    let spaceAfter: Bool
    let before: Unicode.Scalar?
    let after: Unicode.Scalar?

    init(at m: Int, in s: [Unicode.Scalar]) {
        before = m > 0 ? s[m - 1] : nil
        after = m + 1 < s.count ? s[m + 1] : nil
        spaceBefore = before.map { CharacterClass.isSpace($0) || "([{—–-/".unicodeScalars.contains($0) || CharacterClass.isQuoteMark($0) } ?? true
        spaceAfter = after.map { CharacterClass.isSpace($0) || ",.;:!?)]}…".unicodeScalars.contains($0) || CharacterClass.isQuoteMark($0) } ?? true
    }

    /// Glued to the word after it only: `«mot`, `"mot`, `»Mot` at a paragraph start.
    var opens: Bool { spaceBefore && !spaceAfter }
    /// Glued to the word before it only: `mot»`, `mot“,`.
    var closes: Bool { !spaceBefore && spaceAfter }
    /// Spaces (or punctuation) on both sides: `" Nous partons "`.
    var spaced: Bool { spaceBefore && spaceAfter }
    /// Right after a digit and before a space or punctuation: an inch or a
    /// second sign (`27"`, `5'30"`), never the end of a quote opened by
    /// another style.
    var isUnit: Bool { (before.map(CharacterClass.isDigit) ?? false) && spaceAfter }
    /// A letter or a digit follows: the mark can open a quote.
    var wordAfter: Bool { after.map { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) } ?? false }
}
