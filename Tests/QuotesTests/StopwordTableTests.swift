import Testing
@testable import Quotes

/// Frequent words looked up by a token's scalars, matched as Swift strings match.
@Suite struct StopwordTableTests {
    static let table = StopwordTable(["the": [1], "après": [0], "n'": [0], "já": [2, 3], "мы": [4]])

    @Test(arguments: [
        ("the", [1]),
        ("après", [0]),
        // Canonically equivalent spellings are one word.
        ("apre\u{300}s", [0]),
        ("n'", [0]),
        ("ja\u{301}", [2, 3]),
        ("мы", [4]),
        ("th", []),
        ("thee", []),
        ("apres", []),
        ("", []),
    ] as [(String, [Int])])
    func columns(token: String, columns: [Int]) {
        let scalars = token.unicodeScalars.map(\.value)
        #expect(Array(Self.table.columns(of: scalars[...])) == columns)
        // Counting adds one to each of those columns, and nothing else.
        var counts = [Int](repeating: 0, count: 6)
        counts.withUnsafeMutableBufferPointer { counts in
            Self.table.count(scalars[...], into: counts)
            Self.table.count(scalars[...], into: counts)
        }
        #expect(counts == (0..<6).map { columns.contains($0) ? 2 : 0 })
    }
}
