/// What `quotectl eval` reports, computed by ``Evaluator`` and printed by
/// the CLI (as a table, or as this value in JSON).
public struct EvaluationReport: Sendable, Codable, Equatable {
    public struct Scores: Sendable, Codable, Equatable {
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int
        public var precision: Double
        public var recall: Double
        public var f1: Double

        public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
            precision = truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
            recall = truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
            f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    public struct Ratio: Sendable, Codable, Equatable {
        public var correct: Int
        public var total: Int
        public var value: Double
        public init(correct: Int, total: Int) {
            self.correct = correct
            self.total = total
            value = total == 0 ? 0 : Double(correct) / Double(total)
        }
    }

    /// A rule's predictions: how many carry it (spurious ones included), and
    /// speaker right among those matched to speech quotes.
    public struct RuleScore: Sendable, Codable, Equatable {
        public var rule: String
        public var predicted: Int
        public var precision: Ratio
    }

    public struct Bin: Sendable, Codable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanConfidence: Double
        public var accuracy: Double
    }

    public struct Calibration: Sendable, Codable, Equatable {
        /// Expected calibration error over 10 equal-width bins.
        public var expectedCalibrationError: Double
        public var brierScore: Double
        public var count: Int
        public var bins: [Bin]
    }

    /// How many attributions a confidence threshold keeps, and how right they are.
    public struct CoverageRow: Sendable, Codable, Equatable {
        public var threshold: Double
        /// Matched speech quotes whose speaker has a confidence ≥ `threshold` (compared as printed).
        public var kept: Int
        /// Matched speech quotes (gold `nonspeech` excluded), with a speaker or not.
        public var total: Int
        /// kept / total.
        public var share: Double
        /// Speaker right among the kept quotes.
        public var precision: Ratio

        public init(threshold: Double, kept: Int, total: Int, precision: Ratio) {
            self.threshold = threshold
            self.kept = kept
            self.total = total
            share = total == 0 ? 0 : Double(kept) / Double(total)
            self.precision = precision
        }
    }

    /// A count out of a total.
    public struct Share: Sendable, Codable, Equatable {
        public var count: Int
        public var total: Int
        public var value: Double
        public init(count: Int, total: Int) {
            self.count = count
            self.total = total
            value = total == 0 ? 0 : Double(count) / Double(total)
        }
    }

    public struct PhenomenonScore: Sendable, Codable, Equatable {
        public var tag: String
        public var gold: Int
        public var found: Int
        public var speakerRight: Int
    }

    public enum ErrorKind: String, Sendable, Codable { case missed, spurious, wrongSpeaker = "wrong-speaker", wrongKind = "wrong-kind" }

    public struct ErrorItem: Sendable, Codable, Equatable {
        public var kind: ErrorKind
        public var doc: String
        public var start: Int
        public var end: Int
        public var text: String
        public var expected: String?
        public var found: String?
        public var rule: String?
    }

    public var split: String
    /// The engine that made the predictions (`scored` or `first-match`), or nil for predictions from elsewhere.
    public var engine: String?
    public var overlap: Double
    public var documents: Int
    public var goldQuotes: Int
    public var predictedQuotes: Int
    /// Span scores whatever the kind.
    public var spans: Scores
    /// Span scores per kind (the kind must match too).
    public var spansByKind: [String: Scores]
    /// Speaker right on matched quotes (gold `nonspeech` excluded).
    public var speakerAccuracy: Ratio
    /// Span matched and speaker right (a `nonspeech` gold needs no speaker).
    public var endToEnd: Scores
    public var rules: [RuleScore]
    /// Translation facts on matched quotes whose gold states them; a `via`
    /// the gold does not state counts as wrong.
    public var translation: Ratio
    public var calibration: Calibration
    /// At each of ``Evaluator/coverageThresholds``: the share of matched speech quotes kept and the precision of their speakers.
    public var coverage: [CoverageRow]
    /// Matched speech quotes whose prediction has no speaker.
    public var nullSpeaker: Share
    public var phenomena: [PhenomenonScore]
    public var errors: [ErrorItem]
}
