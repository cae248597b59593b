/// How the engine reads single scalars: spaces (including U+00A0 and
/// U+202F), apostrophes (' and ’), letters, dashes.
public enum CharacterClass {
    /// Any white space, including no-break spaces and line breaks.
    @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // ASCII first, the most of any text: NUL, tab to carriage return, space.
        if s.value < 0x80 { return s.value == 0x20 || s.value &- 0x09 < 5 || s.value == 0 }
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x202F, 0x2007, 0x2009, 0x200A, 0x2002, 0x2003, 0x2000...0x2001, 0x2004...0x2006, 0x2008, 0x3000, 0x85, 0x2028, 0x2029, 0xFEFF, 0x00:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    public static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s.value == 0x2028 || s.value == 0x2029 || s.value == 0x85
    }

    /// ' or ’ (and ʼ): the apostrophe of French elision.
    @inline(__always)
    public static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s.value == 0x2019 || s.value == 0x02BC
    }

    @inline(__always)
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        // Latin-1 and Latin Extended-A without the property lookup (about 290
        // instructions a scalar): letters but × and ÷, and ª µ º.
        if s.value < 0x180 {
            return s.value >= 0xC0 ? s.value != 0xD7 && s.value != 0xF7 : s.value == 0xAA || s.value == 0xB5 || s.value == 0xBA
        }
        return isAlphabetic(s)
    }

    @inline(__always)
    public static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        // Latin-1 without the property lookup: À to Þ but ×.
        if s.value < 0x100 { return s.value >= 0xC0 && s.value <= 0xDE && s.value != 0xD7 }
        return isUppercaseLetter(s)
    }

    // The property look-ups stay out of line: a function that inlines
    // `Unicode.Scalar.properties` fetches its type metadata and sizes a
    // stack slot for it on every call, even when no scalar needs it.
    @inline(never)
    private static func isAlphabetic(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

    @inline(never)
    private static func isUppercaseLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }

    @inline(__always)
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    /// - – — and friends.
    @inline(__always)
    public static func isDash(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return true
        default: return false
        }
    }
}
