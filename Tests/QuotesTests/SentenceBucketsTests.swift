import Testing
@testable import Quotes

/// Indices grouped by sentence must read as the dictionary of arrays they
/// replace: each sentence's indices in increasing order, none for a
/// sentence without any, and none past the last sentence.
@Suite struct SentenceBucketsTests {
    @Test("buckets read as a dictionary of arrays built by appending", arguments: [
        (3, [2, 0, 2, nil, 1] as [Int?]),
        (1, []),
        (0, [0, 0]),
        (4, [nil, nil]),
        (2, [5, 1, 5]),
        (50, (0..<400).map { $0 % 7 == 0 ? nil : ($0 * 37) % 50 }),
    ])
    func buckets(sentences: Int, owners: [Int?]) {
        let buckets = SentenceBuckets(sentences: sentences, items: owners.count) { owners[$0] }
        var expected: [Int: [Int]] = [:]
        for (k, s) in owners.enumerated() { if let s { expected[s, default: []].append(k) } }
        let highest = max(sentences, (owners.compactMap { $0 }.max() ?? 0) + 1)
        for s in -1...(highest + 1) {
            #expect(Array(buckets[s]) == (expected[s] ?? []), "sentence \(s)")
        }
    }
}
