import Testing
@testable import Quotes

/// A word table's identity says which words it numbers: a table that gains
/// a word must not keep an identity that another table, or a reader that
/// took the identity earlier (``VocabularyIDs``), still holds.
@Suite struct WordTableIdentityTests {
    static func insert(_ word: String, into table: inout WordTable) -> WordID {
        Array(word.utf8).withUnsafeBufferPointer { table.insert($0).id }
    }

    @Test("a table that gains a word takes a new identity when the old one is held elsewhere", arguments: [
        (["le", "la"], "les"), (["ministre"], "ministre"), ([], "été"), (["é", "e"], "è"),
    ])
    func identity(words: [String], added: String) {
        let original = WordTable(words)
        var copy = original
        let isNew = !words.contains(added)
        _ = Self.insert(added, into: &copy)
        // A copy shares the identity: once it differs in words, it must differ in identity.
        #expect((copy.identity === original.identity) == !isNew)
        #expect(original.count == Set(words).count)
        #expect(copy.count == Set(words + [added]).count)

        // A reader holding the identity, as VocabularyIDs does.
        var table = WordTable(words)
        let held = table.identity
        _ = Self.insert(added, into: &table)
        #expect((table.identity === held) == !isNew)

        // Held by the table alone: the words it numbered keep their ids, whatever its identity.
        var alone = WordTable(words)
        let id = Self.insert(added, into: &alone)
        #expect(alone.id(added) == id)
        for word in words { #expect(alone.id(word) == original.id(word)) }
    }
}
