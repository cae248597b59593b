import Testing
@testable import Quotes

/// Folded names are split into words on bytes when ASCII; the answer is
/// what splitting the Characters gives.
@Suite struct EntityResolverTests {
    @Test("words of a folded name", arguments: [
        "sergei lavrov", "jean-luc melenchon", "  m.  le  pen ", "-a--b-", "", " ", "-",
        "abdel-fattah al-sissi", "line\r\nbreak", "mevlut cavusoglu", "сергей лавров", "e\u{301} -x", "a \u{301}b",
    ])
    func pieces(key: String) {
        #expect(EntityResolver.pieces(of: key, hyphens: false) == key.split(separator: " ").map(String.init))
        #expect(EntityResolver.pieces(of: key, hyphens: true)
                == key.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
    }

    /// The complement that tells two holders of one title apart.
    @Test("the complement of a role phrase", arguments: [
        ("l'avocate de la victime", "la victime"),
        ("L'avocate d'Emmanuel", "emmanuel"),
        ("l’avocate d’Emmanuel", "emmanuel"),
        ("le ministre des Affaires étrangères", "affaires étrangères"),
        ("le maire du village", "village"),
        ("le directeur", nil),
        ("la doyenne", nil),
        ("le président de", nil),
        ("le dessinateur", nil),
    ] as [(String, String?)])
    func complement(text: String, expected: String?) {
        #expect(EntityResolver.complement(of: text) == expected)
    }
}
