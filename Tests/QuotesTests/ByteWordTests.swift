import Testing
import QuotesBench
@testable import Quotes

/// `ByteWord`'s bit tricks against a byte-by-byte reading: the lowest mark
/// falls on the first byte that matches, and no mark means no such byte.
/// The readers (JSONL, `SourceText`) and the JSON writer rely on exactly that.
@Suite struct ByteWordTests {
    /// The index of the first byte of `word` (low byte first) that `matches`, or nil.
    static func first(_ word: UInt64, _ matches: (UInt8) -> Bool) -> Int? {
        (0..<8).first { matches(UInt8(truncatingIfNeeded: word >> UInt64(8 * $0))) }
    }

    static func lowest(_ marks: UInt64) -> Int? { marks == 0 ? nil : marks.trailingZeroBitCount / 8 }

    /// Random words, and words made of the bytes around each boundary (0x00, 0x01, 0x1F, 0x20,
    /// 0x21–0x23, 0x5B–0x5D, 0x7F, 0x80, 0xE1–0xE3, 0xFF), where a borrow could go wrong.
    static func words() -> [UInt64] {
        var generator = SplitMix(seed: 11)
        let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF]
        var words: [UInt64] = []
        for _ in 0..<20_000 { words.append(generator.next()) }
        for _ in 0..<20_000 {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(edges[Int(generator.next() % UInt64(edges.count))]) << UInt64(8 * k) }
            words.append(word)
        }
        return words
    }

    @Test("below n: the first byte under n", arguments: [UInt8(1), 0x20, 0x41, 0x80])
    func below(n: UInt8) {
        for word in Self.words() {
            #expect(Self.lowest(ByteWord.below(word, n)) == Self.first(word) { $0 < n }, "\(String(word, radix: 16)) below \(n)")
        }
    }

    @Test("equal to a byte: the first byte that is it", arguments: [UInt8(0x00), 0x22, 0x5C, 0xE2, 0xFF])
    func equal(byte: UInt8) {
        for word in Self.words() {
            #expect(Self.lowest(ByteWord.equal(word, byte)) == Self.first(word) { $0 == byte }, "\(String(word, radix: 16)) = \(byte)")
        }
    }

    @Test("the high bits: no mark when all eight bytes are ASCII")
    func ascii() {
        for word in Self.words() {
            #expect((word & ByteWord.highs == 0) == (Self.first(word) { $0 >= 0x80 } == nil))
        }
    }

    @Test("load reads the first byte into the low byte")
    func load() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteWord.load(buffer, at: 0) == 0x0807_0605_0403_0201)
            #expect(ByteWord.load(buffer, at: 1) == 0x0908_0706_0504_0302)
        }
    }
}
