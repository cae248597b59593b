import Foundation

/// A short closed list of keys (`de`, `du`, `des`, `d'`) that a stage tests
/// a token's key against: the answers of `==` and `hasSuffix`, found by
/// comparing UTF-8 bytes, and without building the list again at each test
/// (an array literal in a condition is allocated each time it runs).
///
/// Equal bytes are equal strings. A key whose bytes match no word is not
/// one of them when it is in NFC, as the words are (two strings in NFC are
/// canonically equivalent only when their bytes are equal). Taken as NFC
/// without a look: a key whose scalars are all below U+0300, where no
/// combining mark is (`été`, `Œuvre`), or dashes, quotation marks and the
/// other punctuation of U+2010…U+2027 (`—`, `’`, `…`), which neither
/// decompose nor compose canonically. Any other key, which may be spelled
/// with combining marks (`e` + U+0301), is compared as a `String`.
///
/// ```swift
/// static let complementLinks: KeyList = ["de", "du", "des", "d'"]
/// complementLinks.contains("du")              // true
/// KeyList(["é", "ée"]).endsOne("adressée")    // true
/// KeyList(["é", "ée"]).endsOne("adresse")     // false
/// ```
struct KeyList: Sendable, ExpressibleByArrayLiteral {
    private let strings: [String]
    /// The words' UTF-8 bytes one after the other; word n ends at `ends[n]`.
    private let bytes: [UInt8]
    private let ends: [Int]
    /// Bit n set when a word has n bytes (all lengths of 63 and more share bit 63).
    private let lengths: UInt64
    /// Bit b%64 of word b/64 set when a word starts with byte b.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    /// Open addressing on each word's ``signature(_:)``: a word's index, −1
    /// for an empty slot. Words are inserted in order, so an earlier one is
    /// met first along a probe.
    private let slots: [Int32]
    private let signatures: [UInt64]

    /// - Parameter words: NFC spellings (as literals in the source are).
    init(_ words: [String]) {
        strings = words
        bytes = words.flatMap { Array($0.utf8) }
        var end = 0
        ends = words.map { word in
            end += word.utf8.count
            return end
        }
        var lengths: UInt64 = 0
        var first = [UInt64](repeating: 0, count: 4)
        for word in words {
            lengths |= 1 << UInt64(min(word.utf8.count, 63))
            if let byte = word.utf8.first { first[Int(byte) / 64] |= 1 << UInt64(byte % 64) }
        }
        self.lengths = lengths
        firstBytes = (first[0], first[1], first[2], first[3])
        var size = 4
        while size < words.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var signatures: [UInt64] = []
        for (n, word) in words.enumerated() {
            let signature = Array(word.utf8).withUnsafeBufferPointer(Self.signature)
            signatures.append(signature)
            var slot = Self.slot(signature, mask: size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(n)
        }
        self.slots = slots
        self.signatures = signatures
    }

    /// A key's first eight bytes and its length, mixed: equal for equal
    /// keys, and enough to tell two keys of eight bytes or fewer apart.
    @inline(__always)
    private static func signature(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for i in 0..<min(key.count, 8) { packed |= UInt64(key[i]) << UInt64(8 * i) }
        return packed ^ (UInt64(truncatingIfNeeded: key.count) &* 0x9E37_79B9_7F4A_7C15)
    }

    @inline(__always)
    private static func slot(_ signature: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (signature ^ (signature >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 32) & mask
    }

    /// Whether some word has as many bytes as `key` and starts with its first
    /// byte: most keys asked about fail this, and are answered without a
    /// comparison.
    @inline(__always)
    private func mayHold(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths & (1 << UInt64(min(key.count, 63))) != 0 else { return false }
        guard let byte = key.first else { return true }
        let word: UInt64
        switch byte / 64 {
        case 0: word = firstBytes.0
        case 1: word = firstBytes.1
        case 2: word = firstBytes.2
        default: word = firstBytes.3
        }
        return word & (1 << UInt64(byte % 64)) != 0
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// Whether `key` is one of the words, as `==` answers.
    func contains(_ key: String) -> Bool { firstIndex(of: key) != nil }

    /// The position of the first word `key` is, as `firstIndex(of:)` on the
    /// words answers (by `==`).
    func firstIndex(of key: String) -> Int? {
        let answer = key.utf8.withContiguousStorageIfAvailable { key -> Int?? in
            guard mayHold(key) else { return Self.isPlainNFC(key) ? .some(nil) : nil }
            let signature = Self.signature(key)
            return slots.withUnsafeBufferPointer { slots in
                bytes.withUnsafeBufferPointer { all in
                    let mask = slots.count - 1
                    var slot = Self.slot(signature, mask: mask)
                    while true {
                        let n = Int(slots[slot])
                        if n < 0 { break }
                        // Same signature: same length, and the same first eight bytes
                        // (the rest compared when there are more).
                        if signatures[n] == signature {
                            let end = ends[n], start = n > 0 ? ends[n - 1] : 0
                            if end - start == key.count,
                               key.count <= 8 || memcmp(all.baseAddress! + start + 8, key.baseAddress! + 8, key.count - 8) == 0 { return n }
                        }
                        slot = (slot + 1) & mask
                    }
                    return Self.isPlainNFC(key) ? .some(nil) : nil
                }
            }
        } ?? nil
        return answer ?? strings.firstIndex(of: key)
    }

    /// Whether `key` ends with one of the words, as `hasSuffix` answers
    /// (which compares graphemes: the bytes pick the candidates, `hasSuffix`
    /// confirms them).
    func endsOne(_ key: String) -> Bool {
        let answer = key.utf8.withContiguousStorageIfAvailable { tail -> Bool? in
            bytes.withUnsafeBufferPointer { all in
                var start = 0
                for (n, end) in ends.enumerated() {
                    let count = end - start
                    if count <= tail.count,
                       count == 0 || memcmp(all.baseAddress! + start, tail.baseAddress! + (tail.count - count), count) == 0,
                       key.hasSuffix(strings[n]) {
                        return true
                    }
                    start = end
                }
                return Self.isPlainNFC(tail) ? false : nil
            }
        } ?? nil
        return answer ?? strings.contains { key.hasSuffix($0) }
    }

    /// Whether every scalar of valid UTF-8 `bytes` is below U+0300 or in
    /// U+2010…U+2027 (see the type's notes): a scalar from U+0300 on starts
    /// with a byte from 0xCC on, and those of U+2010…U+2027 are E2 80 90 to
    /// E2 80 A7.
    static func isPlainNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most keys: below U+0300 throughout, answered in one pass the compiler vectorises.
        if bytes.allSatisfy({ $0 < 0xCC }) { return true }
        return hasOnlyPlainPunctuation(bytes)
    }

    /// ``isPlainNFC(_:)`` for a key with a byte from 0xCC on, scalar by scalar.
    @inline(never)
    private static func hasOnlyPlainPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0xCC { i &+= 1; continue }
            guard byte == 0xE2, n - i >= 3, bytes[i &+ 1] == 0x80, (0x90...0xA7).contains(bytes[i &+ 2]) else { return false }
            i &+= 3
        }
        return true
    }
}
