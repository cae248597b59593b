/// A word the lexicons know, by number: the stages ask about a token with
/// array reads instead of hashing its text for every question.
///
/// Swift hashes and compares a non-ASCII `String` through NFC, and most
/// French words have an accent: one lookup per token per document, then
/// none, is what keeps `Mentions/` and `Cues/` close to linear in bytes.
public struct WordID: Hashable, Sendable {
    public let raw: Int32
    /// A word no lexicon lists (most content words).
    public static let unknown = WordID(raw: -1)
    public var isKnown: Bool { raw >= 0 }
}

/// Numbers every word of the lexicons once per process.
///
/// ```swift
/// let words = WordTable(["le", "président"])
/// words.id("président")        // WordID(raw: 1)
/// words.id("lavrov")           // .unknown
/// words.ids(document.contentKeys)
/// ```
public struct WordTable: Sendable {
    private let numbers: [String: Int32]
    /// How many words are numbered; ids run from 0 to `count - 1`.
    public let count: Int

    /// Numbers `words` in order, each once.
    public init(_ words: some Sequence<String>) {
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(words.underestimatedCount)
        for word in words {
            let next = Int32(numbers.count)
            // One hash for a new word; a repeated word keeps its first number.
            if let first = numbers.updateValue(next, forKey: word) { numbers[word] = first }
        }
        self.numbers = numbers
        count = numbers.count
    }

    public func id(_ key: String) -> WordID { numbers[key].map(WordID.init(raw:)) ?? .unknown }

    /// The id of each key.
    /// - Complexity: O(n), one hash per key.
    public func ids(_ keys: [String]) -> [WordID] { keys.map(id) }
}

/// Some words of a ``WordTable``, as bits over their ids.
public struct WordSet: Sendable {
    private var bits: [UInt64]

    /// The words of `table` among `words`; words it does not number are left out.
    public init(_ words: some Sequence<String>, in table: WordTable) {
        bits = [UInt64](repeating: 0, count: (table.count + 63) / 64)
        for word in words { insert(table.id(word)) }
    }

    mutating func insert(_ id: WordID) {
        guard id.isKnown else { return }
        bits[Int(id.raw) >> 6] |= 1 << UInt64(id.raw & 63)
    }

    @inline(__always)
    public func contains(_ id: WordID) -> Bool {
        id.isKnown && bits[Int(id.raw) >> 6] & (1 << UInt64(id.raw & 63)) != 0
    }
}

/// A value for some words of a ``WordTable``, read by id.
public struct WordMap<Value: Sendable>: Sendable {
    private var values: [Value?]

    /// The values of `dictionary` under the ids of its keys; keys the
    /// table does not number are left out.
    public init(_ dictionary: [String: Value], in table: WordTable) {
        values = [Value?](repeating: nil, count: table.count)
        for (word, value) in dictionary {
            let id = table.id(word)
            if id.isKnown { values[Int(id.raw)] = value }
        }
    }

    @inline(__always)
    public subscript(_ id: WordID) -> Value? { id.isKnown ? values[Int(id.raw)] : nil }
}
