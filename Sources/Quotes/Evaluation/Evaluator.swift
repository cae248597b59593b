/// Scores the engine against gold documents: span precision/recall/F1 per
/// kind, speaker accuracy, end-to-end F1, precision per rule, translation
/// facts, calibration (ECE, Brier, reliability bins), per-phenomenon speaker
/// accuracy, and the list of errors for people to read.
public final class Evaluator {
    let extractor: QuoteExtractor
    let folding: Folding
    public var matcher: SpanMatcher

    public init(extractor: QuoteExtractor, overlap: Double = 0.5) throws {
        self.extractor = extractor
        folding = Folding()
        matcher = SpanMatcher(overlap: overlap)
    }

    /// One document's predictions, for callers that evaluate other engines' output.
    public struct Prediction: Sendable {
        public var start: Int, end: Int, text: String
        public var kind: QuoteKind
        public var speaker: String?
        public var rule: String?
        public var confidence: Double?
        public var translation: TranslationNote?

        public init(start: Int, end: Int, text: String, kind: QuoteKind, speaker: String? = nil, rule: String? = nil,
                    confidence: Double? = nil, translation: TranslationNote? = nil) {
            self.start = start
            self.end = end
            self.text = text
            self.kind = kind
            self.speaker = speaker
            self.rule = rule
            self.confidence = confidence
            self.translation = translation
        }
    }

    public func predictions(for entry: GoldCorpus.Entry) throws -> [Prediction] {
        try extractor.extract(id: entry.gold.doc, source: entry.source).quotes.map {
            Prediction(start: $0.range.lowerBound.value, end: $0.range.upperBound.value, text: $0.text, kind: $0.span.kind,
                       speaker: $0.attribution.speaker?.name, rule: $0.attribution.rule?.rawValue,
                       confidence: $0.attribution.confidence?.value, translation: $0.translation)
        }
    }

    /// Speakers compare folded, without quotation marks, punctuation, a leading article or an honorific.
    public func sameSpeaker(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return speakerKey(a) == speakerKey(b)
    }

    func speakerKey(_ name: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in folding.key(name).unicodeScalars {
            let keep = CharacterClass.isLetter(scalar) || CharacterClass.isDigit(scalar) || scalar == "'"
            cleaned.append(keep ? scalar : " ")
        }
        var words: [String] = String(cleaned).split(separator: " ").map { String($0) }
        if let first = words.first, first.hasPrefix("l'") { words[0] = String(first.dropFirst(2)) }
        while let first = words.first, ["le", "la", "les", "un", "une", "des", "m", "mme", "mlle", "dr", "me", "mgr", "pr"].contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    public func evaluate(_ entries: [GoldCorpus.Entry], split: String) throws -> EvaluationReport {
        score(try entries.map { (gold: $0.gold, predictions: try predictions(for: $0)) }, split: split,
              engine: extractor.engineMode.rawValue)
    }

    /// The confidence thresholds of the coverage–precision table.
    public static let coverageThresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]

