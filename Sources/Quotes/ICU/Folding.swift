import Foundation

/// Folds names and words to a comparison key: transliterated to Latin,
/// accents removed, case folded, apostrophes unified.
///
/// ```swift
/// let fold = Folding()
/// fold.key("Mevlüt Çavuşoğlu") == fold.key("Mevlut Cavusoglu")   // true
/// fold.key("Сергей Лавров")                                        // "sergej lavrov"
/// fold.fold("Сергей Лавров").transliterated                        // true
/// ```
/// The key is what ICU's `Any-Latin; Latin-ASCII` transform followed by NFKC
/// casefolding gives. Latin text gets it without the transliterator: NFD,
/// the combining diacritics U+0300–U+036F on a letter dropped, the Latin
/// letters of European names that do not decompose spelled as the
/// transform spells them (`ı ø ł ß æ œ ð þ đ ħ`: `i o l ss ae oe d th d h`),
/// lowercased, and the typographic spaces and punctuation of French text
/// (no-break spaces, `« » – — … “ ”`) spelled as the transform spells
/// them. Only text that is still not ASCII after that (other scripts,
/// rarer letters and signs) goes through the transliterator, which is
/// opened on first need: the first transliterator of a process costs ICU's
/// registry set-up (about 140 M instructions).
/// `FoldingTests` checks both ways agree on every scalar the first accepts.
///
/// Not thread-safe (it may own a transliterator); give each worker its own.
public final class Folding {
    /// A key, and whether computing it needed the transliterator.
    public struct Folded: Sendable, Equatable {
        public var key: String
        public var transliterated: Bool
    }

    private var toASCII: Transliterator?
    private var openFailed = false
    private var cache: [BytesKey: Folded] = [:]

    public init() {}

    /// Whether this instance has opened its `Any-Latin; Latin-ASCII` transliterator.
    public var hasOpenedTransliterator: Bool { toASCII != nil }

    /// The comparison key of `text`. Results for non-ASCII text are cached per instance.
    public func key(_ text: String) -> String { fold(text).key }

    /// The comparison key of `text`, and whether it needed the transliterator.
    /// Results for non-ASCII text are cached per instance.
    public func fold(_ text: String) -> Folded {
        // ASCII is lowercased faster than a cached key is found.
        if text.isAllASCII { return Folded(key: text.lowercased(), transliterated: false) }
        if let cached = cache[BytesKey(text)] { return cached }
        let result: Folded
        if let key = Self.keyWithoutTransliterator(text) {
            result = Folded(key: key, transliterated: false)
        } else {
            result = Folded(key: transliteratedKey(text), transliterated: true)
        }
        if cache.count > 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[BytesKey(text)] = result
        return result
    }

    /// The key through the transliterator, whatever the script: apostrophes
    /// unified, `Any-Latin; Latin-ASCII`, NFKC casefold.
    func transliteratedKey(_ text: String) -> String {
        let unified = String(String.UnicodeScalarView(text.unicodeScalars.map { Folding.unifyApostrophe($0) }))
        let latin = (try? transliterator()?.apply(unified)) ?? unified
        return (try? Normalizer.nfkcCasefold.normalize(latin)) ?? latin.lowercased()
    }

    private func transliterator() -> Transliterator? {
        if toASCII == nil, !openFailed {
            toASCII = try? Transliterator("Any-Latin; Latin-ASCII")
            openFailed = toASCII == nil
        }
        return toASCII
    }

