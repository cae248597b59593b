import Testing
@testable import Quotes

/// `Array.filled` gives what `Array(repeating:count:)` gives.
@Suite struct FilledArrayTests {
    @Test("the same elements as init(repeating:count:)", arguments: [0, 1, 2, 3, 7, 64, 1_000])
    func sameAsRepeating(count: Int) {
        #expect([Double].filled(0, count: count) == [Double](repeating: 0, count: count))
        #expect([Int32].filled(-1, count: count) == [Int32](repeating: -1, count: count))
        #expect([String].filled("é", count: count) == [String](repeating: "é", count: count))
        var grown = [UInt64].filled(5, count: count)
        grown.append(6)
        #expect(grown.count == count + 1 && grown.last == 6 && grown.dropLast().allSatisfy { $0 == 5 })
    }
}
