import Foundation
import Testing

/// End-to-end: the built `quotectl` binary.
@Suite struct ExtractCommandTests {
    @Test("the seed's JSONL matches its golden file")
    func seedGolden() throws {
        let run = try Support.run(["extract", "--format", "jsonl", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        let golden = try String(contentsOf: Support.fixtures.appendingPathComponent("extract/seed.jsonl"), encoding: .utf8)
        #expect(run.stdout == golden)
    }

    @Test("every JSONL record has exactly the contract keys, in order")
    func contractKeys() throws {
        let run = try Support.run(["extract", "--format", "jsonl", "Corpus/articles"])
        #expect(run.status == 0)
        let keys = ["doc", "index", "start", "end", "text", "kind", "enclosed_by", "speaker", "speaker_id", "confidence", "rule", "cue", "translation", "flags", "evidence"]
        for line in run.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(keys))
            // Order: each key appears after the previous one in the raw line.
            var cursor = line.startIndex
            for key in keys {
                let found = try #require(line.range(of: "\"\(key)\":", range: cursor..<line.endIndex))
                cursor = found.upperBound
            }
        }
    }

    @Test("standard input, and text given as -")
    func standardInput() throws {
        let run = try Support.run(["extract", "--format", "jsonl", "-"], stdin: Data("«Bonjour», a dit Mme Kis.".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"doc\":\"-\""))
        #expect(run.stdout.contains("\"speaker\":\"Kis\""))
    }

    @Test("a missing file fails with its name, the others are still processed, exit 1")
    func missingFile() throws {
        let run = try Support.run(["extract", "--format", "jsonl", "Corpus/articles/nope.txt", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Corpus/articles/nope.txt: no such file or directory"))
        #expect(run.stdout.contains("sotchi-2020-12.txt"))
    }

    @Test("usage errors exit 2", arguments: [["extract"], ["extract", "--format", "xml", "a.txt"], ["extract", "--bogus", "a.txt"]])
    func usage(arguments: [String]) throws {
        let run = try Support.run(arguments)
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
    }

    /// JSONL lines on standard input, and the summary `--summary` prints for them.
    static let summaries: [(lines: [String], documents: Int, failures: Int)] = [
        ([#"{"id": "a", "text": "«Oui», a dit M. Kis."}"#, #"{"id": "b", "text": "Rien à citer."}"#], 2, 0),
        ([#"{"id": "a", "text": "«Oui», a dit M. Kis."}"#, "not json", #"{"id": "c"}"#], 1, 2),
        ([], 0, 0),
    ]

    @Test("--summary prints the documents processed, failed and the quotes written", arguments: summaries)
    func summary(lines: [String], documents: Int, failures: Int) throws {
        let input = Data(lines.map { $0 + "\n" }.joined().utf8)
        let run = try Support.run(["extract", "--input", "jsonl", "--format", "jsonl", "--summary", "-"], stdin: input)
        #expect(run.status == (failures > 0 ? 1 : 0))
        let quotes = run.stdout.split(separator: "\n").filter { !$0.contains("\"error\":") }.count
        let summary = #"quotectl: summary {"documents":\#(documents),"failures":\#(failures),"quotes":\#(quotes)}"#
        #expect(run.stderr.split(separator: "\n").map(String.init).contains(summary))
        let plain = try Support.run(["extract", "--input", "jsonl", "--format", "jsonl", "-"], stdin: input)
        #expect(!plain.stderr.contains("summary"))
        #expect(plain.stdout == run.stdout)
    }

    @Test("CSV starts with the contract header and translation columns")
    func csvHeader() throws {
        let run = try Support.run(["extract", "--format", "csv", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("doc,index,start,end,text,kind,enclosed_by,speaker,speaker_id,confidence,rule,cue,translation,flags,evidence,original,via,quoted_in,verbatim,translation_note\r\n"))
    }
}

@Suite struct OnlyTranslatedTests {
    @Test("--only-translated keeps exactly the quotes that are not verbatim")
    func onlyTranslated() throws {
        let all = try Support.run(["extract", "--format", "jsonl", "Corpus/articles/sotchi-2020-12.txt"])
        let some = try Support.run(["extract", "--format", "jsonl", "--only-translated", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(some.status == 0)
        let expected = try all.stdout.split(separator: "\n").filter { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (object["translation"] as? [String: Any])?["verbatim"] as? Bool == false
        }
        let kept = some.stdout.split(separator: "\n")
        #expect(kept.count == expected.count)
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { $0.contains("\"verbatim\":false") })
    }
}
