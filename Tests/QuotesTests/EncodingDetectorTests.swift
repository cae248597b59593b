import Foundation
import Testing
@testable import Quotes

/// `--encoding auto`: the right character set, or a clear refusal, never a
/// silent mis-decoding.
@Suite struct EncodingDetectorTests {
    @Test("the test article: the set it was written in", arguments: EncodedArticle.forms)
    func article(form: EncodedArticle.Form) throws {
        let detection = try EncodingDetector().detect(try EncodedArticle.bytes(form))
        #expect(detection.charset == form.charset)
        #expect(detection.confidence >= EncodingDetector.minimumConfidence)
        if form.byteOrderMark { #expect(detection.evidence == .byteOrderMark) }
    }

    /// Every Corpus article written in each Western European set (with
    /// what the set lacks spelled as it can: `’` as `'` where there is no
    /// `’`, `?` for the rest, as Python's `errors='replace'` writes it).
    @Test("every Corpus article in each Western European set reads back as written", arguments: ["windows-1252", "ISO-8859-15", "ISO-8859-1", "macintosh"])
    func corpus(charset: String) throws {
        let codec = ["windows-1252": "cp1252", "ISO-8859-15": "iso8859_15", "ISO-8859-1": "latin-1", "macintosh": "mac_roman"][charset]!
        let texts = try Support.articles().map { url in
            var text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\u{202F}", with: "\u{A0}")
            if charset.hasPrefix("ISO") {
                for (from, to) in [("’", "'"), ("“", "\""), ("”", "\""), ("—", "-"), ("…", "...")] { text = text.replacingOccurrences(of: from, with: to) }
            }
            return text
        }
        let (encoded, written) = try Self.encodeReplacing(texts, codec)
        let detector = try EncodingDetector()
        let decoder = SourceDecoder(encoding: .auto)
        var exact = 0
        for (index, bytes) in encoded.enumerated() {
            let detection = try detector.detect(bytes)
            let decoded = try decoder.decode(bytes)
            // Where the sets agree on every byte of an article, any of them reads it right.
            #expect(String(String.UnicodeScalarView(decoded.scalars)) == written[index], "\(index): read as \(detection.charset)")
            if detection.charset == charset { exact += 1 }
        }
        #expect(exact > 0)
    }

    @Test("byte-order marks decide", arguments: [
        ([0xEF, 0xBB, 0xBF, 0x41], "UTF-8"), ([0xFF, 0xFE, 0x41, 0x00], "UTF-16LE"), ([0xFE, 0xFF, 0x00, 0x41], "UTF-16BE"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0, 0, 0], "UTF-32LE"), ([0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x41], "UTF-32BE"),
    ] as [([UInt8], String)])
    func marks(bytes: [UInt8], charset: String) throws {
        let detection = try EncodingDetector().detect(bytes)
        #expect(detection == CharsetDetection(charset: charset, confidence: 100, evidence: .byteOrderMark))
    }

    @Test("ASCII and valid UTF-8 stay UTF-8, unless they are mostly NUL", arguments: [
        ("ASCII", Array("Il a dit oui.".utf8), "UTF-8"),
        ("UTF-8 French", Array("«\u{A0}Déjà\u{A0}», a-t-il dit.".utf8), "UTF-8"),
        ("a NUL or two", Array("Il a dit\u{0} «\u{A0}oui\u{A0}», puis il est parti.\u{0}".utf8), "UTF-8"),
        ("UTF-16LE ASCII without a mark", EncodedArticle.utf16LE("Le maire a dit qu'il viendrait demain matin, sans faute."), "UTF-16LE"),
        ("UTF-16BE ASCII without a mark", Array("Le maire a dit qu'il viendrait demain matin, sans faute.".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE"),
    ] as [(String, [UInt8], String)])
    func utf8(name: String, bytes: [UInt8], charset: String) throws {
        #expect(try EncodingDetector().detect(bytes).charset == charset)
    }

    @Test("UTF-8 with a stray byte is UTF-8 with a bad byte, not Ã© from a single-byte set")
    func stray() throws {
        let bytes = Array("«\u{A0}Nous irons jusqu'au bout\u{A0}», a déclaré la ministre. ".utf8) + [0xE9] + Array(" Elle a été applaudie.".utf8)
        let detection = try EncodingDetector().detect(bytes)
        #expect(detection.charset == "UTF-8")
        #expect(detection.evidence == .mostlyUTF8(badSequences: 1))
        do {
            _ = try SourceDecoder(encoding: .auto).decode(bytes)
            Issue.record("strict decoding accepted a bad byte")
        } catch {
            guard case .invalidBytes(let invalid) = error else { Issue.record("\(error)"); return }
            #expect(invalid.byteOffset == bytes.firstIndex(of: 0xE9))
        }
        #expect(try SourceDecoder(encoding: .auto, lossy: true).decode(bytes).hadInvalidBytes)
    }

    @Test("too little text to tell: a clear refusal naming ICU's best guesses", arguments: [
        ("cp1252", "«\u{A0}Oui\u{A0}»"),
        ("cp1252", "Été."),
        ("mac_roman", "«\u{A0}Nous irons jusqu'au bout\u{A0}», a déclaré le ministre."),
    ])
    func undetected(codec: String, text: String) throws {
        let bytes = try EncodedArticle.encode([text], [codec])[0]
        let detector = try EncodingDetector()
        do {
            let detection = try detector.detect(bytes)
            Issue.record("detected \(detection)")
        } catch {
            #expect(error.description.hasPrefix("cannot tell the encoding"))
            #expect(error.description.hasSuffix("; name it with --encoding NAME"))
            #expect(error.guesses.allSatisfy { $0.confidence < EncodingDetector.minimumConfidence })
        }
    }

    /// Short UTF-16 without a mark: ICU is sure of longer text, not of a
    /// word or two; each is read right or refused, never read wrong.
    @Test("UTF-16 without a byte-order mark: read right or refused", arguments: [
        "Été.", "«\u{A0}Non\u{A0}», a-t-il dit.", "Le ministre a démissionné.",
        "«\u{A0}Nous ne céderons rien\u{A0}», a assuré la présidente du conseil régional.",
    ])
    func utf16(text: String) throws {
        for (codec, charset) in [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")] {
            let bytes = try EncodedArticle.encode([text], [codec])[0]
            do {
                let source = try SourceDecoder(encoding: .auto).decode(bytes)
                #expect(String(String.UnicodeScalarView(source.scalars)) == text, "\(codec): read as \(source.decoding)")
                #expect(source.decoding.charset == charset)
            } catch {
                guard case .undetected = error else { Issue.record("\(codec): \(error)"); continue }
            }
        }
    }

    /// `texts` encoded with `codec`, characters the set lacks written `?`, and the texts as written.
    static func encodeReplacing(_ texts: [String], _ codec: String) throws -> ([[UInt8]], [String]) {
        let request = try JSONSerialization.data(withJSONObject: texts)
        let answer = try EncodedArticle.python("""
            import base64, json, sys
            out = []
            for text in json.load(sys.stdin):
                data = text.encode('\(codec)', errors='replace')
                out.append([base64.b64encode(data).decode(), data.decode('\(codec)')])
            json.dump(out, sys.stdout)
            """, input: request)
        let pairs = try #require(try JSONSerialization.jsonObject(with: answer) as? [[String]])
        return (try pairs.map { try #require(Data(base64Encoded: $0[0])).map { $0 } }, pairs.map { $0[1] })
    }
}