    /// The key of `text` when it is Latin text the transliterator is not
    /// needed for (see the type's comment), nil when it is. Thread-safe.
    ///
    /// ```swift
    /// Folding.keyWithoutTransliterator("Mevlüt Çavuşoğlu")   // "mevlut cavusoglu"
    /// Folding.keyWithoutTransliterator("Aydınoğlu")          // "aydinoglu"
    /// Folding.keyWithoutTransliterator("Лавров")             // nil
    /// ```
    public static func keyWithoutTransliterator(_ text: String) -> String? {
        // Plain ASCII only needs lowercasing.
        if text.isAllASCII { return text.lowercased() }
        guard let bytes = strippedASCII(text, forKey: true) else { return nil }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// `text` with its diacritics removed when that leaves plain ASCII,
    /// case kept (`Mevlüt Çavuşoğlu` → `Mevlut Cavusoglu`): what
    /// `Any-Latin; Latin-ASCII` gives for such text, without opening it;
    /// nil when the transliterator is needed. Thread-safe.
    public static func asciiWithoutTransliterator(_ text: String) -> String? {
        if text.isAllASCII { return text }
        return strippedASCII(text, forKey: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// NFD of `text` without the combining diacritics U+0300–U+036F that
    /// follow a letter, as ASCII bytes, with typographic punctuation spelled
    /// out and, when `forKey`, apostrophes unified, the letters of
    /// ``lowercaseSpelling(_:)`` spelled out and the schwa kept as `ə`; nil when anything else is left
    /// that is not ASCII. (The transliterator keeps a mark on a digit, a
    /// space or punctuation, as in `≠` = `=` + U+0338: those take its path.)
    private static func strippedASCII(_ text: String, forKey: Bool) -> [UInt8]? {
        // The key reads ’ ʼ ‘ ´ ` as ' (``unifyApostrophe(_:)``), before
        // normalization: all five are single UTF-16 units.
        let units = forKey ? text.utf16.map { unifyApostrophe(unit: $0) } : Array(text.utf16)
        guard let decomposed = try? Normalizer.nfd.normalize(units) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(decomposed.count)
        var afterLetter = false
        for unit in decomposed {
            if unit < 0x80 {
                bytes.append(UInt8(unit))
                afterLetter = (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A
            } else if unit >= 0x0300 && unit <= 0x036F && afterLetter {
                continue
            } else if let spelling = punctuationSpelling(unit, inKey: forKey) {
                bytes.append(contentsOf: spelling.utf8)
                afterLetter = false
            } else if forKey, let spelling = lowercaseSpelling(unit) {
                bytes.append(contentsOf: spelling.utf8)
                afterLetter = true
            } else if forKey, unit == 0x018F || unit == 0x0259 {
                // Ə ə: the transliterator leaves the schwa (Azerbaijani
                // names) as it is, and case folding makes it ə. A mark
                // after it takes the transliterator's path.
                bytes.append(contentsOf: "ə".utf8)
                afterLetter = false
            } else {
                return nil
            }
        }
        return bytes
    }

    /// How `Any-Latin; Latin-ASCII` spells, lowercased, the Latin letters
    /// of European names that have no decomposition. (Only for keys: in
    /// mixed case the transform writes `Æ` as `AE` or `Ae` by context.)
    private static func lowercaseSpelling(_ unit: UInt16) -> String? {
        switch unit {
        case 0x00DF: "ss"                // ß
        case 0x00C6, 0x00E6: "ae"        // Æ æ
        case 0x0152, 0x0153: "oe"        // Œ œ
        case 0x00D8, 0x00F8: "o"         // Ø ø
        case 0x0141, 0x0142: "l"         // Ł ł
        case 0x0131: "i"                 // ı
        case 0x00D0, 0x00F0, 0x0110, 0x0111: "d"   // Ð ð Đ đ
        case 0x00DE, 0x00FE: "th"        // Þ þ
        case 0x0126, 0x0127: "h"         // Ħ ħ
        default: nil
        }
    }

    /// How `Any-Latin; Latin-ASCII` spells the typographic spaces and
    /// punctuation of French news text. A mention can hold them (a name
    /// with a no-break space, a group quoted in guillemets), and keys for
    /// them are made without opening the transliterator. The narrow
    /// no-break space is left by the transform; only the key's casefold
    /// makes it a space.
    private static func punctuationSpelling(_ unit: UInt16, inKey: Bool) -> String? {
        switch unit {
        case 0x00A0, 0x2009: " "           // no-break space, thin space
        case 0x202F where inKey: " "       // narrow no-break space
        case 0x00AB: "<<"                  // «
        case 0x00BB: ">>"                  // »
        case 0x2039: "<"                   // ‹
        case 0x203A: ">"                   // ›
        case 0x2010, 0x2011, 0x2013, 0x2014: "-"   // hyphens, – —
        case 0x201C, 0x201D: "\""          // “ ”
        case 0x201E: ",,"                  // „
        case 0x2026: "..."                 // …
        default: nil
        }
    }

    /// The typewriter apostrophe for ’ ʼ ‘ ´ `, the scalar itself otherwise.
    @inline(__always)
    public static func unifyApostrophe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2019, 0x02BC, 0x2018, 0x00B4, 0x0060: return "'"
        default: return scalar
        }
    }

    /// ``unifyApostrophe(_:)`` on a UTF-16 unit (the five are in the BMP).
    @inline(__always)
    static func unifyApostrophe(unit: UInt16) -> UInt16 {
        switch unit {
        case 0x2019, 0x02BC, 0x2018, 0x00B4, 0x0060: 0x27
        default: unit
        }
    }
}

/// A string as a dictionary key by its UTF-8 bytes: hashed and compared
/// without the normalization `String` does for non-ASCII text (about a
/// thousand instructions a look-up for a name with accents). Two spellings
/// of one name in different normal forms are two keys, each with its own
/// (equal) value.
struct BytesKey: Hashable {
    let string: String

    init(_ string: String) {
        var native = string
        native.makeContiguousUTF8()
        self.string = native
    }

    func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: BytesKey, b: BytesKey) -> Bool {
        guard a.string.utf8.count == b.string.utf8.count else { return false }
        var (x, y) = (a.string, b.string)
        return x.withUTF8 { p in y.withUTF8 { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }
}
