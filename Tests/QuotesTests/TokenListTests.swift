import Testing
@testable import Quotes

/// Tokens are stored five bytes each (a start and a byte of kind and
/// capitalisation): every token must read back as it was appended.
@Suite struct TokenListTests {
    @Test("every kind, capitalised or not, reads back", arguments: TokenKind.allCases)
    func kinds(kind: TokenKind) {
        #expect(unsafeBitCast(kind, to: UInt8.self) == kind.rawValue)
        var list = TokenList()
        list.append(0..<3, kind: kind, isCapitalized: false)
        list.append(3..<4, kind: kind, isCapitalized: true)
        #expect(list[0] == Token(start: 0, end: 3, kind: kind, isCapitalized: false))
        #expect(list[1] == Token(start: 3, end: 4, kind: kind, isCapitalized: true))
        #expect(list.kind(0) == kind && list.kind(1) == kind)
    }

    @Test("the token containing a position, as a linear search finds it", arguments: [
        "", "Un.", "M. Lavrov a dit : « Non », puis   il est parti.\n\nL’Otan, elle, se tait…",
    ])
    func containing(text: String) throws {
        let document = try TextAnalyzer(abbreviations: ["M"]).analyze(id: "t", source: SourceText(text))
        let tokens = document.tokens
        var position = 0
        for t in tokens.indices {
            #expect(tokens[t].start == position, "tokens follow one another")
            position = tokens[t].end
        }
        #expect(position == document.text.count)
        for p in 0...(document.text.count + 1) {
            let linear = tokens.firstIndex { $0.end > p } ?? tokens.count
            #expect(document.tokenIndex(at: p) == linear, "position \(p)")
        }
    }
}
