import Foundation
import Testing
import QuotesStress

/// The fuzzer's whole-pipeline check (``PipelineProbe``) over the hostile
/// documents of ``PathologicalInput``, the fuzzer's seeds and the edge
/// cases of issue 8: every one is read without a crash, with offsets
/// inside the text and `text == original[start:end]`, in every format.
@Suite struct PipelineProbeTests {

    @Test("edge cases give the quotes they hold", arguments: [
        ("empty", [], 0),
        ("only spaces", Array("   \n\n \t ".utf8), 0),
        ("only empty pairs of marks", Array("«» “” ‹› „“ «  »".utf8), 0),
        ("a quote at the very end", Array("Il a dit «oui»".utf8), 1),
        ("an opening mark at the very end", Array("Il a dit «".utf8), 0),
        ("a paragraph of only «", Array("Début.\n\n«\n\nFin.".utf8), 0),
        ("CR-only line ends", Array("«Oui», a dit M. Kis.\r\r«Non», a-t-il dit.\r".utf8), 2),
        ("CRLF and a BOM", [0xEF, 0xBB, 0xBF] + Array("«Oui», a dit M. Kis.\r\n\r\n«Non».\r\n".utf8), 2),
        ("NUL bytes", Array("«Ou\u{0}i», a dit\u{0} M. Kis.".utf8), 1),
        ("surrogate-range bytes (lossy)", Array("«Oui ".utf8) + [0xED, 0xA0, 0x80] + Array("», a dit M. Kis.".utf8), 1),
        ("overlong encodings (lossy)", Array("«Oui ".utf8) + [0xC0, 0xAB, 0xE0, 0x80, 0xAB] + Array("», a dit M. Kis.".utf8), 1),
        ("above U+10FFFF and a truncated end (lossy)", Array("«Oui ".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("», a dit M. Kis. ".utf8) + [0xE2, 0x82], 1),
    ] as [(String, [UInt8], Int)])
    func edge(name: String, bytes: [UInt8], quotes: Int) throws {
        #expect(try PipelineProbe().check(bytes) == quotes)
    }

    @Test("the test article in every form, and broken forms, through every decoder", arguments: EncodedArticle.forms)
    func encoded(form: EncodedArticle.Form) throws {
        let bytes = try EncodedArticle.bytes(form)
        let probe = try PipelineProbe()
        let quotes = try probe.check(bytes)   // what the UTF-8 reading found
        if form.charset == "UTF-8" { #expect(quotes == SourceDecoderTests.reference.count) }
        #expect(throws: Never.self) { try probe.check(Array(bytes.dropLast())) }            // cut inside a character
        #expect(throws: Never.self) { try probe.check(Array(bytes.prefix(3)) + [0x00, 0xD8, 0x41]) }
    }

    @Test("JSONL lines, good and bad, read as lines and as one text")
    func jsonl() throws {
        let bytes = Array(#"{"id": "a", "text": "«Oui», a dit M. Kis."}"#.utf8) + Array("\n{\"id\": 3}\n\u{FF}\n{\"text\": \"«\u{0}\"}".utf8)
        #expect(throws: Never.self) { try PipelineProbe().check(bytes) }
    }

    @Test("every pathological document, small", arguments: PathologicalInput.allCases)
    func pathological(kind: PathologicalInput) throws {
        #expect(try PipelineProbe().check(kind.document(count: 200)) >= 0)
    }

    @Test("pathological documents hold the quotes they are built from", arguments: [
        (PathologicalInput.unbalancedOpenings, 1),
        (.nestedQuotes, 1),
        (.manySpeakers, 200),
        (.dialogue, 200),
        (.endlessSentence, 200),
        (.crLineEnds, 200),
        (.nulBytes, 200),
        (.openingParagraphs, 1),
        (.longHyphenatedName, 1),
        (.longSpacedName, 1),
    ])
    func counts(kind: PathologicalInput, quotes: Int) throws {
        #expect(try PipelineProbe().check(kind.document(count: 200)) == quotes)
    }

    @Test("the fuzzer's seeds")
    func seeds() throws {
        let folder = Support.root.appendingPathComponent("Fuzz/seeds")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 5)
        let probe = try PipelineProbe()
        for file in files { try probe.check([UInt8](Data(contentsOf: file))) }
    }

    @Test("generated sizes grow with the count")
    func sizes() {
        for kind in PathologicalInput.allCases {
            let small = kind.document(count: 100).count, large = kind.document(count: 1_000).count
            #expect(large >= 9 * small && large <= 11 * small, "\(kind.rawValue): \(small) → \(large)")
        }
    }
}
