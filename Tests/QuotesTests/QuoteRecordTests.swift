import Foundation
import Testing
@testable import Quotes

/// The JSON writers write records straight into bytes; `QuoteRecord.json`
/// stays the contract. Both must give the same bytes.
@Suite struct QuoteRecordTests {
    @Test("direct writing = the JSONValue tree, on every Corpus quote")
    func directMatchesTree() throws {
        let extractor = try Support.extractor()
        var quotes = 0, translated = 0, withEvidence = 0
        for url in try Support.articles() {
            let bytes = [UInt8](try Data(contentsOf: url))
            let result = try extractor.extract(id: url.lastPathComponent, source: SourceText(utf8: bytes))
            for quote in result.quotes {
                var direct: [UInt8] = []
                QuoteRecord.write(quote, doc: result.id, into: &direct)
                var tree: [UInt8] = []
                QuoteRecord.json(quote, doc: result.id).write(into: &tree)
                #expect(direct == tree, "\(url.lastPathComponent) quote \(quote.index)")
                quotes += 1
                if quote.translation != nil { translated += 1 }
                if quote.mentionRange != nil || quote.cueRange != nil { withEvidence += 1 }
            }
            var lines = ""
            for quote in result.quotes { lines += QuoteRecord.json(quote, doc: result.id).serialized() + "\n" }
            #expect(JSONLWriter().render(result) == lines, "\(url.lastPathComponent)")
        }
        // The Corpus exercises every branch: translation notes, evidence, nulls.
        #expect(quotes > 300 && translated > 0 && withEvidence > 0 && withEvidence < quotes)
    }

    /// The pipeline writes ``QuoteWriter/renderUTF8(_:)`` placed by
    /// ``QuoteWriter/placeUTF8(_:)``: the same bytes as the text of
    /// `render` placed by `place`, in every format, over the Corpus.
    @Test("bytes written = text written, in every format", arguments: OutputFormat.allCases)
    func bytesMatchText(format: OutputFormat) throws {
        let extractor = try Support.extractor()
        var (text, bytes) = (format.writer(), format.writer())
        var written = text.begin(), writtenBytes = Array(bytes.begin().utf8)
        for url in try Support.articles().prefix(12) {
            let result = try extractor.extract(id: url.lastPathComponent, source: SourceText(utf8: [UInt8](try Data(contentsOf: url))))
            let rendered = bytes.renderUTF8(result)
            #expect(rendered == Array(text.render(result).utf8), "\(url.lastPathComponent)")
            written += text.place(text.render(result))
            writtenBytes += bytes.placeUTF8(rendered)
        }
        written += text.end()
        writtenBytes += bytes.end().utf8
        #expect(writtenBytes == Array(written.utf8))
        #expect(written.count > 100)
    }

    @Test("confidence as Confidence.description spells it")
    func confidence() {
        var values = (0...2000).map { Double($0) / 2000 }
        values += [0, 1, 0.0004999, 0.0005, 0.05, 0.1, 0.9995, 0.99949, 1e-9, 0.123456, -1, 2, .nan]
        for value in values {
            let confidence = Confidence(value)
            var out = ByteSink(capacity: 8)
            QuoteRecord.writeConfidence(confidence, into: &out)
            #expect(String(decoding: out.bytes(), as: UTF8.self) == confidence.description, "\(value)")
        }
    }

    @Test("integers as String(value) spells them", arguments: [0, 7, 10, 99, 100, 12345, -1, -120, Int.max, Int.min])
    func integers(value: Int) {
        var out = ByteSink(capacity: 1)
        out.append("x")
        JSONValue.writeInt(value, into: &out)
        #expect(String(decoding: out.bytes(), as: UTF8.self) == "x" + String(value))
    }
}
