/// A hash table from integer codes (character n-grams packed in a
/// `UInt64`) to dense ids `0..<count`, in the order the codes were first
/// added: open addressing with linear probing over flat arrays, so a
/// look-up hashes with one multiplication and allocates nothing.
///
/// ```swift
/// var table = CodeTable()
/// table.intern(0x61)   // 0
/// table.intern(0x62)   // 1
/// table.intern(0x61)   // 0
/// table[0x62]          // 1
/// table[0x63]          // nil
/// ```
struct CodeTable: Sendable {
    /// Marks an empty slot; no n-gram code uses all 64 bits.
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var ids: [Int32]
    private var shift: UInt64
    /// Codes added so far.
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: Self.empty, count: 16)
        ids = [Int32](repeating: 0, count: 16)
        shift = 64 - 4
    }

    /// Where `key`'s probe starts, in a table of `64 - shift` bits of slots.
    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id of `key`, or nil when it was never added.
    /// - Complexity: O(1) on average.
    @inline(__always)
    subscript(key: UInt64) -> Int32? { withProbe { $0[key] } }

    /// Look-ups over the table's storage, for a loop that makes many of
    /// them: the arrays are opened once, not at each look-up.
    struct Probe {
        fileprivate let keys: UnsafePointer<UInt64>
        fileprivate let ids: UnsafePointer<Int32>
        fileprivate let mask: Int
        fileprivate let shift: UInt64

        /// The id of `key`, or nil when it was never added (as ``CodeTable/subscript(key:)``).
        @inline(__always)
        subscript(key: UInt64) -> Int32? {
            var i = CodeTable.slot(key, shift: shift)
            while true {
                let k = keys[i]
                if k == key { return ids[i] }
                if k == CodeTable.empty { return nil }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Calls `body` with a ``Probe`` of the table, valid only during the call.
    @inline(__always)
    func withProbe<R>(_ body: (Probe) -> R) -> R {
        keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeBufferPointer { ids in
                body(Probe(keys: keys.baseAddress!, ids: ids.baseAddress!, mask: keys.count - 1, shift: shift))
            }
        }
    }

    /// The id of `key`, added with the next id when new.
    mutating func intern(_ key: UInt64) -> Int32 {
        precondition(key != Self.empty, "CodeTable: reserved code")
        let mask = keys.count - 1
        var i = Self.slot(key, shift: shift)
        while keys[i] != Self.empty {
            if keys[i] == key { return ids[i] }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        keys[i] = key
        ids[i] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    /// Doubles the slots, keeping every code's id.
    private mutating func grow() {
        let (oldKeys, oldIDs) = (keys, ids)
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        ids = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where key != Self.empty {
            var i = Self.slot(key, shift: shift)
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = key
            ids[i] = id
        }
    }
}
