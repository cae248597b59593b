import Testing
@testable import Quotes

/// `SortedNumbers` (a document's surname keys) answers as a `Set<Int32>` of
/// the same numbers, given in any order and with repeats.
@Suite struct SortedNumbersTests {
    @Test("the same members as a Set", arguments: [
        [Int32](), [0], [5], [5, 5], [3, 1, 2], [Int32.max, 0, Int32.max - 1], [9, 2, 9, 4, 2, 7, 0, 1_000_000],
        Array(stride(from: Int32(40), through: 0, by: -3)),
    ])
    func sameAsSet(numbers: [Int32]) {
        let sorted = SortedNumbers(numbers)
        let reference = Set(numbers)
        for probe in Array(Int32(-2)...45) + [999_999, 1_000_000, 1_000_001, Int32.max - 1, Int32.max] {
            #expect(sorted.contains(probe) == reference.contains(probe), "\(probe) in \(numbers)")
        }
    }
}
