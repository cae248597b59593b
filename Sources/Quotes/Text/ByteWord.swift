/// Eight bytes read as one little-endian 64-bit word and tested at once:
/// the readers and writers that scan text for the few bytes that matter
/// (a quote, a backslash, a control character, a non-ASCII byte) step
/// eight bytes at a time while none is there.
///
/// ```swift
/// let word = ByteWord.load(bytes, at: i)
/// let marks = ByteWord.below(word, 0x20) | ByteWord.equal(word, UInt8(ascii: "\""))
/// if marks != 0 { i += marks.trailingZeroBitCount / 8 }   // the first such byte
/// ```
/// A byte is below `n` in `x` when `(x - 0x01…·n) & ~x & 0x80…` has its
/// high bit, and equal to `b` when `x ^ b…` is below 1. A borrow can mark
/// a byte above a real one, never below it, so the lowest mark is always
/// right and no mark means none.
enum ByteWord {
    /// 0x01 in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every byte: `word & highs == 0` when all eight bytes are ASCII.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset` (which must leave eight to read), the first in the low byte.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Writes the eight bytes of an ASCII `word` (``highs`` clear) as eight
    /// scalars from `target`, widened as one vector (byte k is lane k).
    @inline(__always)
    static func storeScalars(_ word: UInt64, to target: UnsafeMutablePointer<Unicode.Scalar>) {
        let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(word, to: SIMD8<UInt8>.self))
        UnsafeMutableRawPointer(target).storeBytes(of: wide, as: SIMD8<UInt32>.self)
    }

    /// The high bit of each byte of `word` below `n` (at most 0x80); see the type's comment.
    @inline(__always)
    static func below(_ word: UInt64, _ n: UInt8) -> UInt64 {
        (word &- ones &* UInt64(n)) & ~word & highs
    }

    /// The high bit of each byte of `word` equal to `byte`; see the type's comment.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        below(word ^ (ones &* UInt64(byte)), 1)
    }
}
