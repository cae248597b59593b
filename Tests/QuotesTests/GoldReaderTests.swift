import Foundation
import Testing
@testable import Quotes

/// Gold files: the corpus reads and checks, and each malformed fixture in
/// Fixtures/eval/gold-malformed is refused with `file:line:column: what is wrong`.
@Suite struct GoldReaderTests {
    static let folder = Support.fixtures.appendingPathComponent("eval/gold-malformed")

    @Test("a malformed gold file names the place and the problem", arguments: [
        ("syntax", "5:3: expected ',' or '}'"),
        ("unknown-key", "26:17: unknown key \"speakr\" in a quote (expected start, end, text, kind, speaker, mentions, cue, translation, phenomena)"),
        ("missing-kind", "27:5: missing \"kind\""),
        ("missing-mentions", "7:5: missing \"mentions\""),
        ("phenomena-not-array", "22:20: \"phenomena\" must be an array"),
        ("start-as-string", "8:16: \"start\" must be a non-negative integer"),
        ("bad-kind", "31:15: kind must be one of direct, mixed, indirect, nonspeech"),
        ("bad-split", "4:12: split must be dev or test"),
        ("bad-tag", "24:9: unknown phenomenon tag \"nbsp\""),
        ("text-mismatch", "10:15: text does not match the article at 44..<69: found \"Nous tiendrons les délais\""),
        ("empty-span", "9:14: end 44 must be after start 44 (a span is never empty)"),
        ("past-the-end", "29:14: end 500 is past the end of the article (135 scalars)"),
        ("speaker-on-nonspeech", "32:18: speaker must be null exactly for nonspeech quotes"),
        ("nonspeech-mention", "34:9: a nonspeech quote has no speaker mentions"),
        ("unsorted", "20:5: quotes must be sorted by start"),
        ("doc-name", "3:10: doc \"autre-article\" does not match the file name \"doc-name\""),
    ])
    func refused(name: String, message: String) throws {
        let file = Self.folder.appendingPathComponent("gold/\(name).json").path
        let error = #expect(throws: GoldError.self) {
            try GoldCorpus.entry(file: file, articles: Self.folder.appendingPathComponent("articles").path)
        }
        #expect(error?.description == "\(file):\(message)")
    }

    @Test("every fixture is otherwise a good file: its article and the good version read")
    func fixturesAreMinimal() throws {
        let article = try SourceText(utf8: [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("articles/bad-kind.txt"))))
        var text = try String(contentsOf: Self.folder.appendingPathComponent("gold/bad-kind.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"kind\": \"title\"", with: "\"kind\": \"nonspeech\"")
        let gold = try GoldReader.read(text, file: "bad-kind.json", article: article, stem: "bad-kind")
        #expect(gold.quotes.map(\.kind) == [.direct, .nonspeech])
    }

    @Test("every corpus gold file reads back from its article")
    func corpus() throws {
        let corpus = try GoldCorpus.load(directory: Support.corpus.path)
        #expect(corpus.entries.count >= 41)
        #expect(corpus.entries.map(\.gold.quotes.count).reduce(0, +) >= 300)
        for entry in corpus.entries {
            let text = String(String.UnicodeScalarView(entry.source.scalars))
            for quote in entry.gold.quotes {
                #expect(text.scalars(quote.start, quote.end) == quote.text)
                #expect((quote.speaker == nil) == (quote.kind == .nonspeech))
            }
        }
    }
}
