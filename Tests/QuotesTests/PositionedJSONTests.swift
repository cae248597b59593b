import Testing
@testable import Quotes

/// Strings and places in the JSON reader behind gold and registry files.
@Suite struct PositionedJSONTests {
    /// Each document is an array whose second element sits after a string:
    /// its column says where the reader stood once the string was read.
    @Test("strings read whole, with or without escapes, and the place after them", arguments: [
        (#"["abc", 1]"#, "abc", 9),
        (#"["", 1]"#, "", 6),
        (#"["Çavuşoğlu à Sotchi", 1]"#, "Çavuşoğlu à Sotchi", 24),
        (#"["a\"b", 1]"#, "a\"b", 10),
        (#"["tab\tfin", 1]"#, "tab\tfin", 14),
        (#"["\u00e9t\u00E9", 1]"#, "été", 19),
        (#"["\ud83d\ude00!", 1]"#, "😀!", 19),
        (#"["slash\/", 1]"#, "slash/", 13),
        (#"["é\nà", 1]"#, "é\nà", 10),
        (#"["«\u00ab»", 1]"#, "««»", 14),
    ])
    func strings(text: String, value: String, nextColumn: Int) throws {
        let parsed = try PositionedJSON.parse(text)
        let items = try #require(parsed.array)
        #expect(items[0].string == value)
        #expect(items[1].column == nextColumn)
        #expect(items[1].line == 1)
    }

    /// Every syntax error of the reader behind gold and registry files, with its place.
    @Test("a syntax error names its place", arguments: [
        ("[\"abc", 1, 6, "unterminated string"),
        ("[\n  \"ab\u{01}c\"]", 2, 6, "control character in a string"),
        ("[\"ab\\q\"]", 1, 7, "invalid escape \\q"),
        ("[\"\\ud83d\"]", 1, 9, "lone surrogate in \\u escape"),
        ("[\"é\\q\"]", 1, 6, "invalid escape \\q"),
        ("[\"\\é\"]", 1, 5, "invalid escape \\é"),
        ("[«]", 1, 2, "unexpected character '«'"),
        ("{\"é\": 1, \"é\": 2}", 1, 15, "duplicate key \"é\""),
        ("[\"Ça\", tru]", 1, 11, "invalid literal, expected true"),
        ("[\"\\u00zz\"]", 1, 7, "invalid \\u escape"),
        ("{\"a\": 1,}", 1, 9, "expected a quoted key"),
        ("{\n  \"a\": [1, 2\n}", 3, 1, "expected ',' or ']'"),
        ("{\"a\": \"x\ny\"}", 1, 9, "control character in a string"),
        ("{\"a\": tru}", 1, 10, "invalid literal, expected true"),
        ("{\"a\": \"\\x\"}", 1, 10, "invalid escape \\x"),
        ("{\"a\": 1} x", 1, 10, "unexpected text after the JSON value"),
        ("{\"a\": ", 1, 7, "unexpected end of file"),
    ] as [(String, Int, Int, String)])
    func broken(text: String, line: Int, column: Int, message: String) {
        #expect(throws: PositionedJSON.SyntaxError(line: line, column: column, message: message)) {
            try PositionedJSON.parse(text)
        }
    }
}
