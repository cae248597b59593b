import Foundation
import Testing
@testable import Quotes

/// The same article in every form gives the same text, quotes, speakers and
/// offsets, however its encoding is given; bad bytes fail clearly.
@Suite struct SourceDecoderTests {
    /// What a quote is, apart from how its document was read.
    struct Seen: Equatable {
        var start: Int, end: Int, text: String, kind: QuoteKind, speaker: String?
        init(_ quote: ExtractedQuote) {
            (start, end, text, kind, speaker) = (quote.range.lowerBound.value, quote.range.upperBound.value, quote.text, quote.span.kind, quote.attribution.speaker?.name)
        }
    }

    static let reference: [Seen] = {
        (try? Support.extractor().extract(id: "article", source: SourceText(EncodedArticle.text)).quotes.map(Seen.init)) ?? []
    }()

    @Test("every form, given by name, detected, or by default: the same text and the same quotes", arguments: EncodedArticle.forms)
    func sameQuotes(form: EncodedArticle.Form) throws {
        #expect(Self.reference.count >= 8)
        #expect(Self.reference.contains { $0.speaker == "Hélène Dufresne" })
        let bytes = try EncodedArticle.bytes(form)
        let extractor = try Support.extractor()
        var encodings: [InputEncoding] = [.named(form.charset), .auto]
        if form.charset.hasPrefix("UTF") { encodings.append(.standard) }   // UTF-8, and UTF-16 with its mark, need no flag
        for encoding in encodings {
            let source = try SourceDecoder(encoding: encoding).decode(bytes)
            #expect(String(String.UnicodeScalarView(source.scalars)) == EncodedArticle.text, "\(encoding)")
            #expect(source.decoding.charset == form.charset)
            #expect(source.decoding.recordFlag == (form.charset == "UTF-8" ? nil : "decoded:" + form.charset.lowercased()))
            let result = try extractor.extract(id: form.fileName, source: source)
            #expect(result.quotes.map(Seen.init) == Self.reference, "\(encoding)")
            #expect(result.quotes.allSatisfy { $0.decodingFlag == source.decoding.recordFlag })
        }
    }

    @Test("UTF-32 with its mark is read by default, the mark dropped", arguments: [("utf-32-le", "UTF-32LE"), ("utf-32-be", "UTF-32BE")])
    func utf32(codec: String, charset: String) throws {
        let bytes = try EncodedArticle.encode(["\u{FEFF}" + EncodedArticle.text], [codec])[0]
        let source = try SourceDecoder().decode(bytes)
        #expect(source.decoding == .byteOrderMark(charset))
        #expect(String(String.UnicodeScalarView(source.scalars)) == EncodedArticle.text)
    }

    /// A `String` is read from its UTF-8 in one pass: the scalars are
    /// exactly those of `unicodeScalars`, for every length of sequence.
    @Test("a String's scalars as unicodeScalars gives them", arguments: [
        "", "a", "«Oui», a-t-il dit.", "l’été à Košice", "\u{FEFF}\r\n\0x", "e\u{301}", "€ 20 — “ok”", "\u{7F}\u{80}\u{7FF}\u{800}",
        "\u{FFFF}\u{10000}\u{10FFFF}", "Сергей Лавров 我们 🇫🇷👍🏽", String(repeating: "Çavuşoğlu 🙂 ", count: 500),
    ])
    func stringScalars(text: String) {
        #expect(SourceText(text).scalars == Array(text.unicodeScalars))
        let bridged = String(decoding: Array(text.utf8), as: UTF8.self)
        #expect(SourceText(bridged).scalars == Array(text.unicodeScalars))
    }

    @Test("a UTF-8 byte-order mark stays scalar 0, as before")
    func utf8Mark() throws {
        let source = try SourceDecoder().decode([0xEF, 0xBB, 0xBF] + Array("«Oui»".utf8))
        #expect(source.scalars.first == "\u{FEFF}")
        #expect(source.decoding == .utf8)
    }

    @Test("bad bytes: the character set, the byte offset in the file, the bytes", arguments: [
        (InputEncoding.named("UTF-16LE"), [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], "invalid UTF-16LE at byte 2 (bytes 00 D8 42 00); use --lossy to replace invalid sequences with U+FFFD"),
        (.standard, [0xFF, 0xFE, 0x41, 0x00, 0x42], "invalid UTF-16LE at byte 4 (bytes 42); use --lossy to replace invalid sequences with U+FFFD"),
        (.named("UTF-16LE"), [0xFF, 0xFE, 0x41, 0x00, 0x42], "invalid UTF-16LE at byte 4 (bytes 42); use --lossy to replace invalid sequences with U+FFFD"),
        (.named("US-ASCII"), Array("Il a d".utf8) + [0xE9] + Array("cidé.".utf8), "invalid US-ASCII at byte 6 (bytes E9 63 69 64); use --lossy to replace invalid sequences with U+FFFD"),
        (.named("Shift_JIS"), [0x41, 0x82, 0x20, 0x43], "invalid Shift_JIS at byte 1 (bytes 82 20 43); use --lossy to replace invalid sequences with U+FFFD"),
        (.named("UTF-8"), [0x41, 0xC3, 0x28], "invalid UTF-8 at byte 1 (bytes C3 28); use --lossy to replace invalid sequences with U+FFFD"),
        (.standard, [0x41, 0xC3, 0x28], "invalid UTF-8 at byte 1 (bytes C3 28); use --lossy to replace invalid sequences with U+FFFD, or, if the file is not UTF-8, name its encoding with --encoding NAME or use --encoding auto"),
    ] as [(InputEncoding, [UInt8], String)])
    func invalid(encoding: InputEncoding, bytes: [UInt8], message: String) throws {
        #expect(throws: Never.self) { try SourceDecoder(encoding: encoding, lossy: true).decode(bytes) }
        let lossy = try SourceDecoder(encoding: encoding, lossy: true).decode(bytes)
        #expect(lossy.hadInvalidBytes)
        #expect(lossy.scalars.contains("\u{FFFD}"))
        do {
            _ = try SourceDecoder(encoding: encoding).decode(bytes)
            Issue.record("strict decoding accepted bad bytes")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a file in another set, read as UTF-8 by default, names the set it looks like")
    func looksLike() throws {
        let form = try #require(EncodedArticle.forms.first { $0.charset == "windows-1252" })
        let bytes = try EncodedArticle.bytes(form)
        do {
            _ = try SourceDecoder().decode(bytes)
            Issue.record("windows-1252 read as UTF-8")
        } catch {
            let offset = try #require(bytes.firstIndex { $0 >= 0x80 })
            let text = error.description
            #expect(text.hasPrefix("invalid UTF-8 at byte \(offset) (bytes "))
            #expect(text.contains("; the file looks like windows-1252 (confidence "))
            #expect(text.hasSuffix("): read it with --encoding windows-1252 or --encoding auto, or use --lossy to replace invalid sequences with U+FFFD"))
        }
    }

    @Test("lossy decoding in another set flags the quotes")
    func lossyFlags() throws {
        let bytes = EncodedArticle.utf16LE("«\u{A0}Oui\u{A0}», a dit M. Kis.") + [0x41]
        let source = try SourceDecoder(encoding: .named("UTF-16LE"), lossy: true).decode(bytes)
        let quotes = try Support.extractor().extract(id: "t", source: source).quotes
        #expect(quotes.first?.flagNames == ["decoded:utf-16le", "lossy-input"])
    }
}
