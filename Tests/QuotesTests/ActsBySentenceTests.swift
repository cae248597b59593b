import Foundation
import Testing
@testable import Quotes

/// The translation cue assigner's acts bucketed by sentence answer as the dictionary of arrays
/// they replace: the same acts, in act order, for every sentence, and none for a sentence no act
/// is in.
@Suite struct ActsBySentenceTests {
    @Test("the same acts per sentence as a dictionary of arrays", arguments: [
        [[Int]](), [[]], [[0]], [[3], [3], [1, 3]], [[5, 2], [], [2, 9, 7, 1, 0, 4]],
        [[-1, 0], [2]], [[1000], [0]], [Array(0..<12), [11, 3], Array(stride(from: 20, to: 0, by: -3))],
    ])
    func sameAsDictionary(sentencesOfActs: [[Int]]) {
        var acts: [TranslationCueAssigner.Act] = []
        var reference: [Int: [Int]] = [:]
        for (a, sentences) in sentencesOfActs.enumerated() {
            var act = TranslationCueAssigner.Act()
            for s in sentences { act.sentences.insert(s) }
            acts.append(act)
            act.sentences.forEach { s in reference[s, default: []].append(a) }
        }
        let buckets = TranslationCueAssigner.ActsBySentence(acts)
        for sentence in -3...1003 {
            #expect(buckets[sentence].map(Array.init) == reference[sentence], "sentence \(sentence)")
        }
    }
}

/// Acts made only for some sentences are those of all the acts that have
/// one of the sentences, in the same order, each with the same quotes,
/// anchors, near places, marks and sentences.
@Suite struct WantedActsTests {
    static func rows(_ acts: [TranslationCueAssigner.Act]) -> [String] {
        acts.map { act in
            var sentences: [Int] = []
            act.sentences.forEach { sentences.append($0) }
            return "\(act.quotes) \(act.anchors) \(act.near) \(act.hasMarks) \(sentences.sorted())"
        }
    }

    @Test("acts made for some sentences: all the acts with one of them", arguments: try Support.articles())
    func wanted(article: URL) throws {
        let stages = try Support.stages(article)
        let context = stages.context()
        let decisions = AttributionEngine(model: try SpeakerModel.bundled()).attribute(context)
        let assigner = TranslationCueAssigner()
        let all = assigner.acts(decisions: decisions, context: context)
        let count = stages.document.sentences.count
        let choices: [[Int]] = [[], Array(stride(from: 0, to: count, by: 3)), Array(0..<count), [count - 1, 0]] + (0..<min(count, 12)).map { [$0] }
        for wanted in choices {
            let expected = all.filter { act in wanted.contains { act.sentences.contains($0) } }
            #expect(Self.rows(assigner.acts(decisions: decisions, context: context, inSentences: wanted)) == Self.rows(expected),
                    "\(article.lastPathComponent) \(wanted)")
        }
        #expect(!all.isEmpty || decisions.allSatisfy { $0 == nil })
    }
}
