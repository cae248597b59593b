import Testing
@testable import Quotes

/// `--encoding`: names ICU knows, `auto`, and helpful refusals.
@Suite struct InputEncodingTests {
    @Test("accepted values", arguments: [
        ("auto", InputEncoding.auto), ("AUTO", .auto),
        ("windows-1252", .named("windows-1252")), ("cp1252", .named("windows-1252")),
        ("latin9", .named("ISO-8859-15")), ("iso-8859-15", .named("ISO-8859-15")),
        ("macintosh", .named("macintosh")), ("utf-16le", .named("UTF-16LE")), ("UTF8", .named("UTF-8")),
        ("Shift_JIS", .named("Shift_JIS")),
    ])
    func accepted(argument: String, encoding: InputEncoding) throws {
        #expect(try InputEncoding(argument: argument) == encoding)
    }

    @Test("unknown names are refused with the likeliest spellings", arguments: [
        ("windos-1252", "windows-1252"), ("windows1525", "windows-1252"), ("windows-1225", "windows-1252"), ("iso-8859-51", "ISO-8859-15"),
        ("utf-61le", "UTF-16LE"), ("macintoch", "macintosh"),
    ])
    func suggested(argument: String, suggestion: String) {
        do {
            _ = try InputEncoding(argument: argument)
            Issue.record("\(argument) was accepted")
        } catch {
            #expect(error.suggestions.contains(suggestion), "\(error.suggestions)")
            #expect(error.suggestions.count <= 3)
            #expect(error.description.hasPrefix("unknown encoding '\(argument)' (did you mean "))
        }
    }

    @Test("a name like no other still lists common names")
    func noSuggestion() {
        #expect(throws: UnknownEncodingError(name: "xq", suggestions: [])) { try InputEncoding(argument: "xq") }
        #expect(UnknownEncodingError(name: "xq", suggestions: []).description
                == "unknown encoding 'xq'; give a name ICU knows, such as UTF-8, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1, ISO-8859-15, macintosh, or auto to detect each file's")
        #expect(throws: UnknownEncodingError.self) { try InputEncoding(argument: "") }
    }
}
