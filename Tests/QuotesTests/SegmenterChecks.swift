@testable import Quotes
import QuotesBench

/// What the segmenter tests share: texts that put each scalar in given
/// contexts, random texts over an alphabet, and the report of the texts
/// where the text layer and ICU disagree.
enum SegmenterChecks {
    /// The first 20 texts `mismatch` reports (a line each), over every
    /// scalar of `scalars` put in every context of `contexts`.
    static func mismatches(_ scalars: [Unicode.Scalar], in contexts: (String) -> [String],
                           _ mismatch: (String) throws -> String?) rethrows -> [String] {
        var found: [String] = []
        for scalar in scalars {
            for text in contexts(String(scalar)) {
                if let line = try mismatch(text), found.count < 20 { found.append(line) }
            }
        }
        return found
    }

    /// `count` random texts of 1 to `maxLength` scalars: mostly from
    /// `alphabet` (the classes' representatives), one in eight from `all`.
    static func randomTexts(count: Int, seed: UInt64, maxLength: Int,
                            alphabet: [Unicode.Scalar], all: [Unicode.Scalar]) -> [String] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in
            var text = String.UnicodeScalarView()
            for _ in 0..<(Int(generator.next() % UInt64(maxLength)) + 1) {
                let r = generator.next()
                text.append(r % 8 == 0 ? all[Int((r >> 3) % UInt64(all.count))] : alphabet[Int((r >> 3) % UInt64(alphabet.count))])
            }
            return String(text)
        }
    }

    /// The scalars of a text, in hex, to name it in a report.
    static func hex(_ text: String) -> String {
        text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }
}
