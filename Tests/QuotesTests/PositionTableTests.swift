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
        var table = PositionTable(capacity: 5_000)
        var dictionary: [Int: Int] = [:]
        for value in 0..<5_000 {
            // A quadratic walk: positions that repeat and cluster, so probes collide.
            let position = (value * value * 31 + 7 * value) % 20_000
            table.insert(position, value, replacing: false)
            if dictionary[position] == nil { dictionary[position] = value }
        }
        let disagreeing = (-2..<20_002).filter { table[$0] != dictionary[$0] }
        #expect(disagreeing.isEmpty)
        #expect(dictionary.count < 5_000)
    }
}
