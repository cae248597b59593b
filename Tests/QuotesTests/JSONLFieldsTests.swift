import Foundation
import Testing
@testable import Quotes

/// The one-pass reading of a JSONL line against Foundation's parser: the
/// lines it takes give the strings Foundation gives; the lines it declines
/// go to Foundation, and the reader's answer is Foundation's.
@Suite struct JSONLFieldsTests {
    /// Foundation's reading of a line's `id` and `text` (both strings), as the reader did before.
    static func foundation(_ line: String) -> (id: String?, text: String)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]),
              let record = object as? [String: Any], let text = record["text"] as? String else { return nil }
        if record["id"] == nil { return (nil, text) }
        guard let id = record["id"] as? String else { return nil }
        return (id, text)
    }

    @Test(arguments: [
        #"{"id":"a1","text":"«Oui», dit-il."}"#,
        #"{"text":"sans id"}"#,
        "  { \"id\" : \"a\" ,\t\"text\" : \"b\" }\r ",
        #"{"text":"","id":""}"#,
        #"{"id":"x","lang":"fr","text":"autre clé ignorée"}"#,
        #"{"id":"é","text":"\u00abOui\u00bb, \"dit\" \\ \/ \b\f\n\r\t fin"}"#,
        #"{"id":"s","text":"\ud83d\ude00 et \uD83D\uDE00"}"#,
        #"{"id":"u","text":"\u00E9 mixte \u00e9"}"#,
        #"{"id":"k","text":"Сергей Лавров ☃ 😀"}"#,
        #"{"id":"z","text":"\""}"#,
        #"{"id":"w","text":"a\u0301"}"#,
    ])
    func takes(line: String) throws {
        let fields = try #require(JSONLFields(Array(line.utf8)[...]))
        let expected = try #require(Self.foundation(line))
        #expect(fields.id.map { Array($0.utf8) } == expected.id.map { Array($0.utf8) })
        #expect(fields.text.scalars == Array(expected.text.unicodeScalars))
    }

    /// The reader skips plain bytes eight at a time: an escape, a closing
    /// quote or a control character at any offset of a word is still met
    /// where it stands, after ASCII or multi-byte text.
    @Test(arguments: [#"\""#, #"\\"#, #"\n"#, #"\u00e9"#, "\u{1}", ""])
    func stopsAtEveryOffset(stop: String) {
        for prefix in ["", "é", "«", "😀"] {
            for length in 0..<20 {
                let line = "{\"id\":\"o\",\"text\":\"" + prefix + String(repeating: "a", count: length) + stop + "xyz\"}"
                let fields = JSONLFields(Array(line.utf8)[...])
                if stop == "\u{1}" {
                    // A raw control character is declined (and left to Foundation).
                    #expect(fields == nil, "\(line)")
                } else {
                    #expect(fields.map(\.text.scalars) == Self.foundation(line).map { Array($0.text.unicodeScalars) }, "\(line)")
                    #expect(fields?.text.scalars.suffix(3) == ["x", "y", "z"], "\(line)")
                }
            }
        }
    }

    @Test(arguments: [
        #"{"id":7,"text":"x"}"#,                 // a value that is not a string
        #"{"id":"a","text":null}"#,
        #"{"id":"a","meta":{"k":"v"},"text":"x"}"#,
        #"{"id":"a"}"#,                          // no text
        #"{}"#,
        #"{"text":"a","text":"b"}"#,             // a key twice
        #"{"te\u0078t":"a"}"#,                   // an escaped key
        #"{"text":"\u0000"}"#,                   // U+0000
        #"{"text":"\ud83d"}"#,                   // lone surrogates
        #"{"text":"\ude00x"}"#,
        #"{"text":"\ud83d\u0041"}"#,
        #"{"text":"\x"}"#,                       // unknown escape
        #"{"text":"\u12"}"#,
        "{\"text\":\"a\u{1}b\"}",                // a control character
        #"{"text":"a"} x"#,                      // trailing bytes
        #"{"text":"a",}"#,
        #"{"text":"a""#,
        #"["text","a"]"#,
        #""text""#,
        "\u{FEFF}{\"text\":\"a\"}",
    ])
    func declines(line: String) {
        #expect(JSONLFields(Array(line.utf8)[...]) == nil)
    }

    /// Up to ``JSONLFields/maxKeys`` keys are taken; a line of more goes to
    /// Foundation (and is still read), so that many keys cost linear time.
    @Test(arguments: [2, JSONLFields.maxKeys, JSONLFields.maxKeys + 1, 5_000])
    func manyKeys(count: Int) {
        let extra = (0..<(count - 1)).map { #""k\#($0)":"v""# }.joined(separator: ",")
        let line = Array(("{" + extra + #","text":"corps"}"#).utf8)[...]
        #expect((JSONLFields(line) != nil) == (count <= JSONLFields.maxKeys))
        guard case .success(let document)? = JSONLReader.document(line: line, location: "f:1") else {
            Issue.record("line of \(count) keys not read")
            return
        }
        #expect(document.text == "corps")
    }

    /// Bytes that are not UTF-8 inside a string: declined, and the reader
    /// names the line. In the text (read straight into scalars), alone or
    /// after an escape (read from a decoded copy), and in the id.
    @Test(arguments: [
        (#"{"text":""#, #""}"#),
        (#"{"text":"\u00e9 "#, #" fin"}"#),
        (#"{"text":"abcdefgh "#, #"\n"}"#),
        (#"{"id":""#, #"","text":"a"}"#),
        (#"{"text":"a","id":"\"x"#, #""}"#),
        (#"{"meta":""#, #"","text":"a"}"#),
    ])
    func invalidUTF8(before: String, after: String) {
        let line = Array(before.utf8) + [0xC3, 0x28] + Array(after.utf8)
        #expect(JSONLFields(line[...]) == nil)
        guard case .failure(let error)? = JSONLReader.document(line: line[...], location: "in.jsonl:3") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.location == "in.jsonl:3")
        #expect(error.message == "line is not valid UTF-8")
    }

    /// Every line, taken or declined, reads as the reader read it through Foundation alone.
    @Test(arguments: [
        #"{"id":"a1","text":"«Oui»"}"#,
        #"{"text":"sans id"}"#,
        #"{"id":7,"text":"x"}"#,
        #"{"id":"a","meta":[1,2],"text":"\ud83d\ude00"}"#,
        #"{"text":"a","text":"b"}"#,
        #"{"id":"a"}"#,
    ])
    func reader(line: String) {
        let read = JSONLReader.document(line: Array(line.utf8)[...], location: "f:1")
        switch (read, Self.foundation(line)) {
        case (.success(let document)?, let expected?):
            #expect(document.id == (expected.id ?? "f:1"))
            #expect(document.text.map { Array($0.utf8) } == Array(expected.text.utf8))
        case (.failure?, nil):
            break
        default:
            Issue.record("reader and Foundation disagree on \(line)")
        }
    }
}
