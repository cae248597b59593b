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

    /// The largest member of a range, as a `Set` gives it, for ranges that start and end
    /// inside a word of bits, on its edges, across several words and past the covered range.
    @Test("the last member in a range as a Set gives it", arguments: [
        (-1..<10, [Int]()), (-1..<10, [-1, 9]), (0..<64, [0, 63]), (0..<65, [64]), (0..<200, [0, 1, 62, 63, 64, 127, 128, 199]),
        (-1..<130, [129, 128, 64, 63, 0, -1, -2, 130, 1000]), (0..<0, [0, 5, -1]), (5..<7, [4, 5, 6, 7]),
        (0..<300, Array(stride(from: 3, to: 300, by: 37))),
    ])
    func lastInRange(range: Range<Int>, inserts: [Int]) {
        let positions = PositionSet(inserts, covering: range)
        let reference = Set(inserts)
        for low in -3...(range.upperBound + 3) {
            for high in low...(range.upperBound + 4) {
                #expect(positions.last(in: low..<high) == reference.filter { (low..<high).contains($0) }.max(), "\(low)..<\(high)")
            }
        }
        #expect(positions.last(in: -5..<2000) == reference.max())
    }
}
