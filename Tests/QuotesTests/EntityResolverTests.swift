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

    /// Complements worked out when first asked are those of each mention
    /// computed up front: asked in any order, and again.
    @Test("complements worked out on demand")
    func complementsOnDemand() {
        let phrases: [(MentionKind, String)] = [
            (.role, "l'avocate de la victime"), (.name, "Jean de La Fontaine"), (.role, "le directeur"),
            (.organisation, "la Cour des comptes"), (.role, "le maire du village"), (.pronoun, "il"), (.role, "le président de"),
        ]
        let mentions = phrases.enumerated().map { i, phrase in
            Mention(kind: phrase.0, content: i..<(i + 1), range: (10 * i)..<(10 * i + 5), gender: .unknown, number: .singular,
                    text: phrase.1, roles: [], country: nil, hasHonorific: false, insideQuote: false, isWeak: false)
        }
        let upFront = mentions.map { $0.kind == .role ? EntityResolver.complement(of: $0.text) : nil }
        var complements = EntityResolver.Complements(count: mentions.count)
        for k in [4, 0, 1, 6, 4, 3, 2, 5, 0] {
            #expect(complements.of(k, mentions) == upFront[k])
        }
        #expect(upFront.compactMap { $0 } == ["la victime", "village"])
    }

    /// The recent entities, kept most recent last, read from the end, are
    /// those of a list kept most recent first: the last 64 touched, each once.
    @Test("recent entities, most recent first", arguments: [0, 1, 7, 64, 65, 300])
    func recent(entities: Int) {
        var lookups = EntityResolver.Lookups()
        var reference: [Int] = []
        var generator = SystemRandomNumberGenerator()
        for step in 0..<600 {
            // Runs of one entity, returns to recent ones, and new ones.
            let e = entities == 0 ? 0 : (step % 5 == 0 ? step % entities : Int.random(in: 0..<entities, using: &generator))
            lookups.touch(e)
            if reference.first != e {
                reference.removeAll { $0 == e }
                reference.insert(e, at: 0)
                if reference.count > 64 { reference.removeLast() }
            }
            #expect(Array(lookups.recent.reversed()) == reference, "step \(step)")
        }
        #expect(lookups.recent.count == min(max(entities, 1), 64))
    }

    /// An organisation's key loses its article as `hasPrefix` and
    /// `dropFirst` on characters would have it, marks after the article included.
    @Test("the key of an organisation without its article", arguments: [
        "le monde", "la commission europeenne", "les verts", "l'otan", "l'", "le ", "les", "lesbos", "la", "",
        "le \u{301}x", "l'\u{301}otan", "la\u{301} x", "les  verts", "l’otan", "le\u{A0}monde", "\u{301}le x", "le é",
    ])
    func withoutArticle(key: String) {
        let expected = ["le ", "la ", "les ", "l'"].first { key.hasPrefix($0) }.map { String(key.dropFirst($0.count)) } ?? key
        #expect(EntityResolver.withoutArticle(key) == expected)
    }
}
