import Foundation
import Testing
@testable import Quotes

/// Which record holds which: a quote in marks inside an indirect clause
/// names that clause's record, in every output format.
@Suite struct QuoteEnclosureTests {
    static func indirect(_ range: Range<Int>) -> QuoteSpan {
        QuoteSpan(content: range, open: nil, close: nil, kind: .indirect, style: .none)
    }

    static func marked(_ open: Int, _ close: Int?, end: Int? = nil, kind: QuoteKind = .mixed) -> QuoteSpan {
        QuoteSpan(content: (open + 1)..<(close ?? end!), open: open, close: close, kind: kind, style: .guillemets)
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let spans: [QuoteSpan]
        let enclosedBy: [Int?]
        /// The indirect spans' contents afterwards (nil: unchanged).
        var contents: [Range<Int>]? = nil
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "a mixed quote inside a clause", spans: [indirect(10..<60), marked(30, 40)], enclosedBy: [nil, 0]),
        Row(name: "two mixed quotes in one clause", spans: [indirect(10..<60), marked(20, 25), marked(40, 59)], enclosedBy: [nil, 0, 0]),
        Row(name: "a clause starting at the opening mark", spans: [indirect(10..<60), marked(10, 59)], enclosedBy: [nil, 0]),
        Row(name: "a quote after the clause", spans: [indirect(10..<30), marked(35, 50)], enclosedBy: [nil, nil]),
        Row(name: "a direct quote before a clause", spans: [marked(0, 8, kind: .direct), indirect(20..<40)], enclosedBy: [nil, nil]),
        Row(name: "a clause cut inside the marks is stretched to the closing mark",
            spans: [indirect(10..<45), marked(30, 70)], enclosedBy: [nil, 0], contents: [10..<71, 31..<70]),
        Row(name: "a clause cut inside an unclosed quote ends with it",
            spans: [indirect(10..<45), marked(30, nil, end: 80)], enclosedBy: [nil, 0], contents: [10..<80, 31..<80]),
        Row(name: "a clause that starts inside a quote is left alone",
            spans: [marked(0, 30), indirect(20..<60)], enclosedBy: [nil, nil], contents: [1..<30, 20..<60]),
        Row(name: "clauses one after the other", spans: [indirect(0..<20), marked(5, 9), indirect(30..<50), marked(40, 45)],
            enclosedBy: [nil, 0, nil, 2]),
        Row(name: "no spans", spans: [], enclosedBy: []),
    ]

    @Test(arguments: rows)
    func resolve(row: Row) {
        var spans = row.spans
        #expect(QuoteEnclosure.resolve(&spans) == row.enclosedBy)
        if let contents = row.contents { #expect(spans.map(\.content) == contents) }
    }

    /// Sentences in our own words through the whole pipeline: the mixed
    /// fragment names the indirect record that holds it; a quote on its own does not.
    @Test("end to end", arguments: [
        ("La directrice a estimé que la réforme était «mal préparée» et trop rapide.", [QuoteKind.indirect, .mixed], [nil, 0] as [Int?]),
        ("«Nous ouvrirons en mai», a annoncé la gérante.", [.direct], [nil]),
        ("Selon le syndicat, la grève sera «massive» et «durable» jeudi.", [.indirect, .mixed, .mixed], [nil, 0, 0]),
    ])
    func pipeline(text: String, kinds: [QuoteKind], enclosedBy: [Int?]) throws {
        let quotes = try Support.quotes(text)
        #expect(quotes.map(\.span.kind) == kinds)
        #expect(quotes.map(\.enclosedBy) == enclosedBy)
    }

    @Test("every format carries the enclosing record")
    func formats() throws {
        let result = try Support.extractor().extract(id: "t", source: SourceText("La directrice a estimé que la réforme était «mal préparée» et trop rapide."))
        try #require(result.quotes.count == 2)
        var bytes: [UInt8] = []
        QuoteRecord.write(result.quotes[1], doc: "t", into: &bytes)
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(object?["enclosed_by"] as? Int == 0)
        var first: [UInt8] = []
        QuoteRecord.write(result.quotes[0], doc: "t", into: &first)
        #expect(String(decoding: first, as: UTF8.self).contains(#""kind":"indirect","enclosed_by":null,"#))

        var csv = CSVWriter()
        let lines = (csv.begin() + csv.render(result)).split(separator: "\r\n").map(String.init)
        let column = try #require(lines[0].split(separator: ",").firstIndex(of: "enclosed_by"))
        #expect(lines[1].split(separator: ",", omittingEmptySubsequences: false)[column] == "")
        #expect(lines[2].split(separator: ",", omittingEmptySubsequences: false)[column] == "0")
        // Counting utterances from the CSV: records with an empty enclosed_by.
        #expect(lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[column].isEmpty }.count == 1)

        let table = TableWriter()
        #expect(table.render(result).contains("mixed in #0"))
    }
}
