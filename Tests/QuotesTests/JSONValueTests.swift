import Testing
@testable import Quotes

/// JSON strings as the exporters write them: escapes where JSON needs them,
/// every other scalar copied as UTF-8.
@Suite struct JSONValueTests {
    @Test("string escapes", arguments: [
        ("plain", #""plain""#),
        ("«Oui», a-t-il dit", #""«Oui», a-t-il dit""#),
        ("say \"no\"", #""say \"no\"""#),
        (#"a\b"#, #""a\\b""#),
        ("line\r\nnext", #""line\r\nnext""#),
        ("\r\n", #""\r\n""#),
        ("tab\there", #""tab\there""#),
        ("bell\u{7}nul\u{0}", #""bell\u0007nul\u0000""#),
        ("sep\u{2028}para\u{2029}", #""sep\u2028para\u2029""#),
        ("é\u{301}\"", #""é́\"""#),
        ("\u{2026}\u{2019}\u{20AC}", "\"\u{2026}\u{2019}\u{20AC}\""),
        ("", #""""#),
    ])
    func escapes(text: String, expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }
}
