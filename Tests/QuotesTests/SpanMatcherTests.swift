import Testing
@testable import Quotes

/// The matching rule: at least `overlap` of the gold span covered, more
/// than half of the prediction inside the gold span; one to one, greedy.
@Suite struct SpanMatcherTests {
    @Test("whether a prediction may match a gold span", arguments: [
        ("exact span", 0..<10, 0..<10, 0.5, true),
        ("half the gold span, all inside", 0..<10, 0..<5, 0.5, true),
        ("less than half the gold span", 0..<10, 0..<4, 0.5, false),
        ("whole gold span but only half the prediction inside", 10..<20, 10..<30, 0.5, false),
        ("whole gold span, most of the prediction inside", 10..<20, 8..<21, 0.5, true),
        ("adjacent, no overlap", 0..<10, 10..<20, 0.5, false),
        ("empty prediction", 0..<10, 5..<5, 0.5, false),
        ("55 of 100 at overlap 0.55 (0.55 × 100 is 55.00000000000001)", 0..<100, 0..<55, 0.55, true),
        ("54 of 100 at overlap 0.55", 0..<100, 0..<54, 0.55, false),
        ("overlap 1 needs the whole gold span", 0..<10, 0..<9, 1.0, false),
        ("overlap 1, whole gold span", 0..<10, 0..<10, 1.0, true),
        ("a mixed fragment inside an indirect clause", 0..<100, 40..<60, 0.5, false),
        ("an indirect clause around a mixed fragment", 40..<60, 0..<100, 0.5, false),
    ])
    func accepts(name: String, gold: Range<Int>, prediction: Range<Int>, overlap: Double, expected: Bool) {
        #expect(SpanMatcher(overlap: overlap).accepts(prediction: prediction, gold: gold) == expected, "\(name)")
    }

    @Test("pairs are one to one, largest overlap first, then the tighter fit", arguments: [
        ("each its own", [0..<10, 20..<30], [20..<30, 0..<10], [[0, 1], [1, 0]]),
        ("two predictions for one gold: the larger overlap wins", [0..<10], [1..<10, 0..<10], [[0, 1]]),
        ("overlapping golds: the largest pair first, the rest still pair", [0..<10, 0..<12], [0..<10, 0..<12], [[0, 0], [1, 1]]),
        ("a prediction already taken is not reused", [0..<10, 0..<11], [0..<11], [[1, 0]]),
        ("equal overlap: the tighter fit wins (a mixed quote inside its indirect clause)", [0..<58, 21..<56], [21..<56], [[1, 0]]),
        ("equal overlap, two predictions: the tighter one", [0..<10], [0..<12, 0..<11], [[0, 1]]),
        ("nothing acceptable", [0..<10], [30..<40], []),
        ("no predictions", [0..<10], [], []),
    ])
    func match(name: String, gold: [Range<Int>], predictions: [Range<Int>], expected: [[Int]]) {
        let pairs = SpanMatcher().match(gold: gold, predictions: predictions)
        #expect(pairs.map { [$0.gold, $0.prediction] } == expected, "\(name)")
    }
}
