/// Fits the ``SpeakerModel`` on gold documents: `quotectl eval --split dev --fit FILE`.
///
/// The extractor runs as the ordered sieve (`.firstMatch`), so the
/// candidates and their features do not depend on a model already shipped.
/// Each candidate of a speech quote matched to gold (``SpanMatcher``) is
/// labelled right or wrong by the evaluator's speaker comparison; a logistic
/// regression (``LogisticRegression``, `l2` = 1) is fitted on all of them.
/// The Platt scaling that turns the winner's score into a confidence is
/// fitted on out-of-fold scores: documents are dealt into `folds` folds (the
/// document's index in id order, modulo `folds`); for each fold a model is
/// fitted on the other folds and scores the fold's quotes, whose best
/// candidate gives one (score, right) point.
///
/// ```swift
/// let fit = try SpeakerModelFitter().fit(corpus.split(.dev))
/// try fit.model.serialized(header: fit.summary).write(toFile: path, atomically: true, encoding: .utf8)
/// ```
/// Same gold, same weights, byte for byte: no randomness, documents in id order.
public final class SpeakerModelFitter {
    /// The candidates of one matched speech quote, labelled.
    public struct LabelledQuote: Sendable, Equatable {
        /// Index of the quote's document in id order (decides its fold).
        public var document: Int
        /// Feature vectors (``SpeakerFeatures/names`` order) and whether the candidate names the gold speaker,
        /// in the order the engine lists them.
        public var candidates: [Candidate]

        public struct Candidate: Sendable, Equatable {
            public var features: [Double]
            public var right: Bool
            public init(features: [Double], right: Bool) {
                self.features = features
                self.right = right
            }
        }

        public init(document: Int, candidates: [Candidate]) {
            self.document = document
            self.candidates = candidates
        }
    }

    /// A fitted model and what it was fitted on.
    public struct Fit: Sendable {
        public var model: SpeakerModel
        public var documents: Int
        /// Matched speech quotes with at least one candidate.
        public var quotes: Int
        public var candidates: Int
        /// Candidates that name the gold speaker.
        public var rightCandidates: Int
        /// Out-of-fold (score, right) points the Platt scaling was fitted on.
        public var plattPoints: Int

        /// One line for the weights file's header and the command's report.
        public var summary: String {
            "\(candidates) candidates (\(rightCandidates) right) of \(quotes) quotes in \(documents) documents; "
                + "Platt scaling on \(plattPoints) out-of-fold winners, \(SpeakerModelFitter.folds) folds"
        }
    }

    public static let folds = 5
    public static let l2 = 1.0

    let evaluator: Evaluator

    /// - Parameter extractor: must run the first-match engine (the default builds one).
    public init(extractor: QuoteExtractor? = nil, overlap: Double = 0.5) throws {
        evaluator = try Evaluator(extractor: try extractor ?? QuoteExtractor(mode: .firstMatch), overlap: overlap)
    }

    /// Fits on `entries` (the dev split), read in id order.
    public func fit(_ entries: [GoldCorpus.Entry]) throws -> Fit {
        let quotes = try label(entries)
        let candidates = quotes.flatMap(\.candidates)
        let (model, points) = Self.fit(quotes)
        return Fit(model: model, documents: entries.count, quotes: quotes.filter { !$0.candidates.isEmpty }.count,
                   candidates: candidates.count, rightCandidates: candidates.filter(\.right).count, plattPoints: points)
    }

    /// The labelled candidates of every matched speech quote of `entries`, documents in id order.
    public func label(_ entries: [GoldCorpus.Entry]) throws -> [LabelledQuote] {
        var labelled: [LabelledQuote] = []
        for (document, entry) in entries.sorted(by: { $0.gold.doc < $1.gold.doc }).enumerated() {
            let predicted = try evaluator.extractor.extract(id: entry.gold.doc, source: entry.source).quotes
            let gold = entry.gold.quotes
            let pairs = evaluator.matcher.match(gold: gold.map { $0.start..<$0.end },
                                                predictions: predicted.map { $0.range.lowerBound.value..<$0.range.upperBound.value })
            for (g, p) in pairs where gold[g].kind != .nonspeech {
                let candidates = predicted[p].attribution.candidates.map {
                    LabelledQuote.Candidate(features: $0.features, right: evaluator.sameSpeaker($0.speaker.name, gold[g].speaker))
                }
                labelled.append(LabelledQuote(document: document, candidates: candidates))
            }
        }
        return labelled
    }

    /// The model fitted on `quotes`, and how many out-of-fold points its Platt scaling had.
    /// Its numbers are rounded as the weights file keeps them (six decimals), so
    /// the model fitted is the model shipped.
    /// - Complexity: `folds + 1` Newton fits over the candidates.
    public static func fit(_ quotes: [LabelledQuote], folds: Int = folds, l2: Double = l2) -> (model: SpeakerModel, plattPoints: Int) {
        let weights = regression(quotes, l2: l2)
        let points = outOfFold(quotes, folds: folds, l2: l2)
        let platt = LogisticRegression.platt(points)
        func kept(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }
        return (SpeakerModel(weights: weights.map(kept), plattA: kept(platt.a), plattB: kept(platt.b)), points.count)
    }

    /// For each fold, a model fitted on the other folds scores the fold's quotes:
    /// each quote's best candidate (the first of equal scores, as the engine picks) gives (score, right).
    public static func outOfFold(_ quotes: [LabelledQuote], folds: Int = folds, l2: Double = l2) -> [(score: Double, right: Bool)] {
        var points: [(score: Double, right: Bool)] = []
        for fold in 0..<folds {
            let held = quotes.filter { $0.document % folds == fold && !$0.candidates.isEmpty }
            guard !held.isEmpty else { continue }
            let model = SpeakerModel(weights: regression(quotes.filter { $0.document % folds != fold }, l2: l2))
            for quote in held {
                var best: (score: Double, right: Bool)? = nil
                for candidate in quote.candidates {
                    let score = model.score(candidate.features)
                    if best == nil || score > best!.score { best = (score, candidate.right) }
                }
                points.append(best!)
            }
        }
        return points
    }

    /// Logistic regression over every candidate, one weight per feature (all zero with no candidate).
    static func regression(_ quotes: [LabelledQuote], l2: Double) -> [Double] {
        let samples = quotes.flatMap { $0.candidates.map { (x: $0.features, y: $0.right) } }
        let weights = LogisticRegression.fit(samples, l2: l2)
        return weights.count == SpeakerFeatures.names.count ? weights : [Double](repeating: 0, count: SpeakerFeatures.names.count)
    }
}
