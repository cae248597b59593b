import Testing
@testable import Quotes

/// The content index of a token is kept as a bit per token and a count
/// every 64 tokens, built from the tokens' kinds: it must read as the count
/// of content tokens before each token, the way an array of counts kept one
/// by one would.
@Suite struct ContentIndexTests {
    /// Which tokens are content tokens: empty, one, whole and split 64-token
    /// words, alternating, irregular, and content around the word edges.
    static let patterns: [[Bool]] = [
        [],
        [true],
        [false],
        Array(repeating: true, count: 64),
        Array(repeating: false, count: 65),
        (0..<200).map { $0 % 2 == 0 },
        (0..<1000).map { ($0 * 7919) % 13 < 5 },
        (0..<130).map { $0 == 63 || $0 == 64 || $0 == 127 || $0 == 128 },
    ]

    @Test("rank of every token equals a linear count", arguments: patterns)
    func rank(isContent: [Bool]) {
        var tokens = TokenList()
        var counts: [Int32] = []
        var before: Int32 = 0
        for (t, c) in isContent.enumerated() {
            tokens.append(t..<(t + 1), kind: c ? .word : .space, isCapitalized: false)
            counts.append(before)
            if c { before += 1 }
        }
        // Built with the content tokens in the same pass: the index, and the tokens a filter keeps.
        let built = ContentIndex.build(tokens, contentCount: isContent.count(where: { $0 }))
        let index = built.index
        #expect(index.count == isContent.count)
        #expect(Array(index) == counts)
        #expect(built.content == isContent.indices.filter { isContent[$0] }.map { Int32($0) })
        // Past the last token, within its 64-token word, the answer is the
        // number of content tokens (as for a trailing space).
        if !isContent.isEmpty {
            let wordEnd = (isContent.count + 63) / 64 * 64
            for t in isContent.count..<wordEnd {
                #expect(index[t] == before, "token \(t)")
            }
        }
    }

    @Test("the document's content index agrees with its content tokens", arguments: [
        "", "Un.", "« Non », a dit M. Lavrov.  \n\nPuis rien…   ",
    ])
    func document(text: String) throws {
        let document = try TextAnalyzer(abbreviations: ["M"]).analyze(id: "t", source: SourceText(text))
        for t in document.tokens.indices {
            let c = Int(document.contentIndex[t])
            let expected = document.content.firstIndex { $0 >= t } ?? document.content.count
            #expect(c == expected, "token \(t)")
        }
    }
}
