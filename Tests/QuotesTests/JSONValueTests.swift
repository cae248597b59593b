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

    /// The rule spelled out scalar by scalar.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` as each writer writes it: from the string's UTF-8, and from its
    /// scalars (a quote's words read out of its document).
    static func written(_ text: String) -> [String] {
        var fromString = ByteSink(capacity: 1)
        JSONValue.writeString(text, into: &fromString)
        var fromScalars = ByteSink(capacity: 1)
        Array(text.unicodeScalars).withUnsafeBufferPointer { JSONValue.writeString(scalars: $0, into: &fromScalars) }
        return [String(decoding: fromString.bytes(), as: UTF8.self), String(decoding: fromScalars.bytes(), as: UTF8.self)]
    }

    /// Every scalar up to U+3000 (each UTF-8 width, the bytes around the
    /// backslash and E2, which starts U+2028 and U+2029), alone, between
    /// letters, and at each of the nine places a text of 8-byte words can hold it
    /// (the writers take eight plain bytes, or scalars, at once), against the reference.
    @Test func everyScalarEscapesByTheRule() {
        var wrong: [UInt32] = []
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var texts = [String(scalar), "a" + String(scalar) + "b"]
            for before in 0...8 {
                texts.append(String(repeating: "a", count: before) + String(scalar) + String(repeating: "b", count: 17 - before))
            }
            for text in texts where Self.written(text).contains(where: { $0 != Self.reference(text) }) { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "first: \(wrong.prefix(5).map { String($0, radix: 16) })")
    }

    /// Long texts with escapes close together and far apart, the same bytes as the reference from either writer.
    @Test("long texts", arguments: [
        String(repeating: "«Nous irons», a-t-il dit. ", count: 40),
        String(repeating: "x", count: 31) + "\"\\\n\u{2028}" + String(repeating: "é", count: 20) + "\t",
        String(repeating: "\u{2019}\u{2026}\u{2029}ab\u{1}", count: 30),
        String(repeating: "ab\"", count: 50),
        String(repeating: "Ça🙂 va\u{10FFFF}.", count: 12),
        // Past the 4,096 scalars the scalar writer sets room aside for at a time, escapes on either side.
        String(repeating: "é", count: 4093) + "\u{2028}\"\u{1}" + String(repeating: "abcdefgh", count: 3) + "\u{1F600}",
        String(repeating: "a", count: 4095) + "\u{2029}" + String(repeating: "\u{1}", count: 4100),
    ])
    func longTexts(text: String) {
        #expect(Self.written(text) == [Self.reference(text), Self.reference(text)])
    }
}
