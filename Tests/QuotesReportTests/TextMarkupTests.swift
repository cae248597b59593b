import Testing
@testable import QuotesReport

/// The pieces of a marked text: well nested, covering the text in order,
/// and each marker's elements covering exactly its range.
@Suite struct TextMarkupTests {
    typealias M = TextMarkup.Marker

    /// Rows: a phenomenon, the text length, the markers, and the expected
    /// markup (`[q0 …]` a quote, `(m …)` a mention, `{c …}` a cue, `<t …>`
    /// a translation cue; text as `.` per scalar).
    static let rows: [(String, Int, [M], String)] = [
        ("no marker", 3, [], "..."),
        ("one quote", 5, [M(role: .quote, range: 1..<4, quotes: [0])], ".[0...]."),
        ("quote at both ends", 3, [M(role: .quote, range: 0..<3, quotes: [0])], "[0...]"),
        ("mixed quote inside its indirect quote", 8,
         [M(role: .quote, range: 0..<8, quotes: [0]), M(role: .quote, range: 3..<5, quotes: [1])], "[0...[1..]...]"),
        ("cue and mention after the quote", 9,
         [M(role: .quote, range: 0..<3, quotes: [0]), M(role: .cue, range: 4..<6, quotes: [0]), M(role: .mention, range: 7..<9, quotes: [0])],
         "[0...].{..}.(..)"),
        ("a cue that holds its mention (a-t-il dit)", 8,
         [M(role: .cue, range: 0..<8, quotes: [0]), M(role: .mention, range: 4..<6, quotes: [0])], "{....(..)..}"),
        ("evidence that straddles the end of a quote is cut in two", 6,
         [M(role: .quote, range: 0..<3, quotes: [0]), M(role: .mention, range: 2..<5, quotes: [1])], "[0..(.)](..)."),
        ("two quotes that cross: the later one is cut", 6,
         [M(role: .quote, range: 0..<4, quotes: [0]), M(role: .quote, range: 2..<6, quotes: [1])], "[0..[1..]][1..]"),
        ("one cue for two quotes is one element", 6,
         [M(role: .cue, range: 2..<4, quotes: [0]), M(role: .cue, range: 2..<4, quotes: [1])], "..{..}.."),
        ("markers outside the text are clipped or dropped", 4,
         [M(role: .quote, range: 2..<9, quotes: [0]), M(role: .mention, range: 7..<9, quotes: [0]), M(role: .cue, range: 1..<1, quotes: [0])],
         "..[0..]"),
        ("translation cue inside a quote", 7,
         [M(role: .quote, range: 0..<7, quotes: [0]), M(role: .translationCue, range: 2..<4, quotes: [0])], "[0..<..>...]"),
    ]

    @Test("markup", arguments: rows)
    func markup(_ row: (String, Int, [M], String)) {
        let pieces = TextMarkup.pieces(count: row.1, markers: row.2)
        #expect(Self.draw(pieces) == row.3, "\(row.0)")
    }

    @Test("pieces are well nested and cover the text once, in order", arguments: rows)
    func invariants(_ row: (String, Int, [M], String)) {
        let pieces = TextMarkup.pieces(count: row.1, markers: row.2)
        var stack: [M] = []
        var next = 0
        // What each marker should cover: its range clipped to the text.
        let clipped = row.2.map { M(role: $0.role, range: min(max(0, $0.range.lowerBound), row.1)..<min(max(0, $0.range.upperBound), row.1), quotes: $0.quotes) }
        var covered: [Int: Set<Int>] = [:]   // marker (by index in row) → offsets under its elements
        for piece in pieces {
            switch piece {
            case .open(let opening): stack.append(opening.marker)
            case .close(let marker):
                #expect(stack.last == marker, "\(row.0): closes what was opened last")
                stack.removeLast()
            case .text(let range):
                #expect(range.lowerBound == next && !range.isEmpty, "\(row.0): text in order")
                next = range.upperBound
                for marker in stack {
                    for (k, wanted) in clipped.enumerated() where wanted.role == marker.role && wanted.range == marker.range && marker.quotes.contains(wanted.quotes[0]) {
                        covered[k, default: []].formUnion(range)
                    }
                }
            }
        }
        #expect(stack.isEmpty)
        #expect(next == row.1)
        for (k, marker) in clipped.enumerated() {
            #expect((covered[k] ?? []) == Set(marker.range), "\(row.0): marker \(k) covers its range")
        }
    }

    @Test("only a marker's first element is marked first")
    func firstFragment() {
        let pieces = TextMarkup.pieces(count: 6, markers: [M(role: .quote, range: 0..<4, quotes: [0]), M(role: .quote, range: 2..<6, quotes: [1])])
        let openings = pieces.compactMap { if case .open(let o) = $0 { o } else { nil } }
        #expect(openings.map { "\($0.marker.quotes[0]):\($0.isFirst)" } == ["0:true", "1:true", "1:false"])
    }

    @Test("100 000 quotes: one element each, text between")
    func many() {
        let markers = (0..<100_000).map { M(role: .quote, range: ($0 * 3 + 1)..<($0 * 3 + 2), quotes: [$0]) }
        let pieces = TextMarkup.pieces(count: 300_000, markers: markers)
        // Per quote: the text before it, its opening, its text, its closing; then the last scalar.
        #expect(pieces.count == 400_001)
    }

    static func draw(_ pieces: [TextMarkup.Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let range): return String(repeating: ".", count: range.count)
            case .open(let opening):
                switch opening.marker.role {
                case .quote: return "[\(opening.marker.quotes[0])"
                case .mention: return "("
                case .cue: return "{"
                case .translationCue: return "<"
                }
            case .close(let marker):
                switch marker.role {
                case .quote: return "]"
                case .mention: return ")"
                case .cue: return "}"
                case .translationCue: return ">"
                }
            }
        }.joined()
    }
}
