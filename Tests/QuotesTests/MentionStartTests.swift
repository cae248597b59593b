import Testing
@testable import Quotes

/// The mention finder skips a lowercase token at once unless it is an
/// honorific, a determiner, a pronoun, a `celui`/`ce` form, or follows a
/// comma or `de`: each construction that starts on such a token must still
/// give its mention (read from `quotectl explain`'s lines).
@Suite struct MentionStartTests {
    @Test("mentions that start on a lowercase token", arguments: [
        ("Marc Lefort, directeur du port, a démenti toute fermeture.", #"role "directeur du port""#),
        ("Elle a ajouté qu'il viendrait mardi.", #"pronoun "il""#),
        ("Le suspect a été relâché, a-t-on appris de source judiciaire.", #"unnamed "source judiciaire""#),
        ("« Rien n'est joué », a déclaré celui qui dirige la mairie depuis six ans.", #"pronoun "celui""#),
        ("Paul Morel a croisé Jean Vidal au marché, et ce dernier a refusé de commenter.", #"pronoun "ce dernier""#),
        ("Au marché couvert, le maire a promis des travaux.", #"role "le maire""#),
        ("« Nous verrons », a répondu madame Girard devant le conseil.", #"entity 0: Girard [person, feminine"#),
        ("« Le courant est trop fort », explique un batelier néerlandais.", #""un batelier néerlandais""#),
    ])
    func lowercaseStart(sentence: String, expected: String) throws {
        let lines = try Support.extractor().explain(id: "test", source: SourceText("Titre\n\n" + sentence + "\n"))
        #expect(lines.contains { $0.contains(expected) }, "\(lines.filter { $0.hasPrefix("mention") || $0.hasPrefix("entity") })")
    }
}
