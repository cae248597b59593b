import Testing
@testable import Quotes

/// `SentenceSet` answers as a `Set<Int>` fed the same inserts, below,
/// at and past its four inline places.
@Suite struct SentenceSetTests {
    @Test("the same members, count and questions as a Set", arguments: [
        [Int](), [3], [3, 3], [1, 2, 3, 4], [4, 3, 2, 1, 4, 3], [1, 2, 3, 4, 5], [0, 0, 0, 0, 0, 1],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8], Array(0..<100) + Array(0..<100), [-1, 0, 1, 2, 3, 1000],
    ])
    func sameAsSet(inserts: [Int]) {
        var small = SentenceSet()
        var reference = Set<Int>()
        for s in inserts {
            small.insert(s)
            reference.insert(s)
            #expect(small.count == reference.count)
        }
        for probe in -2...102 { #expect(small.contains(probe) == reference.contains(probe)) }
        var seen: [Int] = []
        small.forEach { seen.append($0) }
        #expect(seen.count == reference.count)
        #expect(Set(seen) == reference)
    }
}
