import Testing
@testable import Quotes

/// The scanner's stack of open marks: the innermost mark a scalar closes,
/// found through per-style positions rather than a walk down the stack.
@Suite struct OpenMarksTests {
    static func stack(_ styles: [MarkStyle]) -> OpenMarks {
        var stack = OpenMarks()
        for (i, style) in styles.enumerated() { stack.append(QuoteScanner.Open(style: style, mark: i, contentStart: i + 1)) }
        return stack
    }

    @Test("the innermost mark a scalar can close", arguments: [
        ([MarkStyle.guillemets, .curly, .guillemets], "»", 2),
        ([.guillemets, .curly, .guillemets], "”", 1),
        ([.low, .guillemets], "“", 0),                  // “ closes „
        ([.low, .curly], "”", 1),                       // ” closes either: the innermost
        ([.guillemets, .guillemets], "›", nil),
        ([.straight, .single, .guillemets], "\"", 0),
        ([.single, .guillemets], "'", 0),
    ] as [([MarkStyle], Unicode.Scalar, Int?)])
    func closable(styles: [MarkStyle], scalar: Unicode.Scalar, expected: Int?) {
        #expect(Self.stack(styles).lastIndex(closableBy: scalar) == expected)
    }

    @Test("removing from an index forgets the styles above it")
    func remove() {
        var stack = Self.stack([.guillemets, .straight, .curly, .straight])
        #expect(stack.contains(.straight))
        stack.remove(from: 1)
        #expect(stack.count == 1)
        #expect(!stack.contains(.straight))
        #expect(stack.lastIndex(closableBy: "”") == nil)
        #expect(stack.lastIndex(closableBy: "»") == 0)
        stack.append(QuoteScanner.Open(style: .curly, mark: 9, contentStart: 10))
        #expect(stack.lastIndex(closableBy: "”") == 1)
        stack.removeAll()
        #expect(stack.isEmpty)
        #expect(stack.lastIndex(closableBy: "»") == nil)
    }

    // Each ” walked the whole stack of « before (100 000 of each took minutes); the benchmark shows the time.
    @Test("20 000 « then 20 000 ”: mismatched pairs, one quote holding them all")
    func manyMarks() throws {
        let text = String(repeating: "«a ", count: 20_000) + String(repeating: "” ", count: 20_000)
        let quotes = try Support.quotes(text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.span.flags == [.containsNested, .mismatchedMarks])
        #expect(quotes.first?.range.lowerBound.value == 1)
    }
}
