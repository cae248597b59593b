import Testing
@testable import Quotes

/// The article's main speaker as decisions are recorded: the entity given
/// the most quotes so far, ties to the lower entity index, whatever order
/// and numbering the entities come in.
@Suite struct MainSpeakerTests {
    static func decision(_ entity: Int?) -> Candidate? {
        entity.map { Candidate(rule: "incise-name", entity: $0, mention: nil, cue: nil) }
    }

    @Test("the entity with the most quotes, ties to the lower index", arguments: [
        ([], nil),
        ([nil, nil], nil),
        ([3], (3, 1)),
        ([5, 2], (2, 1)),
        ([2, 5, 5], (5, 2)),
        ([7, nil, 0, 7, 0], (0, 2)),
        ([40, 1, 40, 1, 40], (40, 3)),
        ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9], (9, 2)),
    ] as [([Int?], (Int, Int)?)])
    func mainSpeaker(entities: [Int?], expected: (Int, Int)?) {
        // Recorded one by one, as the engine does…
        let log = AttributionContext.DecisionLog([])
        for e in entities { log.append(Self.decision(e), candidates: []) }
        #expect(log.mainSpeaker?.entity == expected?.0)
        #expect(log.mainSpeaker?.count == expected?.1)
        // The decisions and the last one made are kept as they come.
        #expect(log.decisions.map { $0?.entity } == entities)
        #expect(log.lastDecided == entities.lastIndex { $0 != nil })
        #expect(log.candidates.count == entities.count)
        // …or given all at once, as a context made with earlier decisions is.
        let given = AttributionContext.DecisionLog(entities.map(Self.decision))
        #expect(given.mainSpeaker?.entity == expected?.0)
        #expect(given.mainSpeaker?.count == expected?.1)
    }
}
