import Foundation

/// A short closed list of keys (`de`, `du`, `des`, `d'`) that a stage tests
/// a token's key against: the answers of `==` and `hasSuffix`, found by
/// comparing UTF-8 bytes, and without building the list again at each test
/// (an array literal in a condition is allocated each time it runs).
///
/// Equal bytes are equal strings. A key whose bytes match no word is not
/// one of them when it is ASCII (an ASCII string is canonically equivalent
/// only to itself, and the words are NFC); any other key, which may be
/// spelled with combining marks (`e` + U+0301), is compared as a `String`.
///
/// ```swift
/// static let complementLinks: KeyList = ["de", "du", "des", "d'"]
/// complementLinks.contains("du")              // true
/// KeyList(["é", "ée"]).endsOne("adressée")    // true
/// KeyList(["é", "ée"]).endsOne("adresse")     // false
/// ```
struct KeyList: Sendable, ExpressibleByArrayLiteral {
    private let strings: [String]
    private let words: [[UInt8]]

    /// - Parameter words: NFC spellings (as literals in the source are).
    init(_ words: [String]) {
        strings = words
        self.words = words.map { Array($0.utf8) }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// Whether `key` is one of the words, as `==` answers.
    func contains(_ key: String) -> Bool {
        var bytes = key
        let (found, ascii) = bytes.withUTF8 { key -> (Bool, Bool) in
            for word in words where word.count == key.count {
                if key.isEmpty || word.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) { return (true, true) }
            }
            return (false, Self.isASCII(key))
        }
        return found || (!ascii && strings.contains(key))
    }

    /// Whether `key` ends with one of the words, as `hasSuffix` answers
    /// (which compares graphemes: the bytes pick the candidates, `hasSuffix`
    /// confirms them).
    func endsOne(_ key: String) -> Bool {
        var bytes = key
        let (found, ascii) = bytes.withUTF8 { tail -> (Bool, Bool) in
            for (n, word) in words.enumerated() where word.count <= tail.count {
                if word.isEmpty || word.withUnsafeBufferPointer({ memcmp($0.baseAddress!, tail.baseAddress! + (tail.count - word.count), word.count) == 0 }),
                   key.hasSuffix(strings[n]) {
                    return (true, true)
                }
            }
            return (false, Self.isASCII(tail))
        }
        return found || (!ascii && strings.contains { key.hasSuffix($0) })
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
