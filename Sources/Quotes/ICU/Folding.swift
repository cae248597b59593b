/// Folds names and words to a comparison key: transliterated to Latin,
/// accents removed, case folded, apostrophes unified.
///
/// ```swift
/// let fold = try Folding()
/// fold.key("Mevlüt Çavuşoğlu") == fold.key("Mevlut Cavusoglu")   // true
/// fold.key("Сергей Лавров")                                        // "sergej lavrov"
/// ```
/// Wraps ICU's `Any-Latin; Latin-ASCII` transform and NFKC casefolding.
/// Not thread-safe (it owns a transliterator); give each worker its own.
public final class Folding {
    private let toASCII: Transliterator
    private var cache: [String: String] = [:]

    public init() throws(ICUError) {
        toASCII = try Transliterator("Any-Latin; Latin-ASCII")
    }

    /// The comparison key of `text`. Results are cached per instance.
    public func key(_ text: String) -> String {
        if let cached = cache[text] { return cached }
        let result = compute(text)
        if cache.count > 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[text] = result
        return result
    }

    private func compute(_ text: String) -> String {
        // Fast path: plain ASCII only needs lowercasing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let unified = String(String.UnicodeScalarView(text.unicodeScalars.map { Folding.unifyApostrophe($0) }))
        let latin = (try? toASCII.apply(unified)) ?? unified
        let folded = (try? Normalizer.nfkcCasefold.normalize(latin)) ?? latin.lowercased()
        return folded
    }

    /// The typewriter apostrophe for ’ ʼ ‘ ´ `, the scalar itself otherwise.
    @inline(__always)
    public static func unifyApostrophe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2019, 0x02BC, 0x2018, 0x00B4, 0x0060: return "'"
        default: return scalar
        }
    }
}
