import Foundation
import Testing
@testable import Quotes
import QuotesBench

/// The text layer's own word segments against ICU's word iterator (French
/// locale): the same boundaries and the same rule status, on random text
/// drawn from every class the segmenter handles, and the same tokens from
/// ``TextAnalyzer`` with and without it on the Corpus and on mixed text.
@Suite struct WordSegmenterTests {
    /// ICU's segments of `text`, in scalar indices.
    static func icuSegments(_ text: String) throws -> [(Range<Int>, Int32)] {
        let scalars = Array(text.unicodeScalars)
        var scalarAt: [Int] = []
        for (i, s) in scalars.enumerated() { scalarAt.append(i); if s.value >= 0x10000 { scalarAt.append(i) } }
        scalarAt.append(scalars.count)
        var result: [(Range<Int>, Int32)] = []
        var previous = 0
        try BreakIterator(.word, locale: "fr").forEachBoundary(in: Array(text.utf16)) { boundary in
            let end = scalarAt[boundary.utf16Offset]
            result.append((previous..<end, boundary.ruleStatus))
            previous = end
        }
        return result
    }

    /// The segmenter's segments of `text` (which holds no line break).
    static func ownSegments(_ text: String) -> [(Range<Int>, Int32)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(Range<Int>, Int32)] = []
        scalars.withUnsafeBufferPointer { s in
            var segments: [WordSegmenter.Segment] = []
            let (end, handled) = WordSegmenter().segmentLine(s, from: 0, into: &segments)
            precondition(end == s.count && handled, "a line of handled scalars")
            var start = 0
            for segment in segments {
                result.append((start..<segment.end, segment.status))
                start = segment.end
            }
        }
        return result
    }

    /// Scalars of every handled class: letters (ASCII, Latin-1, Latin
    /// Extended, ª), digits, MidLetter (: ·), MidNum (, ;), MidNumLet and
    /// Single_Quote (. ' ’ ‘ ․), spaces, ExtendNumLet (U+202F, _, ‿), and
    /// other scalars (« » " - … — NBSP, tab, ‼ ©).
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "é", "ß", "ª", "Ł", "ǅ", "0", "7",
        ":", "·", ",", ";", ".", "'", "\u{2019}", "\u{2018}", "\u{2024}",
        " ", "\u{2003}",
        "\u{202F}", "_", "\u{203F}",
        "«", "»", "\"", "-", "…", "—", "\u{A0}", "\t", "‼", "©", "@", "(", "!", "?",
    ]

    /// Every scalar the segmenter classes itself (not a line break).
    static let handled: [Unicode.Scalar] = {
        let segmenter = WordSegmenter()
        return ScalarTable<Bool>.scalars.filter {
            let c = segmenter.class($0)
            return c != .unhandled && c != .lineBreak
        }
    }()

    /// Whether the segmenter cuts `text` as ICU does; else a line that shows both.
    static func mismatch(_ text: String) throws -> String? {
        let icu = try icuSegments(text)
        let own = ownSegments(text)
        // A segment of one scalar is read without its status (see TextAnalyzer.appendSegment).
        let same = icu.count == own.count && zip(icu, own).allSatisfy { a, b in a.0 == b.0 && (a.0.count == 1 || a.1 == b.1) }
        return same ? nil : "\(SegmenterChecks.hex(text)) ICU \(icu) own \(own)"
    }

    @Test("the property classes what the segmenter needs; @ and : as ICU's rules take them")
    func classes() {
        let segmenter = WordSegmenter()
        let expected: [(Unicode.Scalar, WordSegmenter.Class)] = [
            ("a", .letter), ("É", .letter), ("ª", .letter), ("@", .letter), ("7", .numeric),
            ("·", .midLetter), (":", .single), (",", .midNum), (";", .midNum), (".", .midNumLet), ("'", .midNumLet),
            ("\u{2019}", .midNumLet), ("\u{202F}", .extendNumLet), ("_", .extendNumLet), (" ", .space),
            ("\u{A0}", .single), ("«", .single), ("\n", .lineBreak), ("\r", .lineBreak), ("\u{2028}", .lineBreak),
            ("\u{AD}", .unhandled), ("\u{301}", .unhandled), ("\u{200D}", .unhandled), ("ا", .unhandled), ("😀", .unhandled),
        ]
        for (scalar, cls) in expected { #expect(segmenter.class(scalar) == cls, "U+\(String(scalar.value, radix: 16))") }
    }

    @Test("every handled scalar, between letters, digits, ExtendNumLet and spaces, cut as ICU cuts it")
    func everyScalarInContext() throws {
        let mismatches = try SegmenterChecks.mismatches(Self.handled, in: { x in
            ["a\(x)b", "1\(x)2", "a\(x)1", "1\(x)a", "a\(x)", "\(x)a", "1\(x)", "\(x)1", "\(x)\(x)", "_\(x)_",
             "\u{202F}\(x)a", "a\(x)\u{202F}", " \(x) ", "a\(x)\(x)b", "1\(x)\(x)2", "é\(x)é’s"]
        }, Self.mismatch)
        #expect(Self.handled.count > 600)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test("the same segments and statuses as ICU on random handled text")
    func sameAsICU() throws {
        let segmenter = WordSegmenter()
        #expect(Self.alphabet.allSatisfy { segmenter.class($0) != .unhandled && segmenter.class($0) != .lineBreak })
        var mismatches: [String] = []
        for text in SegmenterChecks.randomTexts(count: 20_000, seed: 29, maxLength: 14, alphabet: Self.alphabet, all: Self.handled) {
            if let line = try Self.mismatch(text), mismatches.count < 20 { mismatches.append(line) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}

extension WordSegmenterTests {
    /// Line breaks of every kind and scalars the segmenter leaves to ICU
    /// (Arabic, CJK, a combining accent, a soft hyphen, ZWJ, an emoji, a
    /// regional indicator, a Katakana letter, a Hebrew letter).
    static let others: [Unicode.Scalar] = [
        "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{B}", "\u{C}", ".", "!", "?", "»", "A", "é", ",",
        "ا", "日", "\u{301}", "\u{AD}", "\u{200D}", "😀", "\u{1F1EB}", "カ", "א",
    ]

    @Test("TextAnalyzer gives the same tokens, keys and sentences with its segmenters as with ICU alone")
    func analyzerSameAsICUAlone() throws {
        let abbreviations = try FrenchLexicon.shared().abbreviations
        let mixed = try TextAnalyzer(abbreviations: abbreviations)
        let icuAlone = try TextAnalyzer(abbreviations: abbreviations)
        icuAlone.segmenter = nil
        icuAlone.sentenceSegmenter = nil
        var texts = try Support.articles().map { try String(contentsOf: $0, encoding: .utf8) }
        var generator = SplitMix(seed: 3)
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(Int(generator.next() % 40) + 1) {
                let r = generator.next()
                switch r % 6 {
                case 0: text.append(Self.others[Int((r >> 3) % UInt64(Self.others.count))])
                case 1: text.append(contentsOf: "\r\n".unicodeScalars)
                default: text.append(Self.alphabet[Int((r >> 3) % UInt64(Self.alphabet.count))])
                }
            }
            texts.append(String(text))
        }
        #expect(texts.count > 3_000)
        var differing: [String] = []
        for text in texts {
            let a = try mixed.analyze(id: "t", source: SourceText(text))
            let b = try icuAlone.analyze(id: "t", source: SourceText(text))
            let same = Array(a.tokens) == Array(b.tokens) && a.sentences == b.sentences
                && a.contentKeys.count == b.contentKeys.count && (0..<a.contentKeys.count).allSatisfy { a.contentKeys[$0] == b.contentKeys[$0] }
            if !same, differing.count < 10 { differing.append(SegmenterChecks.hex(String(String.UnicodeScalarView(text.unicodeScalars.prefix(80))))) }
        }
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
    }
}
