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
}
