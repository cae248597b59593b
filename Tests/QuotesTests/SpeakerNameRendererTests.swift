import Testing
@testable import Quotes

/// Name renderings from ICU transliteration, for registry speakers.
@Suite struct SpeakerNameRendererTests {
    static func entry(_ name: String, native: String?, language: String?) -> Registry.Entry {
        Registry.Entry(id: "x", name: name, aliases: nil, native: native, gender: nil, roles: nil, country: nil, language: language)
    }

    @Test(arguments: [
        (entry("Sergueï Lavrov", native: "Сергей Лавров", language: "ru"), ["Сергей Лавров", "Sergey Lavrov", "Sergej Lavrov", "Sergueï Lavrov"]),
        (entry("Mevlut Cavusoglu", native: "Mevlüt Çavuşoğlu", language: "tr"), ["Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"]),
        (entry("Volodymyr Zelensky", native: "Володимир Зеленський", language: "uk"), ["Володимир Зеленський", "Volodymyr Zelensʹkyy", "Volodimir Zelensʹkij", "Volodimir Zelens'kij", "Volodymyr Zelensky"]),
        (entry("Anna Dupont", native: nil, language: "fr"), ["Anna Dupont"]),
        (entry("Lech Wałęsa", native: nil, language: "pl"), ["Lech Wałęsa", "Lech Walesa"]),
        // Unvocalized Arabic: BGN leaves Arabic letters, so only Any-Latin and ASCII remain.
        (entry("Khalifa Haftar", native: "خليفة حفتر", language: "ar"), ["خليفة حفتر", "Kẖlyfẗ Ḥftr", "Khlyft Hftr", "Khalifa Haftar"]),
    ] as [(Registry.Entry, [String])])
    func render(entry: Registry.Entry, names: [String]) {
        #expect(SpeakerNameRenderer().render(entry) == names)
    }

    @Test("Latin names need no transliterator; other names open theirs on first use", arguments: [
        (entry("Mevlut Cavusoglu", native: "Mevlüt Çavuşoğlu", language: "tr"), 0),
        (entry("Anna Dupont", native: nil, language: "fr"), 0),
        // ł has no decomposition: the ASCII spelling comes from `Any-Latin; Latin-ASCII`.
        (entry("Lech Wałęsa", native: nil, language: "pl"), 1),
        // ru BGN, Any-Latin, and Any-Latin; Latin-ASCII.
        (entry("Sergueï Lavrov", native: "Сергей Лавров", language: "ru"), 3),
    ] as [(Registry.Entry, Int)])
    func opened(entry: Registry.Entry, transliterators: Int) {
        let renderer = SpeakerNameRenderer()
        #expect(renderer.openedTransliterators == 0)
        _ = renderer.render(entry)
        #expect(renderer.openedTransliterators == transliterators)
    }

    @Test("a script ICU romanizes by BGN rules for the speaker's language", arguments: [
        ("Нино Беридзе", "ru", "Nino Beridze"),
        ("ნინო ბერიძე", "ka", "Nino Beridze"),
    ])
    func bgn(native: String, language: String, expected: String) {
        let names = SpeakerNameRenderer().render(Self.entry("x", native: native, language: language))
        #expect(names.first == native)
        #expect(names.contains(expected))
    }

    @Test("the seed's registry speakers carry their renderings")
    func seed() throws {
        let quotes = try SeedAttributionTests.quotes()
        let lavrov = try #require(quotes.first { $0.attribution.speaker?.id == "sergey-lavrov" }?.translation)
        #expect(lavrov.speakerNames.prefix(2) == ["Сергей Лавров", "Sergey Lavrov"])
        let cavusoglu = try #require(quotes.first { $0.attribution.speaker?.id == "mevlut-cavusoglu" }?.translation)
        #expect(cavusoglu.speakerNames.prefix(2) == ["Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"])
    }
}
