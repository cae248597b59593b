import Testing
@testable import Quotes

/// ICU's converters through ``Converter``: the bytes that differ between
/// the Western European sets, names, and where decoding stops.
@Suite struct ConverterTests {
    @Test("bytes of French text in each set", arguments: [
        ("windows-1252", [0x80, 0x92, 0x9C, 0xAB, 0xA0, 0xE9, 0xBB], "€’œ«\u{A0}é»"),
        ("ISO-8859-15", [0xA4, 0xBD, 0xBC, 0xAB, 0xE9, 0xBB], "€œŒ«é»"),
        ("ISO-8859-1", [0xA4, 0xBD, 0xAB, 0xE9, 0x85], "¤½«é\u{85}"),
        ("macintosh", [0x8E, 0x8F, 0x88, 0xC7, 0xCA, 0xC8, 0xCF, 0xD5], "éèà«\u{A0}»œ’"),
        ("UTF-16BE", [0x00, 0xAB, 0x00, 0xE9, 0xD8, 0x3D, 0xDE, 0x00], "«é😀"),
        ("UTF-16LE", [0xAB, 0x00, 0xE9, 0x00], "«é"),
        ("UTF-32LE", [0xAB, 0x00, 0x00, 0x00, 0x00, 0xF6, 0x01, 0x00], "«😀"),
        ("UTF-8", [0xC2, 0xAB, 0xC3, 0xA9], "«é"),
    ] as [(String, [UInt8], String)])
    func decode(charset: String, bytes: [UInt8], expected: String) throws {
        let output = try Converter(charset).decode(bytes, lossy: false)
        #expect(String(decoding: output.utf16, as: UTF16.self) == expected)
        #expect(output.invalid == nil && output.replaced == 0)
    }

    @Test("strict decoding stops at the first bad sequence; lossy replaces each", arguments: [
        ("UTF-16LE", [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], 2, [0x00, 0xD8], "A\u{FFFD}B"),   // lone high surrogate
        ("UTF-16LE", [0x41, 0x00, 0x42], 2, [0x42], "A\u{FFFD}"),                           // cut short
        ("UTF-32LE", [0x41, 0, 0, 0, 0, 0, 0x11, 0, 0x42, 0, 0, 0], 4, [0, 0, 0x11, 0], "A\u{FFFD}B"),   // above U+10FFFF
        ("US-ASCII", [0x41, 0xE9, 0x42], 1, [0xE9], "A\u{FFFD}B"),
        ("Shift_JIS", [0x41, 0x82, 0x20, 0x43], 1, [0x82], "A\u{FFFD} C"),
        ("UTF-8", [0x41, 0xC3, 0x28, 0xFF], 1, [0xC3], "A\u{FFFD}(\u{FFFD}"),
    ] as [(String, [UInt8], Int, [UInt8], String)])
    func invalid(charset: String, bytes: [UInt8], offset: Int, sequence: [UInt8], lossy: String) throws {
        let converter = try Converter(charset)
        let strict = try converter.decode(bytes, lossy: false)
        #expect(strict.invalid == Converter.InvalidBytes(offset: offset, bytes: sequence))
        let replaced = try converter.decode(bytes, lossy: true)
        #expect(String(decoding: replaced.utf16, as: UTF16.self) == lossy)
        #expect(replaced.replaced == lossy.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
        #expect(replaced.invalid?.offset == offset)
    }

    @Test("the names people use, from any alias", arguments: [
        ("latin9", "ISO-8859-15"), ("cp1252", "windows-1252"), ("Windows-1252", "windows-1252"), ("mac", "macintosh"),
        ("x-mac-roman", "macintosh"), ("utf16le", "UTF-16LE"), ("utf8", "UTF-8"), ("iso88591", "ISO-8859-1"), ("latin1", "ISO-8859-1"),
    ])
    func names(alias: String, name: String) throws {
        #expect(Converter.name(for: alias) == name)
        #expect(try Converter(alias).name == name)
    }

    @Test("an unknown name fails to open and has no name")
    func unknown() {
        #expect(Converter.name(for: "latin-99") == nil)
        #expect(Converter.name(for: "") == nil)
        #expect(throws: ICUError.self) { try Converter("latin-99") }
        #expect(throws: ICUError.self) { try Converter("") }   // not the platform's default converter
        #expect(Converter.knownNames.contains("windows-1252"))
        #expect(Converter.knownNames.count > 200)
    }

    @Test("a large input needs no second try and decodes whole")
    func large() throws {
        let text = String(repeating: "«\u{A0}Déjà vu\u{A0}», a-t-il dit. ", count: 20_000)
        let output = try Converter("UTF-16LE").decode(Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, lossy: false)
        #expect(String(decoding: output.utf16, as: UTF16.self) == text)
    }
}
