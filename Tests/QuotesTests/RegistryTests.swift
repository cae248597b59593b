import Foundation
import Testing
@testable import Quotes

@Suite struct RegistryTests {
    static func write(_ json: String) throws -> String {
        let path = Support.scratch.appendingPathComponent("registry-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a user's registry adds a speaker id and merges over the bundled one")
    func merge() throws {
        let path = try Self.write(#"{"speakers": [{"id": "agnes-varga", "name": "Ágnes Varga", "aliases": ["Agnes Varga"], "gender": "f", "language": "hu"}]}"#)
        let registry = try Registry.bundled(merging: path)
        let extractor = try QuoteExtractor(registry: registry)
        let result = try extractor.extract(id: "t", source: SourceText("«Nous verrons», a déclaré Agnes Varga."))
        #expect(result.quotes.first?.attribution.speaker?.id == "agnes-varga")
        // The bundled entries are still there.
        #expect(registry.entries.contains { $0.id == "sergey-lavrov" })
    }

    @Test("a speaker not in any registry is still attributed, without an id")
    func unknown() throws {
        let quote = try #require(try Support.quotes("«Nous verrons», a déclaré Jonas Lindqvist.").first)
        #expect(quote.attribution.speaker?.name == "Jonas Lindqvist")
        #expect(quote.attribution.speaker?.id == nil)
    }

    @Test("a malformed registry names the file and the problem", arguments: [
        (#"{"speakers": [{"name": "X"}]}"#, ":1:15: missing \"id\" at .speakers[0]"),
        (#"{"speakers": [{"id": "", "name": "X"}]}"#, ": speaker 1 needs a non-empty id and name"),
        (#"{"speakers": [{"id": "a", "name": "A",}]}"#, ":1:39: not valid JSON: expected a quoted key"),
    ])
    func malformed(json: String, message: String) throws {
        let path = try Self.write(json)
        #expect(throws: RegistryError.self) { try Registry.load(URL(fileURLWithPath: path)) }
        do { _ = try Registry.load(URL(fileURLWithPath: path)) } catch let error as RegistryError {
            #expect(error.description == "\(path)\(message)")
        }
    }

    static let lavrov = Registry.Entry(id: "sergey-lavrov", name: "Sergueï Lavrov", aliases: ["Sergey Lavrov"], native: "Сергей Лавров",
                                       gender: "m", roles: nil, country: "RU", language: "ru")
    static let store = Registry.Entry(id: "jonas-gahr-store", name: "Jonas Gahr Støre", aliases: nil, native: nil,
                                      gender: "m", roles: nil, country: "NO", language: "no")
    /// A Latin name with a letter folded through the transliterator (ŋ), at load.
    static let anngel = Registry.Entry(id: "maret-anngel", name: "Máret Áŋŋel", aliases: nil, native: nil,
                                       gender: "f", roles: nil, country: "NO", language: "se")

    @Test("names meet through folding, native spellings on first need", arguments: [
        ("Sergueï Lavrov", "sergey-lavrov", false),
        ("SERGEY LAVROV", "sergey-lavrov", false),
        ("Сергей Лавров", "sergey-lavrov", true),
        ("Jonas Gahr Støre", "jonas-gahr-store", false),
        ("Jonas Gahr Store", "jonas-gahr-store", false),
        ("Maret Annel", "maret-anngel", false),
        // The transliteration of a native spelling is no alias (README, Known limits).
        ("Sergej Lavrov", nil, false),
        ("Vladimir Poutine", nil, false),
    ] as [(String, String?, Bool)])
    func lookup(name: String, id: String?, indexesNativeNames: Bool) {
        let registry = Registry(entries: [Self.lavrov, Self.store, Self.anngel])
        let folding = Folding()
        #expect(registry.lookup(fullName: name, folding: folding)?.id == id)
        #expect(registry.nativeNamesIndexed == indexesNativeNames)
        #expect(folding.hasOpenedTransliterator == indexesNativeNames)
    }

    @Test("a surname in another script finds its one entry")
    func nativeSurname() {
        let registry = Registry(entries: [Self.lavrov, Self.store])
        #expect(registry.lookup(surname: "Лавров", folding: Folding())?.id == "sergey-lavrov")
        #expect(registry.lookup(surname: "Lavrov", folding: Folding())?.id == "sergey-lavrov")
    }

    @Test("a Latin spelling answers the same before and after the native names are indexed")
    func lateIndexChangesNoLatinAnswer() {
        let registry = Registry(entries: [Self.lavrov])
        let folding = Folding()
        #expect(registry.lookup(fullName: "Sergej Lavrov", folding: folding) == nil)
        #expect(registry.lookup(fullName: "Сергей Лавров", folding: folding)?.id == "sergey-lavrov")
        #expect(registry.nativeNamesIndexed)
        #expect(registry.lookup(fullName: "Sergej Lavrov", folding: folding) == nil)
    }

    @Test("threads sharing a registry find native names while it indexes them")
    func concurrentNativeLookups() throws {
        let registry = Registry(entries: try Registry.bundled().entries)
        #expect(!registry.nativeNamesIndexed)
        let found = LockedCount()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let folding = Folding()
            let name = i.isMultiple(of: 2) ? "Сергей Лавров" : "Владимир Путин"
            let id = i.isMultiple(of: 2) ? "sergey-lavrov" : "vladimir-putin"
            if registry.lookup(fullName: name, folding: folding)?.id == id { found.add() }
        }
        #expect(found.value == 8)
        #expect(registry.nativeNamesIndexed)
    }

    @Test("no Corpus article opens a transliterator, not even for a mention with guillemets or no-break spaces; a name in Cyrillic finds its registry entry")
    func latinRunOpensNoTransliterator() throws {
        // A registry of its own: the bundled one is shared by the process, and other tests index its native names.
        let registry = Registry(entries: try Registry.bundled().entries)
        let extractor = try QuoteExtractor(registry: registry)
        // Quotes in Arabic script are never folded; mentions that hold
        // typographic punctuation ("les laboratoires « désertent »") are folded without one.
        for article in try Support.articles() {
            _ = try extractor.extract(id: article.lastPathComponent, source: SourceText(try String(contentsOf: article, encoding: .utf8)))
        }
        let cavusoglu = try extractor.extract(id: "t", source: SourceText("«Nous ne céderons pas», a déclaré Mevlüt Çavuşoğlu."))
        #expect(cavusoglu.quotes.first?.translation?.speakerNames == ["Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"])
        #expect(extractor.openedTransliterators == 0)
        #expect(!registry.nativeNamesIndexed)

        let cyrillic = registry.lookup(fullName: "Сергей Лавров", folding: Folding())
        #expect(cyrillic?.id == "sergey-lavrov")
        #expect(registry.nativeNamesIndexed)
    }
}

extension RegistryTests {
    @Test("a folded name's surname is its last word between spaces", arguments: [
        ("sergej lavrov", "lavrov"), ("lavrov", "lavrov"), ("jean  pierre dupont ", "dupont"), (" dupont", "dupont"),
        ("   ", nil), ("", nil), ("jean-luc melenchon", "melenchon"), ("elmar məmmədov", "məmmədov"),
        ("jean e\u{301}cole", "e\u{301}cole"),
    ] as [(String, String?)])
    func surname(key: String, surname: String?) {
        #expect(Registry.NameIndex.lastWord(key).map(String.init) == surname)
        // The same word as splitting the key into words.
        #expect(Registry.NameIndex.lastWord(key).map(String.init) == key.split(separator: " ").last.map(String.init))
    }
}

/// A counter threads add to.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
