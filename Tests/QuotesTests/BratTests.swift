import Foundation
import Testing
@testable import Quotes

/// brat standoff: gold → brat → gold gives the same annotations, and a bad
/// `.ann` line is refused with `file:line:column`.
@Suite struct BratTests {
    typealias Quote = GoldDocument.Quote

    static let article = "Le maire, Paul Kerhervé, a reçu les élus. « Nous tiendrons les délais », a-t-il assuré.\n\nLe festival « Jazz en baie » ouvrira en juin.\n"

    static func read(_ ann: String) throws -> GoldDocument {
        try BratReader.read(ann: ann, file: "x.ann", article: SourceText(article), doc: "x", split: .dev, domain: "local")
    }

    @Test("every corpus document survives gold → brat → gold")
    func roundTrip() throws {
        let corpus = try GoldCorpus.load(directory: Support.corpus.path)
        for entry in corpus.entries {
            let ann = BratWriter.annotations(entry.gold, article: entry.source)
            let back = try BratReader.read(ann: ann, file: entry.gold.doc + ".ann", article: entry.source, doc: entry.gold.doc,
                                           split: entry.gold.split, domain: entry.gold.domain)
            #expect(back == entry.gold, "\(entry.gold.doc)")
        }
    }

    @Test("a quote across paragraphs is written as fragments between line breaks")
    func fragments() throws {
        let text = "«Un.\n\n«Deux», dit-il."
        let gold = GoldDocument(schema: "quotectl-gold/1", doc: "x", split: .test, domain: "d", quotes: [
            Quote(start: 1, end: 11, text: "Un.\n\n«Deux", kind: .direct, speaker: "Paul", mentions: [.init(start: 18, end: 20, text: "il")],
                  cue: "dit-il", translation: nil, phenomena: ["multi-paragraph"]),
        ])
        let ann = BratWriter.annotations(gold, article: SourceText(text))
        #expect(ann.hasPrefix("T1\tDirect 1 4;6 11\tUn. «Deux\n"))
        let back = try BratReader.read(ann: ann, file: "x.ann", article: SourceText(text), doc: "x", split: .test, domain: "d")
        #expect(back == gold)
    }

    @Test("a mention shared by two quotes is one T line and two relations")
    func sharedMention() {
        let mention = GoldDocument.Mention(start: 77, end: 79, text: "il")
        let gold = GoldDocument(schema: "quotectl-gold/1", doc: "x", split: .dev, domain: "d", quotes: [
            Quote(start: 44, end: 69, text: "Nous tiendrons les délais", kind: .direct, speaker: "Paul Kerhervé", mentions: [mention],
                  cue: nil, translation: nil, phenomena: []),
            Quote(start: 103, end: 115, text: "Jazz en baie", kind: .mixed, speaker: "Paul Kerhervé", mentions: [mention],
                  cue: nil, translation: nil, phenomena: []),
        ])
        let ann = BratWriter.annotations(gold, article: SourceText(Self.article))
        #expect(ann.components(separatedBy: "\tMention 77 79\til\n").count == 2)
        #expect(ann.contains("R2\tSaid Arg1:T3 Arg2:T2\n"))
    }

    @Test("a bad .ann line is refused with its place", arguments: [
        ("T1\tQuote 44 69\tNous tiendrons les délais",
         "x.ann:1:4: unknown entity type \"Quote\" (expected Direct, Mixed, Indirect, Nonspeech, Mention)"),
        ("T1\tDirect 44 68\tNous tiendrons les délais",
         "x.ann:1:17: text does not match the article, which has \"Nous tiendrons les délai\" there"),
        ("T1\tDirect 44 400\tNous",
         "x.ann:1:11: \"44 400\" is not START END within the article (135 scalars)"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\n#1\tSpeaker T1\tPaul Kerhervé\nA1\tOriginal T2 ru",
         "x.ann:3:13: no annotation T2"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\n#1\tSpeaker T1\tPaul Kerhervé\nR1\tSaid Arg1:T1 Arg2:T1",
         "x.ann:3:4: Arg2:T1 is not a Mention"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\n#1\tSpeaker T1\tPaul Kerhervé\nA1\tVia2 T1 en\nA2\tQuotedIn T1 fr",
         "x.ann:3:4: the relays of T1 must be numbered Via1, Via2, … without gaps"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\n#1\tSpeaker T1\tPaul Kerhervé\nA1\tOriginal T1 ru",
         "x.ann:3:4: translation facts on T1 without QuotedIn"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\n#1\tSpeaker T1\tPaul Kerhervé\nA1\tnested T1 yes",
         "x.ann:3:4: nested takes no value"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\nA1\tFlavour T1 sweet",
         "x.ann:2:4: unknown attribute \"Flavour\" (expected Original, Via1…, QuotedIn or a phenomenon tag)"),
        ("T1\tDirect 44 69\tNous tiendrons les délais\n#1\tComment T1\tà revoir",
         "x.ann:2:4: unknown note type \"Comment\" (expected Speaker, Cue or AnnotatorNotes)"),
        ("E1\tSpeech:T1",
         "x.ann:1:1: unknown annotation \"E1\" (expected a T, R, A or # line)"),
        ("\nT1\tDirect 44 69\tNous tiendrons les délais",
         "x.ann:2:1: T1: a Direct quote needs a Speaker note"),
        ("T1\tNonspeech 103 115\tJazz en baie\n#1\tSpeaker T1\tle festival",
         "x.ann:1:1: T1: a Nonspeech quote has no Speaker note"),
    ])
    func refused(ann: String, message: String) {
        let error = #expect(throws: GoldError.self) { try Self.read(ann) }
        #expect(error?.description == message)
    }

    @Test("importing a folder needs each document's split and domain")
    func documentsTable() throws {
        let folder = Support.scratch.appendingPathComponent("brat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.article.write(to: folder.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        try "T1\tNonspeech 103 115\tJazz en baie\n".write(to: folder.appendingPathComponent("x.ann"), atomically: true, encoding: .utf8)
        try "# doc\tsplit\tdomain\ny\tdev\tlocal\n".write(to: folder.appendingPathComponent("documents.tsv"), atomically: true, encoding: .utf8)
        let error = #expect(throws: GoldError.self) { try BratReader.importDirectory(folder.path) }
        #expect(error?.description == "\(folder.path)/documents.tsv: no row for x (doc<TAB>split<TAB>domain)")
        try "x\tdev\tlocal\n".write(to: folder.appendingPathComponent("documents.tsv"), atomically: true, encoding: .utf8)
        let imported = try BratReader.importDirectory(folder.path)
        #expect(imported.map(\.gold) == [GoldDocument(schema: "quotectl-gold/1", doc: "x", split: .dev, domain: "local", quotes: [
            Quote(start: 103, end: 115, text: "Jazz en baie", kind: .nonspeech, speaker: nil, mentions: [], cue: nil, translation: nil,
                  phenomena: []),
        ])])
    }
}
