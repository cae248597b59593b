import Testing
@testable import Quotes

/// `String.withScalars`, and `SourceText` which reads a string through it, hand out the same
/// scalars as `unicodeScalars`: every UTF-8 width, at the start, the middle and the end of a
/// text, and texts of one width throughout.
@Suite struct UTF8ScalarsTests {
    @Test("the same scalars as unicodeScalars", arguments: [
        "", "a", "Mercredi, le ministre", "é", "à la fin é", "Çavuşoğlu", "Сергей Лавров",
        "«Oui»", "l’accord…", "日本語のテキスト", "𝒜𝓁𝒻", "a😀b", "😀", "e\u{301}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        String(repeating: "ğ", count: 30) + "z",
    ])
    func sameAsUnicodeScalars(text: String) {
        var read: [Unicode.Scalar] = []
        text.withScalars { scalars in
            while let scalar = scalars.next() { read.append(scalar) }
        }
        #expect(read == Array(text.unicodeScalars))
        #expect(SourceText(text).scalars == Array(text.unicodeScalars))
    }

    /// `SourceText` copies ASCII eight bytes at a time: a scalar of every
    /// width at every offset of a word, after runs of ASCII of every length,
    /// comes out where `unicodeScalars` puts it.
    @Test("ASCII runs of every length around a scalar of each width", arguments: ["é", "’", "😀", "\u{7F}", "\n"])
    func asciiRuns(scalar: String) {
        for before in 0..<20 {
            for after in [0, 1, 7, 8, 9, 17] {
                let text = String(repeating: "a", count: before) + scalar + String(repeating: "b", count: after) + scalar
                #expect(SourceText(text).scalars == Array(text.unicodeScalars), "\(before) \(after)")
            }
        }
    }

    /// Eight ASCII bytes are widened to scalars as one vector, from a string
    /// and from bytes read from a file: every ASCII byte, in every lane of a
    /// word (the run shifted by 0 to 8 bytes), comes out in its place, and
    /// so does a run cut short by the end of the text or an invalid byte.
    @Test("every ASCII byte in every lane")
    func asciiLanes() {
        let ascii = String(String.UnicodeScalarView((0..<128).map { Unicode.Scalar(UInt8($0)) }))
        for shift in 0...8 {
            let text = String(repeating: "é", count: shift % 2) + String(repeating: "x", count: shift) + ascii + ascii.prefix(shift)
            #expect(SourceText(text).scalars == Array(text.unicodeScalars), "\(shift)")
            #expect(text.scalarArray == Array(text.unicodeScalars), "\(shift)")
            #expect((try? SourceText(utf8: Array(text.utf8)).scalars) == Array(text.unicodeScalars), "\(shift)")
            #expect(Array(text.utf8).withUnsafeBufferPointer { SourceText(validUTF8: $0)?.scalars } == Array(text.unicodeScalars), "\(shift)")
            // Bytes read from a file, with an invalid byte after the run: replaced, or named by its offset.
            let bytes = Array(text.utf8) + [0xFF] + Array("fin".utf8)
            #expect((try? SourceText(utf8: bytes, lossy: true).scalars) == Array(text.unicodeScalars) + ["\u{FFFD}", "f", "i", "n"], "\(shift)")
            #expect(throws: InvalidUTF8Error(byteOffset: text.utf8.count, bytes: [0xFF] + Array("fin".utf8))) { try SourceText(utf8: bytes) }
            #expect(bytes.withUnsafeBufferPointer { SourceText(validUTF8: $0) } == nil, "\(shift)")
        }
    }

    /// A JSONL line's text is decoded without a string between
    /// (``SourceText/init(validUTF8:)``): it takes and declines what
    /// `String(validating:)` does, at each width's limits, and gives its scalars.
    @Test(arguments: [
        [0x41], [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBB, 0xBF],
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE2, 0x82], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF],
    ] as [[UInt8]])
    func validUTF8(sequence: [UInt8]) {
        for bytes in [sequence, Array("Réunion de huit ".utf8) + sequence + Array(" octets".utf8)] {
            let decoded = bytes.withUnsafeBufferPointer { SourceText(validUTF8: $0) }
            #expect(decoded?.scalars == String(validating: bytes, as: UTF8.self).map { Array($0.unicodeScalars) }, "\(bytes)")
        }
    }
}
