import Testing
@testable import Quotes

/// The text layer's own sentence boundaries against ICU's sentence
/// iterator (French locale), on random text drawn from every class the
/// segmenter reads and on every classed scalar in context.
@Suite struct SentenceSegmenterTests {
    /// ICU's boundaries in `text`, in scalar indices.
    static func icuBoundaries(_ text: String) throws -> [Int] {
        let scalars = Array(text.unicodeScalars)
        var scalarAt: [Int] = []
        for (i, s) in scalars.enumerated() { scalarAt.append(i); if s.value >= 0x10000 { scalarAt.append(i) } }
        scalarAt.append(scalars.count)
        var result: [Int] = []
        try BreakIterator(.sentence, locale: "fr").forEachBoundary(in: Array(text.utf16)) { result.append(scalarAt[$0.utf16Offset]) }
        return result
    }

    /// The segmenter's boundaries in `text` (every scalar classed), line by line.
    static func ownBoundaries(_ text: String) -> [Int] {
        let segmenter = SentenceSegmenter()
        let scalars = Array(text.unicodeScalars)
        var result: [Int] = []
        scalars.withUnsafeBufferPointer { s in
            var boundaries: [Int] = []
            var start = 0
            while start < s.count {
                let (end, handled) = segmenter.boundariesOfLine(s, from: start, into: &boundaries)
                precondition(handled, "a line of classed scalars")
                result += boundaries
                start = end
            }
        }
        return result
    }

    static func mismatch(_ text: String) throws -> String? {
        let icu = try icuBoundaries(text)
        let own = ownBoundaries(text)
        return icu == own ? nil : "\(SegmenterChecks.hex(text)) ICU \(icu) own \(own)"
    }

    /// Scalars of every class: terminators (. ! ? ‼ ․ ⁇), closing marks
    /// (» « " ' ) ” ’), spaces, lowercase and uppercase letters, other
    /// letters (ǃ ƻ), digits, continuations (, ; : - –), separators (LF,
    /// CR, U+2028, U+0085) and others (@ # NBSP).
    static let alphabet: [Unicode.Scalar] = [
        ".", "!", "?", "‼", "\u{2024}", "⁇",
        "»", "«", "\"", "'", ")", "(", "”", "\u{2019}",
        " ", "\t", "\u{2003}", "\u{B}",
        "a", "é", "ß", "ª", "A", "É", "Ł", "ǅ", "ǃ", "ƻ",
        "0", "7",
        ",", ";", ":", "-", "–",
        "\n", "\r", "\u{2028}", "\u{85}",
        "@", "#", "\u{A0}", "\u{202F}",
    ]

    /// Every scalar the segmenter classes.
    static let handled: [Unicode.Scalar] = {
        let segmenter = SentenceSegmenter()
        return ScalarTable<Bool>.scalars.filter { segmenter.class($0) != .unhandled }
    }()

    @Test("the property classes what the segmenter needs")
    func classes() {
        let segmenter = SentenceSegmenter()
        let expected: [(Unicode.Scalar, SentenceSegmenter.Class)] = [
            (".", .aTerm), ("!", .sTerm), ("?", .sTerm), ("»", .close), ("\"", .close), (" ", .sp), ("a", .lower), ("A", .upper),
            ("7", .numeric), (",", .sContinue), ("\n", .sep), ("\r", .sep), ("\u{2029}", .sep),
            ("\u{AD}", .unhandled), ("\u{301}", .unhandled), ("ا", .unhandled),
        ]
        for (scalar, cls) in expected { #expect(segmenter.class(scalar) == cls, "U+\(String(scalar.value, radix: 16))") }
    }

    @Test("every classed scalar, around terminators, cut as ICU cuts it")
    func everyScalarInContext() throws {
        let mismatches = try SegmenterChecks.mismatches(Self.handled, in: { x in
            ["a.\(x)b", "a. \(x)b", "A.\(x)B", "a.\(x) a", "a.\(x) A", "1.\(x)2", "a!\(x) b", "a? \(x)B", "a.» \(x)b",
             "\(x). a", "\(x).A", "\(x). A b.", "a. \(x)\(x) b", "a.\(x)\n", "a.\(x)\r\nB"]
        }, Self.mismatch)
        #expect(Self.handled.count > 600)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test("the same boundaries as ICU on random classed text")
    func sameAsICU() throws {
        var mismatches: [String] = []
        for text in SegmenterChecks.randomTexts(count: 20_000, seed: 11, maxLength: 16, alphabet: Self.alphabet, all: Self.handled) {
            if let line = try Self.mismatch(text), mismatches.count < 20 { mismatches.append(line) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
