/// The sentences of a speech act: a set of indices kept inline while it
/// holds four or fewer, as nearly every act does (one or two sentences),
/// and in a `Set` past that, so that an act over many sentences still
/// inserts and asks in constant time. A `Set` for every act cost an
/// allocation and a hash per insert.
///
/// ```swift
/// var sentences = SentenceSet()
/// sentences.insert(3); sentences.insert(4); sentences.insert(3)
/// sentences.contains(4)     // true
/// sentences.count           // 2
/// ```
struct SentenceSet {
    private var inline: (Int, Int, Int, Int) = (0, 0, 0, 0)
    private var inlineCount = 0
    private var spilled: Set<Int>?

    /// How many distinct indices it holds.
    var count: Int { spilled?.count ?? inlineCount }

    func contains(_ s: Int) -> Bool {
        if let spilled { return spilled.contains(s) }
        switch inlineCount {
        case 4: return inline.0 == s || inline.1 == s || inline.2 == s || inline.3 == s
        case 3: return inline.0 == s || inline.1 == s || inline.2 == s
        case 2: return inline.0 == s || inline.1 == s
        case 1: return inline.0 == s
        default: return false
        }
    }

    mutating func insert(_ s: Int) {
        if spilled != nil {
            spilled!.insert(s)
            return
        }
        if contains(s) { return }
        switch inlineCount {
        case 0: inline.0 = s
        case 1: inline.1 = s
        case 2: inline.2 = s
        case 3: inline.3 = s
        default:
            spilled = [inline.0, inline.1, inline.2, inline.3, s]
            return
        }
        inlineCount += 1
    }

    /// Calls `body` with each index once, in no set order.
    func forEach(_ body: (Int) -> Void) {
        if let spilled { spilled.forEach(body); return }
        if inlineCount > 0 { body(inline.0) }
        if inlineCount > 1 { body(inline.1) }
        if inlineCount > 2 { body(inline.2) }
        if inlineCount > 3 { body(inline.3) }
    }
}
