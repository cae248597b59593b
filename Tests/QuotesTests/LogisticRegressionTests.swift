import Foundation
import Testing
@testable import Quotes

/// The Newton fit and Platt scaling on small tables whose optimum is known.
@Suite struct LogisticRegressionTests {
    /// `negatives`/`positives` samples of (bias, x) for x = 0 and x = 1.
    static func samples(_ counts: (neg0: Int, pos0: Int, neg1: Int, pos1: Int)) -> [(x: [Double], y: Bool)] {
        Array(repeating: ([1, 0], false), count: counts.neg0) + Array(repeating: ([1, 0], true), count: counts.pos0)
            + Array(repeating: ([1, 1], false), count: counts.neg1) + Array(repeating: ([1, 1], true), count: counts.pos1)
    }

    /// The gradient of the penalised log-loss (zero at the optimum; the bias is not penalised).
    static func gradient(_ samples: [(x: [Double], y: Bool)], _ w: [Double], l2: Double) -> [Double] {
        var g = [Double](repeating: 0, count: w.count)
        for (x, y) in samples {
            let p = sigmoid(zip(w, x).map { $0 * $1 }.reduce(0, +))
            for i in w.indices { g[i] += (p - (y ? 1 : 0)) * x[i] }
        }
        for i in w.indices.dropFirst() { g[i] += l2 * w[i] }
        return g
    }

    @Test("one binary feature and a bias, tiny L2: the fitted probabilities are the empirical rates", arguments: [
        (3, 1, 1, 3), (5, 5, 1, 9), (2, 8, 6, 4), (10, 1, 1, 10), (7, 3, 7, 3),
    ])
    func empiricalRates(neg0: Int, pos0: Int, neg1: Int, pos1: Int) {
        let w = LogisticRegression.fit(Self.samples((neg0, pos0, neg1, pos1)), l2: 1e-9)
        #expect(w.count == 2)
        #expect(abs(sigmoid(w[0]) - Double(pos0) / Double(neg0 + pos0)) < 1e-6)
        #expect(abs(sigmoid(w[0] + w[1]) - Double(pos1) / Double(neg1 + pos1)) < 1e-6)
    }

    @Test("with L2 the fit is the penalised optimum: gradient zero, the feature's weight shrunk", arguments: [0.1, 1.0, 10.0])
    func penalised(l2: Double) {
        let samples = Self.samples((6, 2, 2, 6))
        let w = LogisticRegression.fit(samples, l2: l2)
        for g in Self.gradient(samples, w, l2: l2) { #expect(abs(g) < 1e-8) }
        let free = LogisticRegression.fit(samples, l2: 1e-9)
        #expect(w[1] > 0 && w[1] < free[1])
    }

    @Test("a feature no sample has keeps weight 0; no sample, no weights")
    func unusedFeature() {
        let samples = Self.samples((3, 1, 1, 3)).map { (x: $0.x + [0], y: $0.y) }
        let w = LogisticRegression.fit(samples, l2: 1)
        #expect(w.count == 3 && w[2] == 0)
        for g in Self.gradient(samples, w, l2: 1) { #expect(abs(g) < 1e-8) }
        #expect(LogisticRegression.fit([], l2: 1).isEmpty)
    }

    @Test("Platt scaling on two scores: σ(a·s + b) is the rate of right answers at each score", arguments: [
        (1, 3, 2, 8), (4, 4, 1, 19), (9, 1, 5, 5),
    ])
    func plattTwoScores(wrong0: Int, right0: Int, wrong1: Int, right1: Int) {
        let points = Array(repeating: (score: 0.0, right: false), count: wrong0) + Array(repeating: (score: 0.0, right: true), count: right0)
            + Array(repeating: (score: 1.0, right: false), count: wrong1) + Array(repeating: (score: 1.0, right: true), count: right1)
        let (a, b) = LogisticRegression.platt(points)
        #expect(abs(sigmoid(b) - Double(right0) / Double(wrong0 + right0)) < 1e-4)
        #expect(abs(sigmoid(a + b) - Double(right1) / Double(wrong1 + right1)) < 1e-4)
    }

    @Test("Platt scaling on nearly separable scores: increasing, confident at the ends, at its optimum")
    func plattSeparable() {
        let scores: [Double] = [-3, -2.5, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 2.5, 3]
        // Right when the score is positive, but for one flip on each side of 0.
        let points = scores.map { (score: $0, right: $0 == -0.5 ? true : $0 == 0.5 ? false : $0 > 0) }
        let (a, b) = LogisticRegression.platt(points)
        #expect(a > 0)
        #expect(sigmoid(3 * a + b) > 0.9 && sigmoid(-3 * a + b) < 0.1)
        let g = Self.gradient(points.map { (x: [1, $0.score], y: $0.right) }, [b, a], l2: 1e-6)
        for component in g { #expect(abs(component) < 1e-8) }
    }

    @Test("Gaussian elimination with partial pivoting", arguments: [
        ([[2.0, 1], [1, 3]], [3.0, 5], [0.8, 1.4] as [Double]?),
        ([[0.0, 1], [1, 0]], [2.0, 3], [3.0, 2]),
        ([[1.0, 2, 3], [0, 1, 4], [5, 6, 0]], [14.0, 14, 17], [1.0, 2, 3]),
        ([[1.0, 2], [2, 4]], [1.0, 2], nil),
    ])
    func solve(matrix: [[Double]], rhs: [Double], expected: [Double]?) {
        let x = LogisticRegression.solve(matrix, rhs)
        #expect((x == nil) == (expected == nil))
        if let x, let expected { for (a, b) in zip(x, expected) { #expect(abs(a - b) < 1e-12) } }
    }
}
