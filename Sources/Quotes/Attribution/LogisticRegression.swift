/// L2-regularised logistic regression fitted by Newton's method: no
/// randomness, no learning rate, the same weights for the same samples on
/// every machine.
///
/// ```swift
/// let w = LogisticRegression.fit([([1, 0], true), ([1, 1], false)], l2: 0.01)
/// ```
public enum LogisticRegression {
    /// Weights minimising the log-loss plus `l2`/2 · |w|² (the first weight, the bias, is not penalised).
    /// - Complexity: O(iterations · (n · d² + d³)).
    public static func fit(_ samples: [(x: [Double], y: Bool)], l2: Double = 1, iterations: Int = 50) -> [Double] {
        guard let d = samples.first?.x.count else { return [] }
        var w = [Double](repeating: 0, count: d)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for (x, y) in samples {
                var z = 0.0
                for i in 0..<d { z += w[i] * x[i] }
                let p = sigmoid(z)
                let r = p - (y ? 1 : 0)
                let s = max(p * (1 - p), 1e-9)
                for i in 0..<d where x[i] != 0 {
                    gradient[i] += r * x[i]
                    for j in 0..<d where x[j] != 0 { hessian[i][j] += s * x[i] * x[j] }
                }
            }
            for i in 1..<d {
                gradient[i] += l2 * w[i]
                hessian[i][i] += l2
            }
            // A feature no sample has keeps weight 0 (its row would be singular).
            for i in 0..<d where hessian[i][i] == 0 { hessian[i][i] = 1 }
            guard let step = solve(hessian, gradient) else { break }
            var size = 0.0
            for i in 0..<d {
                w[i] -= step[i]
                size = max(size, abs(step[i]))
            }
            if size < 1e-10 { break }
        }
        return w
    }

    /// Platt scaling: a and b of σ(a · score + b) fitted to (score, right) pairs.
    public static func platt(_ points: [(score: Double, right: Bool)]) -> (a: Double, b: Double) {
        let w = fit(points.map { ([1, $0.score], $0.right) }, l2: 1e-6)
        guard w.count == 2 else { return (1, 0) }
        return (w[1], w[0])
    }

    /// Solves A·x = b by Gaussian elimination with partial pivoting (nil when singular).
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var v = b
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(n, col + 1) where abs(m[row][col]) > abs(m[pivot][col]) { pivot = row }
            guard abs(m[pivot][col]) > 1e-12 else { return nil }
            if pivot != col { m.swapAt(pivot, col); v.swapAt(pivot, col) }
            for row in (col + 1)..<max(n, col + 1) {
                let f = m[row][col] / m[col][col]
                guard f != 0 else { continue }
                for k in col..<n { m[row][k] -= f * m[col][k] }
                v[row] -= f * v[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = v[row]
            for k in (row + 1)..<max(n, row + 1) { s -= m[row][k] * x[k] }
            x[row] = s / m[row][row]
        }
        return x
    }
}
