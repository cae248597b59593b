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
