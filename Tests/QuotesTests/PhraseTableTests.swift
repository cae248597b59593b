import Testing
@testable import Quotes

/// Multiword entries: longest first, the first inserted among equals, the
/// same answers by keys and by word ids once compiled.
@Suite struct PhraseTableTests {
    static func table() -> PhraseTable<Int> {
        var table = PhraseTable<Int>()
        table.insert("chef", 1)
        table.insert("chef de l'État", 2)
        table.insert("chef du gouvernement", 3)
        table.insert("chef de file", 4)
        table.insert("chef d'orchestre", 5)
        table.insert("Chef de l’État", 6)   // the same keys as 2, inserted later
        table.insert("porte-parole", 7)
        return table
    }

    @Test("the longest entry wins, and the first inserted among entries as long", arguments: [
        ("le chef de l'État a dit", 1, 2, 4),
        ("le chef du gouvernement", 1, 3, 3),
        ("le chef de file", 1, 4, 3),
        ("le chef d'orchestre", 1, 5, 3),   // chef, d', orchestre
        ("le chef de la police", 1, 1, 1),
        ("la porte-parole", 1, 7, 3),
        ("le chef", 1, 1, 1),
        ("le sous-chef", 1, nil, nil),
    ] as [(String, Int, Int?, Int?)])
    func match(text: String, at start: Int, value: Int?, length: Int?) {
        var table = Self.table()
        let keys = PhraseTable<Int>.split(text)
        let byKeys = table.match(keys, at: start)
        #expect(byKeys?.value == value)
        #expect(byKeys?.length == length)
        // Compiled, over word ids: the same answer.
        let words = WordTable(table.words + keys)
        table.compile(words)
        let byIDs = table.match(words: keys.map { words.id($0) }, at: start)
        #expect(byIDs?.value == value)
        #expect(byIDs?.length == length)
    }

    @Test("an entry inserted after compiling is found once compiled again")
    func insertAfterCompile() {
        var table = Self.table()
        table.compile(WordTable(table.words))
        table.insert("chef de l'État major", 8)
        let keys = PhraseTable<Int>.split("chef de l'État major")
        let words = WordTable(table.words + keys)
        table.compile(words)
        #expect(table.match(words: keys.map { words.id($0) }, at: 0)?.value == 8)
        #expect(table.match(keys, at: 0)?.value == 8)
    }

    @Test("the first key is the first of the split", arguments: [
        "L'organisation", "le syndicat", "La Commission", "les ONG", "  Les  agences ", "l’agence", "jusqu'au bout",
        "-le", "Saint-Denis", "M. Dupont", ", la", "Lorsqu'il", "l'", "", "   ", "ÉTAT", "aujourd'hui",
    ])
    func firstKey(phrase: String) {
        #expect(PhraseTable<Int>.firstKey(phrase) == PhraseTable<Int>.split(phrase).first)
    }
}
