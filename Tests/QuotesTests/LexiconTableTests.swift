import Testing
@testable import Quotes

/// The TSV reader under every lexicon: fields, comments, blank lines, CRLF,
/// and the `file:line:column` of each malformed row.
@Suite struct LexiconTableTests {
    @Test("rows are read field by field")
    func reads() throws {
        let text = "# comment\n\nsoutenir\tspeech\t-\r\n  \t \nélu\tm\tsg\n"
        let rows = try LexiconTable.rows(text, file: "t.tsv", columns: 3)
        #expect(rows.map(\.line) == [3, 5])
        #expect(rows.map { Array($0.fields) } == [["soutenir", "speech", "-"], ["élu", "m", "sg"]])
        #expect(rows[0].field(2) == "")
    }

    @Test("a list field is cut at every comma, empty items kept; - is no list", arguments: [
        ("a,b,c", ["a", "b", "c"]), ("dire", ["dire"]), ("-", []), ("a,,b", ["a", "", "b"]), ("a,", ["a", ""]),
        (",a", ["", "a"]), (",", ["", ""]), ("élu,député·e,Ça", ["élu", "député·e", "Ça"]),
    ])
    func lists(field: String, items: [String]) {
        let row = LexiconRow(file: "t.tsv", line: 1, fields: ["x", field])
        #expect(row.list(1) == items)
        // What cutting the field's bytes with the standard split gives.
        #expect(row.list(1) == (field == "-" ? [] : field.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String(Substring($0)) }))
    }

    @Test("a one-per-line file: entries trimmed of spaces and tabs, a tab inside is an error")
    func entries() throws {
        let entries = try LexiconTable.entries("# c\nmot\n\n  autre mot\t\n\tété \n", file: "t.txt")
        #expect(entries.map(\.line) == [2, 4, 5])
        #expect(entries.map(\.value) == ["mot", "autre mot", "été"])
        do {
            _ = try LexiconTable.entries("mot\nun\tdeux\n", file: "t.txt")
            Issue.record("a tab inside an entry was accepted")
        } catch {
            #expect(error.description == "t.txt:2: one entry a line, no tabs")
        }
    }

    @Test("malformed rows name file, line and field", arguments: [
        ("a\tb\n", "t.tsv:1: expected 3 tab-separated fields, found 2"),
        ("# c\na\tb\tc\td\n", "t.tsv:2: expected 3 tab-separated fields, found 4"),
        ("a\t\tc\n", "t.tsv:1:2: empty field (write - for none)"),
        ("a\tb\tc \n", "t.tsv:1:3: space around the field"),
        ("a\tb\tc\n é\tb\tc\n", "t.tsv:2:1: space around the field"),
    ])
    func errors(text: String, message: String) {
        #expect(throws: LexiconError.self) { try LexiconTable.rows(text, file: "t.tsv", columns: 3) }
        do {
            _ = try LexiconTable.rows(text, file: "t.tsv", columns: 3)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("with orMore, a row may have more fields than the columns, never fewer", arguments: [
        ("a\tb\tc\n", [["a", "b", "c"]], nil),
        ("a\tb\tc\td\te\n", [["a", "b", "c", "d", "e"]], nil),
        // Rows of several widths share one array of fields: each reads its own run.
        ("a\tb\tc\td\n# x\ne\tf\tg\n\nh\ti\tj\tk\tl\nm\tn\to\n", [["a", "b", "c", "d"], ["e", "f", "g"], ["h", "i", "j", "k", "l"], ["m", "n", "o"]], nil),
        ("a\tb\n", nil, "t.tsv:1: expected 3 tab-separated fields at least, found 2"),
        ("a\tb\tc\t\n", nil, "t.tsv:1:4: empty field (write - for none)"),
    ] as [(String, [[String]]?, String?)])
    func orMore(text: String, fields: [[String]]?, message: String?) {
        do {
            let rows = try LexiconTable.rows(text, file: "t.tsv", columns: 3, orMore: true)
            #expect(fields.map { fields in rows.map { Array($0.fields) } == fields } ?? false)
            #expect(rows.map(\.fields.count) == fields?.map(\.count))
            // The last fields as a list, for each start a row has.
            for (row, expected) in zip(rows, fields ?? []) {
                for start in 0...expected.count { #expect(row.fields.from(start) == Array(expected[start...])) }
            }
            #expect(message == nil)
        } catch {
            #expect(error.description == message)
        }
    }
}
