/// A set of integer positions (content-token indices, entity ids) known to
/// fall mostly in one range given up front: one bit per position of the
/// range, so `insert` and `contains` are a shift and a mask, without the
/// hashing of `Set<Int>`. A position outside the range is kept in a `Set`
/// on the side, so every answer is the one `Set<Int>` would give.
///
/// ```swift
/// var slots = PositionSet(covering: -1..<10)
/// slots.insert(-1); slots.insert(4)
/// slots.contains(4)    // true
/// slots.contains(5)    // false
/// slots.insert(40)     // outside the range: kept aside
/// slots.contains(40)   // true
/// slots.count          // 3
/// ```
struct PositionSet: Sendable {
    private var bits: [UInt64]
    private let lower: Int
    private let upper: Int
    private var outside: Set<Int> = []
    /// Distinct positions inserted.
    private(set) var count = 0

    /// An empty set whose positions in `range` take a bit each.
    init(covering range: Range<Int>) {
        lower = range.lowerBound
        upper = range.upperBound
        bits = .filled(0, count: (range.count + 63) / 64)
    }

    /// The set of `positions`.
    init<S: Sequence>(_ positions: S, covering range: Range<Int>) where S.Element == Int {
        self.init(covering: range)
        for position in positions { insert(position) }
    }

    /// Adds `position`; nothing changes when it is in already.
    @inline(__always)
    mutating func insert(_ position: Int) {
        guard position >= lower, position < upper else {
            if outside.insert(position).inserted { count += 1 }
            return
        }
        let offset = position - lower
        let mask: UInt64 = 1 << UInt64(offset & 63)
        if bits[offset >> 6] & mask == 0 {
            bits[offset >> 6] |= mask
            count += 1
        }
    }

    @inline(__always)
    func contains(_ position: Int) -> Bool {
        guard position >= lower, position < upper else { return !outside.isEmpty && outside.contains(position) }
        let offset = position - lower
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// The largest member in `range`, or nil: the bits read a word at a time
    /// from the top, for a walk back that only stops where something is.
    func last(in range: Range<Int>) -> Int? {
        var found: Int? = nil
        if !outside.isEmpty { found = outside.filter { range.contains($0) }.max() }
        let low = max(range.lowerBound, lower), high = min(range.upperBound, upper)
        guard low < high else { return found }
        var top = high - 1 - lower   // the offset of the highest position still to read
        let bottom = low - lower
        while top >= bottom {
            let word = top >> 6
            // The bits of this word from `bottom` (in its word) up to `top`.
            var w = bits[word] & (top & 63 == 63 ? ~0 : (1 << UInt64((top & 63) + 1)) &- 1)
            if word == bottom >> 6 { w &= ~((1 << UInt64(bottom & 63)) &- 1) }
            if w != 0 {
                let position = lower + word << 6 + (63 - w.leadingZeroBitCount)
                return max(position, found ?? position)
            }
            top = (word << 6) - 1
        }
        return found
    }
}
