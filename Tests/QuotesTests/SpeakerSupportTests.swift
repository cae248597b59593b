import Testing
@testable import Quotes

/// The `support` feature counts the other rules that propose a candidate's
/// entity, each once. It is counted in place; it must equal the count of a
/// set of those rules, less one, for every candidate.
@Suite struct SpeakerSupportTests {
    /// Candidates as (rule, entity).
    static let lists: [[(String, Int)]] = [
        [("incise-name", 0)],
        [("incise-name", 0), ("incise-name", 0)],
        [("incise-name", 0), ("cue-subject", 0), ("incise-name", 0), ("continuity", 1)],
        [("a", 2), ("b", 1), ("a", 1), ("c", 2), ("b", 2), ("a", 2), ("d", 3)],
        (0..<40).map { (["a", "b", "c", "d", "e"][($0 * 7) % 5], $0 % 4) },
    ]

    @Test("distinct rules for the same entity, less one", arguments: lists)
    func supporters(list: [(String, Int)]) {
        let candidates = list.map { Candidate(rule: RuleID(rawValue: $0.0), entity: $0.1, mention: nil, cue: nil) }
        for candidate in candidates {
            let expected = Set(candidates.filter { $0.entity == candidate.entity }.map(\.rule)).count - 1
            #expect(SpeakerFeatures.supporters(ofEntity: candidate.entity, among: candidates) == expected)
        }
    }
}
