import Testing
@testable import Quotes

/// The position tables of the attribution index answer as a dictionary would.
@Suite struct PositionTableTests {
    @Test("first or last entry at a position, none elsewhere", arguments: [
        // (inserts as (position, value, replacing), position asked, answer)
        ([(3, 0, false), (3, 1, false)], 3, 0 as Int?),
        ([(3, 0, true), (3, 1, true)], 3, 1),
        ([(3, 0, false), (3, 1, true)], 3, 1),
        ([(3, 0, true)], 4, nil),
        ([(0, 7, true)], 0, 7),
        ([(-1, 7, true)], -1, nil),
        ([], 0, nil),
    ] as [([(Int, Int, Bool)], Int, Int?)])
    func answers(inserts: [(Int, Int, Bool)], asked: Int, answer: Int?) {
        var table = PositionTable(capacity: inserts.count)
        for (position, value, replacing) in inserts { table.insert(position, value, replacing: replacing) }
        #expect(table[asked] == answer)
    }

    @Test("a full table agrees with a dictionary on every position")
    func agreesWithDictionary() {
        var generator = SeededGenerator(seed: 19)
        var table = PositionTable(capacity: 5_000)
        var dictionary: [Int: Int] = [:]
        for value in 0..<5_000 {
            let position = Int.random(in: 0..<20_000, using: &generator)
            table.insert(position, value, replacing: false)
            if dictionary[position] == nil { dictionary[position] = value }
        }
        let disagreeing = (-2..<20_002).filter { table[$0] != dictionary[$0] }
        #expect(disagreeing.isEmpty)
        #expect(dictionary.count > 4_000)
    }
}

/// A small deterministic generator (SplitMix64) for the test above.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
