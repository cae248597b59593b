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
