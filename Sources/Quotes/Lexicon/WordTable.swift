import Foundation

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
    /// How many words are numbered; ids run from 0 to `count - 1`.
    public private(set) var count: Int
    /// The UTF-8 bytes of every word, one after another, and where each starts.
    private var bytes: [UInt8]
    private var starts: [Int32]
    /// Open addressing over FNV-1a hashes of the bytes: an id, or -1.
    /// Words and keys are both NFC, so equal words have equal bytes, and
    /// neither the hash nor the comparison needs Unicode rules.
    private var slots: [Int32]
    private var mask: Int
    /// Shared by copies of a table and replaced when a word is added, so
    /// that two tables with the same identity number the same words.
    private(set) var identity = Identity()

    final class Identity: Sendable {}

    /// Numbers `words` in order, each once.
    public init(_ words: some Collection<String>) {
        self.init(capacity: words.count)
        for word in words {
            // A word's own bytes where it keeps them: no array made (and freed) per word.
            _ = word.utf8.withContiguousStorageIfAvailable { insert($0) } ?? Array(word.utf8).withUnsafeBufferPointer { insert($0) }
        }
    }

    /// An empty table with room for `capacity` words before it grows.
    init(capacity: Int) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        count = 0
        bytes = []
        starts = [0]
        slots = [Int32](repeating: -1, count: slotCount)
        mask = slotCount - 1
    }

    /// The id of the UTF-8 word `key`, numbered next if it is new; the
    /// table grows (twice the slots) so that it stays at most half full.
    /// - Complexity: amortized O(1) per byte of `key`.
    @inline(__always)
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: WordID, isNew: Bool) {
        var (found, slot) = find(key)
        if found.isKnown { return (found, false) }
        if (count + 1) * 2 > slots.count {
            grow()
            slot = find(key).slot
        }
        slots[slot] = Int32(count)
        bytes.append(contentsOf: key)
        starts.append(Int32(bytes.count))
        count += 1
        // A new identity only when another table or a reader holds this one: held by
        // this table alone, nothing can compare it with a table that lacks the word.
        if !isKnownUniquelyReferenced(&identity) { identity = Identity() }
        return (WordID(raw: Int32(count - 1)), true)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count {
            let start = Int(starts[id]), end = Int(starts[id + 1])
            var slot = Int(truncatingIfNeeded: Self.hash(bytes[start..<end])) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    @inline(__always)
    private static func hash(_ utf8: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return h ^ (h >> 29)
    }

    public func id(_ key: String) -> WordID {
        let found = key.utf8.withContiguousStorageIfAvailable { lookup($0) }
        return found ?? Array(key.utf8).withUnsafeBufferPointer { lookup($0) }
    }

    /// The id of the UTF-8 word `key`.
    @inline(__always)
    func id(utf8 key: UnsafeBufferPointer<UInt8>) -> WordID { find(key).id }

    private func lookup(_ key: UnsafeBufferPointer<UInt8>) -> WordID { find(key).id }

    /// The id of `key`, or `.unknown` and the free slot where it would go.
    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (id: WordID, slot: Int) {
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let id = slots[slot]
            guard id >= 0 else { return (.unknown, slot) }
            let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
            if end - start == key.count, bytes.withUnsafeBufferPointer({ word in
                key.isEmpty || memcmp(word.baseAddress! + start, key.baseAddress!, key.count) == 0
            }) {
                return (WordID(raw: id), slot)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id in this table of each word of `other`, in `other`'s order:
    /// read from its bytes, no `String` made or hashed.
    func ids(of other: WordTable) -> [WordID] {
        other.bytes.withUnsafeBufferPointer { all in
            (0..<other.count).map { id in
                let start = Int(other.starts[id]), end = Int(other.starts[id + 1])
                return find(UnsafeBufferPointer(rebasing: all[start..<end])).id
            }
        }
    }

    /// The id of each key.
    /// - Complexity: O(n), one hash per key.
    public func ids(_ keys: some Sequence<String>) -> [WordID] { keys.map(id) }
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

    /// Whether word `id` has a value: `self[id] != nil`, without copying it out.
    @inline(__always)
    public func hasValue(_ id: WordID) -> Bool {
        guard id.isKnown else { return false }
        return values.withUnsafeBufferPointer { buffer in
            if case .some = buffer[Int(id.raw)] { return true }
            return false
        }
    }
}
