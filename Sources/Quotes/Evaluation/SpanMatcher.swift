/// Pairs predicted quotes with gold quotes.
///
/// A prediction matches a gold quote when it covers at least `overlap` of
/// the gold span (default 0.5) and more than half of the prediction lies
/// within the gold span. Pairs are one-to-one, taken greedily by overlap,
/// largest first; on equal overlap the tighter fit (smaller union) first, so
/// a mixed quote found exactly pairs with its gold mixed quote rather than
/// with the indirect clause around it; then earlier gold first.
public struct SpanMatcher: Sendable {
    public var overlap: Double

    public init(overlap: Double = 0.5) { self.overlap = overlap }

    /// Scalar overlap of two ranges.
    public static func shared(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound))
    }

    /// Whether prediction `p` may match gold `g`.
    public func accepts(prediction p: Range<Int>, gold g: Range<Int>) -> Bool {
        let common = Self.shared(p, g)
        guard common > 0 else { return false }
        // A small tolerance so that 55 of 100 scalars pass overlap 0.55 (0.55 × 100 is 55.00000000000001 in binary).
        return Double(common) + 1e-9 >= overlap * Double(max(g.count, 1)) && 2 * common > p.count
    }

    /// Index pairs (gold, prediction).
    public func match(gold: [Range<Int>], predictions: [Range<Int>]) -> [(gold: Int, prediction: Int)] {
        var candidates: [(shared: Int, union: Int, gold: Int, prediction: Int)] = []
        for (g, goldRange) in gold.enumerated() {
            for (p, predicted) in predictions.enumerated() where accepts(prediction: predicted, gold: goldRange) {
                let common = Self.shared(predicted, goldRange)
                candidates.append((common, goldRange.count + predicted.count - common, g, p))
            }
        }
        candidates.sort { ($1.shared, $0.union, $0.gold, $0.prediction) < ($0.shared, $1.union, $1.gold, $1.prediction) }
        var usedGold = Set<Int>(), usedPrediction = Set<Int>()
        var pairs: [(Int, Int)] = []
        for candidate in candidates where !usedGold.contains(candidate.gold) && !usedPrediction.contains(candidate.prediction) {
            usedGold.insert(candidate.gold)
            usedPrediction.insert(candidate.prediction)
            pairs.append((candidate.gold, candidate.prediction))
        }
        return pairs.sorted { $0.0 < $1.0 }
    }
}
