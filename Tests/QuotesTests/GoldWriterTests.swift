import Foundation
import Testing
@testable import Quotes

/// Gold files written by the library look like the corpus files.
@Suite struct GoldWriterTests {
    @Test("the writer reproduces every corpus gold file byte for byte")
    func corpus() throws {
        for entry in try GoldCorpus.load(directory: Support.corpus.path).entries {
            let original = try String(contentsOfFile: Support.corpus.appendingPathComponent("gold/\(entry.gold.doc).json").path, encoding: .utf8)
            #expect(GoldWriter.serialize(entry.gold) == original, "\(entry.gold.doc)")
        }
    }

    @Test("strings escape quotes, backslashes and control characters only", arguments: [
        ("«Oui», dit-il", "\"«Oui», dit-il\""),
        ("a \"b\" \\ c", "\"a \\\"b\\\" \\\\ c\""),
        ("un\ndeux\ttrois\u{01}", "\"un\\ndeux\\ttrois\\u0001\""),
        ("\u{202F}é", "\"\u{202F}é\""),
    ])
    func strings(text: String, expected: String) {
        var out = ""
        GoldWriter.writeString(text, to: &out)
        #expect(out == expected)
    }
}