    /// Scores given predictions, so that another engine's output, or a
    /// hand-built set in a test, is scored by the same rules.
    public func score(_ documents: [(gold: GoldDocument, predictions: [Prediction])], split: String, engine: String? = nil) -> EvaluationReport {
        var spanTP = 0, spanFP = 0, spanFN = 0
        var kindCounts: [QuoteKind: (tp: Int, fp: Int, fn: Int)] = [:]
        var speakerRight = 0, speakerTotal = 0
        var e2eTP = 0
        var rules: [String: (Int, Int)] = [:]
        var ruleCounts: [String: Int] = [:]
        var translationRight = 0, translationTotal = 0
        var calibrationPoints: [(Double, Bool)] = []
        var attributed: [(confidence: Double?, right: Bool)] = []   // matched speech quotes with a speaker
        var phenomena: [String: (gold: Int, found: Int, right: Int)] = [:]
        var errors: [EvaluationReport.ErrorItem] = []
        var goldCount = 0, predictedCount = 0

        for (document, predicted) in documents {
            let gold = document.quotes
            goldCount += gold.count
            predictedCount += predicted.count
            for rule in predicted.compactMap(\.rule) {
                ruleCounts[rule, default: 0] += 1
                if rules[rule] == nil { rules[rule] = (0, 0) }
            }
            let pairs = matcher.match(gold: gold.map { $0.start..<$0.end }, predictions: predicted.map { $0.start..<$0.end })
            let matchedGold = Set(pairs.map(\.gold)), matchedPrediction = Set(pairs.map(\.prediction))
            spanTP += pairs.count
            spanFP += predicted.count - pairs.count
            spanFN += gold.count - pairs.count
            for kind in QuoteKind.allCases {
                let tp = pairs.filter { gold[$0.gold].kind == kind && predicted[$0.prediction].kind == kind }.count
                var counts = kindCounts[kind] ?? (0, 0, 0)
                counts.tp += tp
                counts.fp += predicted.filter { $0.kind == kind }.count - tp
                counts.fn += gold.filter { $0.kind == kind }.count - tp
                kindCounts[kind] = counts
            }
            for (g, quote) in gold.enumerated() {
                for tag in quote.phenomena { phenomena[tag, default: (0, 0, 0)].gold += 1 }
                if !matchedGold.contains(g) {
                    errors.append(.init(kind: .missed, doc: document.doc, start: quote.start, end: quote.end, text: quote.text,
                                        expected: quote.speaker, found: nil, rule: nil))
                }
            }
            for (p, prediction) in predicted.enumerated() where !matchedPrediction.contains(p) {
                errors.append(.init(kind: .spurious, doc: document.doc, start: prediction.start, end: prediction.end, text: prediction.text,
                                    expected: nil, found: prediction.speaker, rule: prediction.rule))
            }
            for (g, p) in pairs {
                let quote = gold[g], prediction = predicted[p]
                if quote.kind != prediction.kind {
                    errors.append(.init(kind: .wrongKind, doc: document.doc, start: quote.start, end: quote.end, text: quote.text,
                                        expected: quote.kind.rawValue, found: prediction.kind.rawValue, rule: prediction.rule))
                }
                for tag in quote.phenomena { phenomena[tag, default: (0, 0, 0)].found += 1 }
                if quote.kind == .nonspeech {
                    if prediction.speaker == nil { e2eTP += 1 }
                } else {
                    let right = sameSpeaker(quote.speaker, prediction.speaker)
                    speakerTotal += 1
                    if right { speakerRight += 1; e2eTP += 1 }
                    for tag in quote.phenomena where right { phenomena[tag, default: (0, 0, 0)].right += 1 }
                    if let rule = prediction.rule {
                        var counts = rules[rule] ?? (0, 0)
                        counts.1 += 1
                        if right { counts.0 += 1 }
                        rules[rule] = counts
                    }
                    if let confidence = prediction.confidence, prediction.speaker != nil { calibrationPoints.append((confidence, right)) }
                    if prediction.speaker != nil { attributed.append((prediction.confidence, right)) }
                    if !right {
                        errors.append(.init(kind: .wrongSpeaker, doc: document.doc, start: quote.start, end: quote.end, text: quote.text,
                                            expected: quote.speaker, found: prediction.speaker, rule: prediction.rule))
                    }
                }
                if let expected = quote.translation {
                    translationTotal += 1
                    if let note = prediction.translation, note.via == expected.via, note.quotedIn == expected.quoted_in,
                       expected.original == nil || note.original == expected.original {
                        translationRight += 1
                    }
                } else if let note = prediction.translation, !note.via.isEmpty {
                    translationTotal += 1   // a relay the text does not state
                }
            }
        }
        return EvaluationReport(
            split: split, engine: engine, overlap: matcher.overlap, documents: documents.count, goldQuotes: goldCount, predictedQuotes: predictedCount,
            spans: .init(truePositives: spanTP, falsePositives: spanFP, falseNegatives: spanFN),
            spansByKind: Dictionary(uniqueKeysWithValues: kindCounts.map { ($0.key.rawValue, .init(truePositives: $0.value.tp, falsePositives: $0.value.fp, falseNegatives: $0.value.fn)) }),
            speakerAccuracy: .init(correct: speakerRight, total: speakerTotal),
            endToEnd: .init(truePositives: e2eTP, falsePositives: predictedCount - e2eTP, falseNegatives: goldCount - e2eTP),
            rules: rules.sorted { $0.key < $1.key }.map {
                .init(rule: $0.key, predicted: ruleCounts[$0.key] ?? 0, precision: .init(correct: $0.value.0, total: $0.value.1))
            },
            translation: .init(correct: translationRight, total: translationTotal),
            calibration: Self.calibration(calibrationPoints),
            coverage: Self.coverage(attributed, total: speakerTotal),
            nullSpeaker: .init(count: speakerTotal - attributed.count, total: speakerTotal),
            phenomena: phenomena.sorted { $0.key < $1.key }.map { .init(tag: $0.key, gold: $0.value.gold, found: $0.value.found, speakerRight: $0.value.right) },
            errors: errors)
    }

    /// For each threshold, the attributed quotes whose confidence reaches it (as
    /// printed; no confidence never does) out of `total` matched speech quotes,
    /// and how many of them have the right speaker.
    public static func coverage(_ attributed: [(confidence: Double?, right: Bool)], total: Int,
                                thresholds: [Double] = coverageThresholds) -> [EvaluationReport.CoverageRow] {
        thresholds.map { threshold in
            let kept = attributed.filter { $0.confidence.map { ConfidenceFilter.reaches($0, threshold) } ?? false }
            return .init(threshold: threshold, kept: kept.count, total: total,
                         precision: .init(correct: kept.filter(\.right).count, total: kept.count))
        }
    }

    /// ECE over 10 equal-width bins, Brier score, and the reliability table.
    public static func calibration(_ points: [(confidence: Double, correct: Bool)]) -> EvaluationReport.Calibration {
        var bins: [EvaluationReport.Bin] = []
        var ece = 0.0
        var brier = 0.0
        for (confidence, correct) in points { brier += (confidence - (correct ? 1 : 0)) * (confidence - (correct ? 1 : 0)) }
        for b in 0..<10 {
            let lower = Double(b) / 10, upper = Double(b + 1) / 10
            let inBin = points.filter { $0.confidence >= lower && ($0.confidence < upper || (b == 9 && $0.confidence <= 1)) }
            guard !inBin.isEmpty else { continue }
            let mean = inBin.map(\.confidence).reduce(0, +) / Double(inBin.count)
            let accuracy = Double(inBin.filter(\.correct).count) / Double(inBin.count)
            ece += Double(inBin.count) / Double(points.count) * abs(mean - accuracy)
            bins.append(.init(lower: lower, upper: upper, count: inBin.count, meanConfidence: mean, accuracy: accuracy))
        }
        return .init(expectedCalibrationError: ece, brierScore: points.isEmpty ? 0 : brier / Double(points.count), count: points.count, bins: bins)
    }

    /// Per-rule counts on `entries`, as the calibration table wants them.
    public func calibrationTable(_ report: EvaluationReport) -> Calibration {
        Calibration(entries: Dictionary(uniqueKeysWithValues: report.rules.filter { $0.precision.total > 0 }.map {
            (RuleID(rawValue: $0.rule), Calibration.Entry(correct: $0.precision.correct, total: $0.precision.total))
        }))
    }
}
