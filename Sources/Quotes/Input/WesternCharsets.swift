/// The Western European single-byte character sets ICU's detector cannot
/// tell apart (it names ISO-8859-1 or windows-1252 for all of them), told
/// apart by what they make of a French text's bytes above 0x7F.
///
/// ```swift
/// var western = try WesternCharsets()
/// western.likeliest(for: macRomanArticle, preferring: "windows-1252")   // "macintosh"
/// ```
/// The four sets agree on ASCII and each reads a byte on its own, so a
/// byte histogram is enough: each set's reading of a byte scores what the
/// character is worth in French text — 3 for the letters and marks French
/// writes every day (`é à ç œ « » ’ …`, the no-break space), 1 for other
/// letters and typographic signs (`Ç Ö ñ “ ° €`), −1 for other symbols
/// (`½ ¤ ‡ ∂`) and −10 for control characters (C1 controls are what
/// ISO-8859-1 and ISO-8859-15 make of windows-1252's quotes and dashes).
/// The best total wins; a tie goes to the set ICU named, then to the
/// order of ``names``. On the Corpus articles written in each of the four
/// sets this picks the set they were written in every time
/// (`EncodingDetectionTests`).
struct WesternCharsets {
    /// The sets compared, in the order that breaks ties.
    static let names = ["windows-1252", "ISO-8859-15", "ISO-8859-1", "macintosh"]

    /// ICU's detector names for Western European text.
    static let detectorNames: Set<String> = ["ISO-8859-1", "windows-1252"]

    /// Each set's score of bytes 0x80…0xFF.
    private let scores: [(name: String, byteScores: [Int])]

    init() throws(ICUError) {
        var scores: [(String, [Int])] = []
        for name in Self.names {
            let converter = try Converter(name)
            var byteScores: [Int] = []
            for byte in UInt8(0x80)...UInt8(0xFF) {
                let units = try converter.decode([byte], lossy: true).utf16
                let scalar = units.count == 1 ? Unicode.Scalar(units[0]) : nil
                byteScores.append(scalar.map(Self.score) ?? Self.control)
            }
            scores.append((converter.name, byteScores))
        }
        self.scores = scores
    }

    /// The set whose reading of `bytes` looks most like French text.
    /// - Parameter preferring: the set ICU named, first on a tie.
    /// - Complexity: O(n) in the length of `bytes`.
    func likeliest(for bytes: [UInt8], preferring: String) -> String {
        var counts = [Int](repeating: 0, count: 128)
        for byte in bytes where byte >= 0x80 { counts[Int(byte) - 0x80] += 1 }
        let order = scores.filter { $0.name == preferring } + scores.filter { $0.name != preferring }
        var best = order[0]
        var bestTotal = Int.min
        for candidate in order {
            var total = 0
            for i in 0..<128 where counts[i] > 0 { total += counts[i] * candidate.byteScores[i] }
            if total > bestTotal { best = candidate; bestTotal = total }
        }
        return best.name
    }

    private static let control = -10

    /// What `scalar` is worth in French text.
    static func score(_ scalar: Unicode.Scalar) -> Int {
        if frequent.contains(scalar) { return 3 }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFD: return control
        case 0x2018, 0x201C, 0x201D, 0x00B0, 0x20AC, 0x00A7: return 1   // ‘ “ ” ° € §
        default: return scalar.properties.isAlphabetic ? 1 : -1
        }
    }

    /// The letters and marks of everyday French text above ASCII.
    private static let frequent: Set<Unicode.Scalar> = Set("àâçéèêëîïôùûœÉÀ«»’…\u{A0}\u{2013}\u{2014}".unicodeScalars)
}
