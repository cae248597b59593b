import Foundation
import Testing
@testable import Quotes

/// Fitting the speaker model: a small table of candidates with a known
/// optimum, the out-of-fold Platt points, and the same bytes on every run.
@Suite(.serialized) struct SpeakerModelFitterTests {
    typealias Quote = SpeakerModelFitter.LabelledQuote

    /// A feature vector with `bias` and the named features set to 1.
    static func features(_ names: String...) -> [Double] {
        var x = [Double](repeating: 0, count: SpeakerFeatures.names.count)
        x[SpeakerFeatures.index["bias"]!] = 1
        for name in names { x[SpeakerFeatures.index[name]!] = 1 }
        return x
    }

    /// Quotes of two candidates each: the first proposal (`first-proposal`) and a rival.
    /// `firstRight` of `quotes` have a right first proposal; the rival is right in the others.
    static func table(quotes: Int, firstRight: Int, documents: Int) -> [Quote] {
        (0..<quotes).map { q in
            Quote(document: q % documents, candidates: [
                .init(features: features("first-proposal"), right: q < firstRight),
                .init(features: features(), right: q >= firstRight),
            ])
        }
    }

    @Test("one feature and a bias, tiny L2: weights are the logits of the empirical rates", arguments: [(10, 7), (20, 15), (9, 3)])
    func knownOptimum(quotes: Int, firstRight: Int) {
        let (model, points) = SpeakerModelFitter.fit(Self.table(quotes: quotes, firstRight: firstRight, documents: 5), l2: 1e-9)
        func logit(_ p: Double) -> Double { log(p / (1 - p)) }
        let first = Double(firstRight) / Double(quotes), rival = Double(quotes - firstRight) / Double(quotes)
        #expect(abs(model.weights[SpeakerFeatures.index["bias"]!] - logit(rival)) < 1e-6)
        #expect(abs(model.weights[SpeakerFeatures.index["first-proposal"]!] - (logit(first) - logit(rival))) < 1e-6)
        #expect(model.weights.enumerated().filter { $0.element != 0 }.map(\.offset).sorted()
                == [SpeakerFeatures.index["bias"]!, SpeakerFeatures.index["first-proposal"]!].sorted())
        #expect(points == quotes)
    }

    @Test("Platt points are out of fold: a quote of document d is scored by a model fitted on the other folds (d mod 5)",
          arguments: [5, 7, 12])
    func outOfFold(documents: Int) {
        // Documents differ, so that each fold's model differs.
        let quotes: [Quote] = (0..<40).map { q in
            let d = q % documents
            return Quote(document: d, candidates: [
                .init(features: Self.features("first-proposal", d % 2 == 0 ? "registry" : "full-name"), right: (q * 7 + d) % 5 != 0),
                .init(features: Self.features(d % 3 == 0 ? "previous-speaker" : "no-cue"), right: (q * 7 + d) % 5 == 0),
            ])
        } + [Quote(document: 3, candidates: [])]
        let points = SpeakerModelFitter.outOfFold(quotes, l2: 1)
        var expected: [(score: Double, right: Bool)] = []
        for fold in 0..<5 {
            let training = quotes.filter { $0.document % 5 != fold }.flatMap(\.candidates).map { (x: $0.features, y: $0.right) }
            let model = SpeakerModel(weights: LogisticRegression.fit(training, l2: 1))
            for quote in quotes where quote.document % 5 == fold && !quote.candidates.isEmpty {
                let scores = quote.candidates.map { model.score($0.features) }
                let best = scores.firstIndex(of: scores.max()!)!
                expected.append((scores[best], quote.candidates[best].right))
            }
        }
        #expect(points.count == 40)
        #expect(points.map(\.score) == expected.map(\.score))
        #expect(points.map(\.right) == expected.map(\.right))
        // In-sample scores differ: the point of folding.
        let inSample = SpeakerModel(weights: LogisticRegression.fit(quotes.flatMap(\.candidates).map { (x: $0.features, y: $0.right) }, l2: 1))
        #expect(points.map(\.score) != quotes.filter { !$0.candidates.isEmpty }.map { $0.candidates.map { inSample.score($0.features) }.max()! })
    }

    @Test("the dev split: labelled candidates, and the same weights file twice, byte for byte")
    func deterministic() throws {
        let dev = try GoldCorpus.load(directory: Support.corpus.path).split(.dev)
        let first = try SpeakerModelFitter().fit(dev)
        let second = try SpeakerModelFitter().fit(dev.reversed())
        #expect(first.model.serialized(header: first.summary) == second.model.serialized(header: second.summary))
        #expect(first.documents == dev.count)
        #expect(first.quotes > 100 && first.candidates >= first.quotes && first.rightCandidates > first.quotes / 2)
        #expect(first.plattPoints == first.quotes)
        #expect(first.model.plattA > 0)   // a higher score is more often right
        // Every candidate is labelled by the evaluator's speaker comparison.
        let labelled = try SpeakerModelFitter().label(dev)
        #expect(labelled.flatMap(\.candidates).count == first.candidates)
        #expect(labelled.map(\.document) == labelled.map(\.document).sorted() && labelled.last!.document < dev.count)
    }
}
