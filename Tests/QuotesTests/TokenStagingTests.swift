import Testing
@testable import Quotes

/// A token table takes its tokens a batch at a time (``TokenStaging``);
/// the tokens and keys it ends with are those appended one by one to a
/// ``TokenList`` and numbered by a ``Vocabulary`` of their own, across
/// batch boundaries and for a batch that ends exactly on one.
@Suite struct TokenStagingTests {
    /// Tokens of a text cut at every change between letters, spaces and other scalars.
    static func pieces(_ scalars: [Unicode.Scalar]) -> [(Range<Int>, TokenKind)] {
        func kind(_ s: Unicode.Scalar) -> TokenKind {
            CharacterClass.isSpace(s) ? .space : CharacterClass.isLetter(s) ? .word
                : CharacterClass.isDigit(s) ? .number : CharacterClass.isQuoteMark(s) ? .quoteMark : .punctuation
        }
        var out: [(Range<Int>, TokenKind)] = []
        var i = 0
        while i < scalars.count {
            let k = kind(scalars[i])
            var j = i + 1
            while j < scalars.count, kind(scalars[j]) == k, k == .word || k == .space || k == .number { j += 1 }
            out.append((i..<j, k))
            i = j
        }
        return out
    }

    @Test("tokens and keys through batches are those appended one by one", arguments: [
        "", "Oui.", "«Nous verrons», a dit la ministre, le 3 mars.",
        // 1 024 tokens exactly (a batch that ends on the text's end), then more than three batches.
        String(repeating: "mot ", count: 512),
        String(repeating: "Le Conseil a voté, « sans délai », 2 fois. ", count: 300),
    ])
    func batches(text: String) {
        let scalars = Array(text.unicodeScalars)
        let pieces = Self.pieces(scalars)
        let staging = TokenStaging()
        var table = TokenTable(scalars: scalars.count, staging: staging)
        var plain = TokenList()
        var vocabulary = Vocabulary(tables: [])
        var numbers: [Int32] = []
        scalars.withUnsafeBufferPointer { s in
            for (range, kind) in pieces {
                table.append(range, kind, s)
                plain.append(range, kind: kind, isCapitalized: kind == .word && CharacterClass.isUppercase(s[range.lowerBound]))
                if kind != .space { numbers.append(vocabulary.number(s, range)) }
            }
        }
        table.finish()
        #expect(table.tokens.count == pieces.count)
        #expect(Array(table.tokens) == Array(plain))
        #expect(Array(table.contentKeys) == Array(vocabulary.keys(numbers)))
        #expect(table.content.count == numbers.count)
    }
}
