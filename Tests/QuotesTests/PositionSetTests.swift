import Testing
@testable import Quotes

/// `PositionSet` answers as a `Set<Int>` fed the same inserts, for
/// positions inside its range, at both ends and outside it.
@Suite struct PositionSetTests {
    @Test("the same members and count as a Set", arguments: [
        (-1..<10, [Int]()), (-1..<10, [-1]), (-1..<10, [-1, -1, 9, 9]), (0..<64, [0, 63, 63, 64, -1]),
        (0..<65, Array(0..<65)), (-1..<130, [129, 128, 64, 63, 0, -1, -2, 130, 130, 1000]),
        (0..<0, [0, 1, -1, 0]), (5..<7, [4, 5, 6, 7, 5, 6]),
    ])
    func sameAsSet(range: Range<Int>, inserts: [Int]) {
        var positions = PositionSet(covering: range)
        var reference = Set<Int>()
        for p in inserts {
            positions.insert(p)
            reference.insert(p)
            #expect(positions.count == reference.count)
        }
        for probe in -3...1001 { #expect(positions.contains(probe) == reference.contains(probe)) }
        let built = PositionSet(inserts, covering: range)
        #expect(built.count == reference.count)
        for probe in -3...1001 { #expect(built.contains(probe) == reference.contains(probe)) }
    }
}
