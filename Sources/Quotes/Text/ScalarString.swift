import Foundation

/// Strings from runs of scalars, encoded straight to UTF-8: the text layer
/// builds one per token key and per quote, so this is on the hot path.
///
/// ```swift
/// let scalars: [Unicode.Scalar] = Array("L’Otan".unicodeScalars)
/// ScalarString.make(scalars[...])        // "L’Otan"
/// ScalarString.key(scalars[...])         // "l'otan"
/// ```
enum ScalarString {
    /// `scalars` as a string.
    /// - Complexity: O(n), one allocation at most (none up to 15 bytes).
    static func make(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { s in
            guard let base = s.baseAddress else { return "" }
            let n = s.count
            let raw = UnsafeRawPointer(base)
            // Whether the eight scalars from `i` are ASCII: four words of two
            // scalars each, or-ed and tested at once.
            @inline(__always) func ascii8(_ i: Int) -> Bool {
                guard i + 8 <= n else { return false }
                let at = i &* 4
                let any = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: at &+ 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: at &+ 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: at &+ 24, as: UInt64.self)
                return any & 0xFFFF_FF80_FFFF_FF80 == 0
            }
            var bytes = 0, i = 0
            while i < n {
                if ascii8(i) {
                    bytes += 8
                    i += 8
                } else {
                    bytes += UTF8.width(s[i])
                    i += 1
                }
            }
            return String(unsafeUninitializedCapacity: bytes) { buffer in
                var at = 0, i = 0
                while i < n {
                    if ascii8(i) {
                        let v = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<UInt32>.self)
                        UnsafeMutableRawPointer(buffer.baseAddress! + at).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: v), as: SIMD8<UInt8>.self)
                        at += 8
                        i += 8
                    } else {
                        at = encode(s[i], into: buffer, at: at)
                        i += 1
                    }
                }
                return at
            }
        }
    }

    /// The lowercase key of a word: ’ ʼ ‘ ´ ` read as ', then each scalar's
    /// full lowercase mapping (the same as `String.lowercased()`, which maps
    /// scalar by scalar).
    /// - Complexity: O(n); scalars below U+0100 are mapped without a lookup.
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { buffer in
            withKey(buffer, 0..<buffer.count) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `body` with the UTF-8 bytes of ``key(_:)`` for `scalars[range]`,
    /// written into a temporary buffer: the text layer numbers keys by their
    /// bytes and makes a `String` only for a key it has not seen.
    ///
    /// A word whose scalars are Latin-1 once its apostrophes are unified
    /// (nearly every French word) is lowercased and encoded in one pass,
    /// each scalar read once; any other word is mapped through Unicode's
    /// lowercase mappings.
    /// - Complexity: O(n); no allocation for a word of Latin-1 letters up to
    ///   a few hundred bytes.
    @inline(__always)
    static func withKey<R>(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>,
                           _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let done: R? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 2) { buffer in
            // `Folding.unifyApostrophe`, then `lowerLatin1`, then UTF-8, fused
            // into one branch per range of scalars (about 30 M instructions
            // fewer over the Corpus × 12 than calling the three in turn;
            // `ScalarStringTests` checks every scalar against the reference).
            var at = 0
            for i in range {
                var v = scalars[i].value
                if v < 0x80 {
                    if v &- 0x41 < 26 { v += 0x20 } else if v == 0x60 { v = 0x27 }
                    buffer[at] = UInt8(truncatingIfNeeded: v)
                    at += 1
                } else if v < 0x100 {
                    if v == 0xB4 {
                        buffer[at] = 0x27
                        at += 1
                        continue
                    }
                    if v >= 0xC0, v <= 0xDE, v != 0xD7 { v += 0x20 }
                    buffer[at] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    buffer[at + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    at += 2
                } else if v == 0x2019 || v == 0x2018 || v == 0x02BC {
                    buffer[at] = 0x27
                    at += 1
                } else {
                    return nil
                }
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<at]))
        }
        if let done { return done }
        var key = mappedKey(ArraySlice(scalars[range]))
        return key.withUTF8(body)
    }

    /// `text.lowercased()`, without building a new string when no scalar
    /// changes (lexicon entries are mostly lowercase already), and with the
    /// scalars below U+0100 mapped without a lookup: the standard library
    /// makes a string of each non-ASCII scalar's mapping.
    static func lowercased(_ text: String) -> String {
        if text.isAllASCII { return text.lowercased() }
        let changes = text.unicodeScalars.contains {
            $0.value < 0x80 ? (0x41...0x5A).contains($0.value) : $0.properties.changesWhenLowercased
        }
        guard changes else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        text.withScalars { scalars in
            while let scalar = scalars.next() {
                if scalar.value < 0x100 {
                    UTF8.encode(Unicode.Scalar(lowerLatin1(scalar.value))!) { bytes.append($0) }
                } else {
                    bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lowercase of a scalar below U+0100: A–Z and À–Þ (but ×) move up by 0x20.
    @inline(__always)
    private static func lowerLatin1(_ value: UInt32) -> UInt32 {
        (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) ? value + 0x20 : value
    }

    /// The key of a word with scalars past Latin-1, in one pass (not
    /// through ``lowercased(_:)``, whose look for a scalar that changes
    /// costs a property look-up per scalar: about 37 M over the Corpus × 12).
    private static func mappedKey(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        result.reserveCapacity(scalars.count * 2)
        for scalar in scalars {
            let unified = Folding.unifyApostrophe(scalar)
            if unified.value < 0x100 {
                result.unicodeScalars.append(Unicode.Scalar(lowerLatin1(unified.value))!)
            } else {
                result += unified.properties.lowercaseMapping
            }
        }
        return result
    }

    @inline(__always)
    private static func encode(_ scalar: Unicode.Scalar, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            buffer[start] = UInt8(v)
            return start + 1
        case 0x80..<0x800:
            buffer[start] = UInt8(0xC0 | (v >> 6))
            buffer[start + 1] = UInt8(0x80 | (v & 0x3F))
            return start + 2
        case 0x800..<0x10000:
            buffer[start] = UInt8(0xE0 | (v >> 12))
            buffer[start + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            buffer[start + 2] = UInt8(0x80 | (v & 0x3F))
            return start + 3
        default:
            buffer[start] = UInt8(0xF0 | (v >> 18))
            buffer[start + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            buffer[start + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            buffer[start + 3] = UInt8(0x80 | (v & 0x3F))
            return start + 4
        }
    }
}

/// The scalars of well-formed UTF-8 (a Swift string's bytes), decoded in
/// place: an ASCII byte costs a comparison, where `unicodeScalars` spends
/// about twenty instructions a scalar. Bytes read from outside are checked by
/// ``SourceText/init(utf8:lossy:decoding:)`` instead.
struct UTF8Scalars: IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// - Parameter bytes: well-formed UTF-8, as `String.withUTF8` lends it.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// How many bytes the text has: at least as many as its scalars.
    var byteCount: Int { bytes.count }

    @inline(__always)
    mutating func next() -> Unicode.Scalar? {
        guard i < bytes.count else { return nil }
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 {
            i += 1
            return Unicode.Scalar(UInt8(b0))
        }
        let v: UInt32
        if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
        } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
        } else {
            v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
            i += 4
        }
        return Unicode.Scalar(v) ?? "\u{FFFD}"   // well-formed UTF-8 never gives nil
    }

    /// Writes every scalar not read yet into `out` (room for ``byteCount``
    /// scalars at least) and returns how many: eight ASCII bytes at a time
    /// when none of them has its high bit, else one scalar as ``next()`` reads it.
    mutating func readAll(into out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        var n = 0
        guard bytes.baseAddress != nil, let target = out.baseAddress else { return 0 }
        precondition(out.count >= bytes.count - i, "UTF8Scalars.readAll: room for one scalar per byte")
        let count = bytes.count
        while true {
            while i + 8 <= count {
                let word = ByteWord.load(bytes, at: i)
                guard word & ByteWord.highs == 0 else { break }
                ByteWord.storeScalars(word, to: target + n)
                n += 8
                i += 8
            }
            guard let scalar = next() else { return n }
            target[n] = scalar
            n += 1
        }
    }
}

extension String {
    /// The string's scalars in an array: `Array(unicodeScalars)`, read in one
    /// pass over the UTF-8 (``UTF8Scalars/readAll(into:)``) where the view
    /// counts its scalars first and then steps through them again.
    var scalarArray: [Unicode.Scalar] {
        withScalars { read in
            [Unicode.Scalar](unsafeUninitializedCapacity: read.byteCount) { out, count in
                count = read.readAll(into: out)
            }
        }
    }

    /// Calls `body` with the string's scalars as ``UTF8Scalars`` over its
    /// UTF-8 (a string that is not native and contiguous is copied first).
    @inline(__always)
    func withScalars<R>(_ body: (inout UTF8Scalars) -> R) -> R {
        var text = self
        return text.withUTF8 { bytes in
            var scalars = UTF8Scalars(bytes)
            return body(&scalars)
        }
    }
}

extension String {
    /// Whether every byte of the string is ASCII, read over its contiguous
    /// UTF-8 (a native string's): `utf8.allSatisfy` steps through the view
    /// index by index, about ten times slower.
    var isAllASCII: Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ bytes in bytes.allSatisfy { $0 < 0x80 } }) { return answer }
        return utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the string is the ASCII `literal`, by its bytes: the same
    /// answer as `==` (an ASCII string is canonically equivalent only to
    /// itself), without Swift's Unicode comparison, which a key with an
    /// accent takes for every test against a literal on the hot path.
    ///
    /// ```swift
    /// "de".equalsASCII("de")        // true
    /// "été".equalsASCII("ete")      // false
    /// ```
    @inline(__always)
    func equalsASCII(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard utf8.count == count else { return false }
        guard count > 0 else { return true }
        var text = self
        return text.withUTF8 { bytes in memcmp(bytes.baseAddress!, literal.utf8Start, count) == 0 }
    }
}
