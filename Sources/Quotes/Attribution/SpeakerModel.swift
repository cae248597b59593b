import Foundation

/// The speaker model: a logistic regression over ``SpeakerFeatures``, whose
/// score ranks the candidates of a quote, and a Platt scaling that turns
/// the winner's score into a confidence.
///
/// ```text
/// feature	weight
/// bias	-1.2
/// rule:incise-pronoun	0.8
/// platt:a	1.1
/// platt:b	-0.2
/// ```
/// The weights are fitted on the dev split by `quotectl eval --fit FILE`
/// (``SpeakerModelFitter``); the shipped file is `Resources/model/speaker-model.tsv`.
public struct SpeakerModel: Sendable, Equatable {
    /// One weight per ``SpeakerFeatures/names`` entry.
    public var weights: [Double]
    /// Platt scaling of the winner's score: confidence = σ(a · score + b).
    public var plattA: Double
    public var plattB: Double

    public init(weights: [Double], plattA: Double = 1, plattB: Double = 0) {
        precondition(weights.count == SpeakerFeatures.names.count, "one weight per feature")
        self.weights = weights
        self.plattA = plattA
        self.plattB = plattB
    }

    /// The linear score w·x of a feature vector.
    public func score(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { score($0) }
    }

    /// The linear score w·x of a feature vector held in place (the same sum, term by term).
    public func score(_ x: UnsafeBufferPointer<Double>) -> Double {
        var s = 0.0
        for i in 0..<min(x.count, weights.count) { s += weights[i] * x[i] }
        return s
    }

    /// The calibrated probability that a candidate with score `s` is right when chosen.
    public func confidence(score s: Double) -> Confidence { Confidence(sigmoid(plattA * s + plattB)) }

    /// The model shipped with the library, or nil when none is shipped.
    public static func bundled() throws -> SpeakerModel? {
        guard let url = Bundle.module.url(forResource: "model/speaker-model", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return try parse(text, file: "speaker-model.tsv")
    }

    /// Parses `feature<TAB>weight` lines; `platt:a` and `platt:b` give the scaling.
    /// Every feature must be known; a feature left out weighs 0.
    public static func parse(_ text: String, file: String) throws(LexiconError) -> SpeakerModel {
        var weights = [Double](repeating: 0, count: SpeakerFeatures.names.count)
        var a = 1.0, b = 0.0
        for row in try LexiconTable.rows(text, file: file, columns: 2) {
            guard let value = Double(row.fields[1]), value.isFinite else { throw row.error("expected a number", field: 1) }
            switch row.fields[0] {
            case "platt:a": a = value
            case "platt:b": b = value
            case let name:
                guard let i = SpeakerFeatures.index[name] else { throw row.error("unknown feature \"\(name)\"", field: 0) }
                weights[i] = value
            }
        }
        return SpeakerModel(weights: weights, plattA: a, plattB: b)
    }

    /// The model as written to disk, features in their fixed order.
    public func serialized(header: String = "") -> String {
        var out = "# feature\tweight — fitted by `quotectl eval --fit` on the dev split\(header.isEmpty ? "" : "; " + header)\n"
        for (name, weight) in zip(SpeakerFeatures.names, weights) { out += "\(name)\t\(Self.format(weight))\n" }
        out += "platt:a\t\(Self.format(plattA))\nplatt:b\t\(Self.format(plattB))\n"
        return out
    }

    /// Six decimals, the same on every machine.
    static func format(_ x: Double) -> String {
        let rounded = (x * 1_000_000).rounded() / 1_000_000
        return String(format: "%.6f", rounded == 0 ? 0 : rounded)
    }
}

func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }
