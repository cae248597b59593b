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
        return icu == own ? nil : "\(text.unicodeScalars.map { String($0.value, radix: 16) }) ICU \(icu) own \(own)"
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
        return (Array(0..<0x250) + Array(0x2000..<0x2070)).compactMap(Unicode.Scalar.init).filter { segmenter.class($0) != .unhandled }
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
        var mismatches: [String] = []
        for scalar in Self.handled {
            let x = String(scalar)
            for text in ["a.\(x)b", "a. \(x)b", "A.\(x)B", "a.\(x) a", "a.\(x) A", "1.\(x)2", "a!\(x) b", "a? \(x)B", "a.» \(x)b",
                         "\(x). a", "\(x).A", "\(x). A b.", "a. \(x)\(x) b", "a.\(x)\n", "a.\(x)\r\nB"] {
                if let line = try Self.mismatch(text), mismatches.count < 20 { mismatches.append(line) }
            }
        }
        #expect(Self.handled.count > 600)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test("the same boundaries as ICU on random classed text")
    func sameAsICU() throws {
        var generator = Generator(state: 11)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(Int(generator.next() % 16) + 1) {
                let r = generator.next()
                text.append(r % 8 == 0 ? Self.handled[Int((r >> 3) % UInt64(Self.handled.count))]
                                       : Self.alphabet[Int((r >> 3) % UInt64(Self.alphabet.count))])
            }
            if let line = try Self.mismatch(String(text)), mismatches.count < 20 { mismatches.append(line) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}

/// SplitMix64, for reproducible random text.
private struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
