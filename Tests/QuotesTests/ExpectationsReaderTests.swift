import Testing
@testable import Quotes

@Suite struct ExpectationsReaderTests {
    @Test("well-formed expectations", arguments: [
        ("policies:\n  require_speaker: true\n", 0),
        ("documents:\n  - path: a.txt\n    quotes:\n      - text: \"Oui\"\n        speaker: Jean Dupont\n", 1),
        ("{\"documents\": [{\"path\": \"a.txt\", \"quotes\": [{\"start\": 3, \"end\": 9, \"speaker\": null}]}]}", 1),
    ])
    func wellFormed(yaml: String, quotes: Int) throws {
        let expectations = try ExpectationsReader.read(yaml, file: "e.yml")
        #expect(expectations.documents.reduce(0) { $0 + $1.quotes.count } == quotes)
    }

    @Test("malformed expectations say where and what", arguments: [
        ("documents:\n  - path: a.txt\n    quotes:\n      - speaker: X\n", "e.yml:4:9: a quote needs text (a piece of its words) or start and end"),
        ("documents:\n  - quotes: []\n", "e.yml:2:5: a document needs a path"),
        ("policies:\n  min_confidence: 2\n", "e.yml:2:19: min_confidence must be a number from 0 to 1"),
        ("documents:\n  - path: a.txt\n    quotes:\n      - text: \"x\"\n        kind: quote\n", "e.yml:5:15: kind must be one of direct, mixed, indirect, nonspeech"),
        ("documents:\n  - path: a.txt\n    quotes: []\n", "e.yml:1:1: no expectation and no policy: nothing to verify"),
        ("version: 2\npolicies:\n  require_speaker: true\n", "e.yml:1:10: version must be 1"),
        ("- just\n- a list\n", "e.yml:1:1: the file must be a mapping"),
        ("", "e.yml:1:1: the file is empty: it lists no expectation"),
        ("# only a note\n\n", "e.yml:1:1: the file is empty: it lists no expectation"),
        ("documents:\n  - path: a.txt\n    quotes:\n      - text: \"Oui\"\n  - path: b.txt\n", "e.yml:5:5: document b.txt lists no quote and no policy: nothing to check"),
        ("policies:\n  require_speaker: true\ndocuments:\n  - path: b.txt\n    policies: {}\n", "e.yml:4:5: document b.txt lists no quote and no policy: nothing to check"),
        ("documents:\n  - path: a.txt\n    quotes:\n      - text: \"  \"\n", "e.yml:4:15: text must not be empty"),
        ("documents:\n  - path: a.txt\n    quotes:\n      - text: \"Oui\"\n        start: 3\n", "e.yml:4:9: start and end go together"),
        ("policies:\n  require_speaker: true\n  require_speaker: false\n", "e.yml:3:3: duplicate key \"require_speaker\" (first at line 2)"),
        ("documents:\n  - path: a.txt\n    quotes:\n      - text: \"x\"\n        speaker: A\n        speaker: B\n",
         "e.yml:6:9: duplicate key \"speaker\" (first at line 5)"),
        ("policies:\n\t require_speaker: true\n", "e.yml:2:1: not valid YAML: found character that cannot start any token"),
        ("policies:\n  require_speaker: true\u{1}\n", "e.yml:2:24: not valid YAML: control characters are not allowed"),
    ])
    func malformed(yaml: String, message: String) throws {
        do {
            _ = try ExpectationsReader.read(yaml, file: "e.yml")
            Issue.record("expected an error: \(message)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("bytes that are not UTF-8 are an error at their line and column")
    func invalidUTF8() throws {
        let bytes = Array("policies:\n  require_speaker: ".utf8) + [0xFF] + Array("\n".utf8)
        do {
            _ = try ExpectationsReader.read(data: bytes, file: "e.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "e.yml:2:20: not valid UTF-8")
        }
    }

    @Test("a listed path names the input with that path, or ending it, or else with its file name", arguments: [
        (["a/x.txt", "b/x.txt"], ["b/x.txt", "a/x.txt"], ["b/x.txt": "B", "a/x.txt": "A"]),
        (["a/x.txt", "b/x.txt"], ["./b/x.txt", "/srv/a/x.txt"], ["./b/x.txt": "B", "/srv/a/x.txt": "A"]),
        (["a/x.txt"], ["other/x.txt", "y.txt"], ["other/x.txt": "A", "y.txt": nil]),
    ])
    func selecting(listed: [String], inputs: [String], speakers: [String: String?]) throws {
        let yaml = "documents:\n" + listed.map { path in
            "  - path: \(path)\n    quotes:\n      - text: Oui\n        speaker: \(path.hasPrefix("a/") ? "A" : "B")\n"
        }.joined()
        let (selected, unmatched) = try ExpectationsReader.read(yaml, file: "e.yml").selecting(paths: inputs)
        #expect(selected.documents.map(\.path) == inputs)
        for document in selected.documents {
            #expect(document.quotes.first?.speaker == speakers[document.path]!, "\(document.path)")
        }
        #expect(unmatched.isEmpty)
    }
}
