import Foundation
import Testing
@testable import Quotes

/// The spellings shipped for the bundled speakers whose names need an ICU
/// transliterator are ICU's, for exactly those speakers; with them, a
/// renderer opens no transliterator for any bundled speaker and gives the
/// same names.
@Suite struct SpeakerRenderingsTests {
    static let file = Support.root.appendingPathComponent("Sources/Quotes/Resources/notes/speaker-renderings.tsv")

    /// The rows ICU gives now: every bundled speaker whose rendering opens a transliterator.
    static func expectedRows() throws -> [SpeakerRenderings.Row] {
        try Registry.bundled().entries.sorted { $0.id < $1.id }.compactMap { entry in
            let renderer = SpeakerNameRenderer()
            let names = renderer.spellings(entry)
            return renderer.openedTransliterators > 0 ? SpeakerRenderings.Row(entry, spellings: names) : nil
        }
    }

    @Test("the shipped file is what ICU renders, for exactly the speakers that need it")
    func shippedIsICU() throws {
        let expected = SpeakerRenderings.text(try Self.expectedRows())
        if ProcessInfo.processInfo.environment["QUOTECTL_WRITE_RENDERINGS"] == "1" {
            try expected.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let shipped = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(shipped == expected, "notes/speaker-renderings.tsv is stale: QUOTECTL_WRITE_RENDERINGS=1 swift test --filter SpeakerRenderingsTests writes it again")
        // The speakers of the founding example that need ICU are among them.
        let table = try SpeakerRenderings(shipped, file: "speaker-renderings.tsv")
        #expect(table.rows.contains { $0.id == "sergey-lavrov" })
        #expect(table.rows.count > 150)
    }

    @Test("with the table: the same names for every bundled speaker, and no transliterator opened")
    func sameNamesWithoutICU() throws {
        let table = try SpeakerRenderings.bundled()
        let renderer = SpeakerNameRenderer(known: { table })
        for entry in try Registry.bundled().entries {
            #expect(renderer.render(entry) == SpeakerNameRenderer().render(entry), "\(entry.id)")
        }
        #expect(renderer.openedTransliterators == 0)
    }

    @Test("the founding example quotes Lavrov and Cavusoglu without opening a transliterator")
    func seedOpensNone() throws {
        let extractor = try QuoteExtractor()
        let text = try String(contentsOf: SeedTests.seed, encoding: .utf8)
        let quotes = try extractor.extract(id: "sotchi", source: SourceText(text)).quotes
        let lavrov = try #require(quotes.first { $0.attribution.speaker?.id == "sergey-lavrov" }?.translation)
        #expect(lavrov.speakerNames == ["Сергей Лавров", "Sergey Lavrov", "Sergej Lavrov", "Sergueï Lavrov"])
        #expect(extractor.openedTransliterators == 0)
    }

    @Test("a speaker changed by a user's file is rendered by ICU, not from the table", arguments: [
        { (entry: inout Registry.Entry) in entry.native = "Сергей Викторович Лавров" },
        { (entry: inout Registry.Entry) in entry.name = "Serguei Lavrov" },
        { (entry: inout Registry.Entry) in entry.languages = ["uk"] },
        { (entry: inout Registry.Entry) in entry.nativeReading = "Сергей Лавров" },
    ] as [@Sendable (inout Registry.Entry) -> Void])
    func changedEntry(change: @Sendable (inout Registry.Entry) -> Void) throws {
        var entry = try #require(try Registry.bundled().entries.first { $0.id == "sergey-lavrov" })
        change(&entry)
        let table = try SpeakerRenderings.bundled()
        #expect(table.spellings(of: entry) == nil)
        let renderer = SpeakerNameRenderer(known: { table })
        #expect(renderer.render(entry) == SpeakerNameRenderer().render(entry))
        #expect(renderer.openedTransliterators > 0)
    }

    @Test("a malformed file: its line and what is wrong", arguments: [
        ("a\t-\t-\tru\tA\n", 1, "fields at least"),
        ("# c\nx\t\t-\tru\tX\tX\n", 2, "empty field"),
        ("x\t-\t-\tru\tX\tX\nx\t-\t-\tru\tX\tY\n", 2, "already on line 1"),
    ])
    func malformed(text: String, line: Int, message: String) {
        #expect {
            _ = try SpeakerRenderings(text, file: "notes/speaker-renderings.tsv")
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.line == line && "\(error)".contains(message) && "\(error)".contains("notes/speaker-renderings.tsv")
        }
    }

    @Test("rows read back as written")
    func roundTrip() throws {
        let rows = [
            SpeakerRenderings.Row(id: "a", native: "Б", reading: nil, language: "ru", name: "B", spellings: ["Б", "B"]),
            SpeakerRenderings.Row(id: "b", native: nil, reading: "か", language: nil, name: "Ka", spellings: ["Ka"]),
        ]
        #expect(try SpeakerRenderings(SpeakerRenderings.text(rows), file: "t").rows == rows)
    }
}
