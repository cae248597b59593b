import Foundation
import Testing
@testable import Quotes

/// `quotectl extract --min-confidence X`: the quote stays, the attribution
/// below X goes, the flag `low-confidence` says so, in every format.
@Suite struct ConfidenceFilterTests {
    @Test("compared as printed, to three decimals", arguments: [
        (0.8996, 0.9, true), (0.8994, 0.9, false), (0.9, 0.9, true), (0.95, 0.9, true), (0.0, 0.0, true), (1.0, 1.0, true), (0.999, 1.0, false),
    ])
    func reaches(confidence: Double, minimum: Double, reached: Bool) {
        #expect(ConfidenceFilter.reaches(confidence, minimum) == reached)
    }

    static let speakerKeys = ["speaker", "speaker_id", "confidence", "rule", "cue", "evidence"]

    static func records(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    static func printed(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// A JSON value as text with sorted keys, to compare values whatever their dictionaries' order.
    static func canonical(_ value: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("JSONL: below X the speaker fields are null and the flag is set; everything else is unchanged", arguments: [0.5, 0.8, 0.9, 0.95])
    func jsonl(minimum: Double) throws {
        let plain = try Support.run(["extract", "--format", "jsonl", "Corpus/articles"])
        let filtered = try Support.run(["extract", "--format", "jsonl", "--min-confidence", String(minimum), "Corpus/articles"])
        #expect(plain.status == 0 && filtered.status == 0, "\(filtered.stderr)")
        let before = try Self.records(plain.stdout), after = try Self.records(filtered.stdout)
        #expect(before.count == after.count)
        var withheld = 0, kept = 0
        for (b, a) in zip(before, after) {
            var below = false
            if b["speaker"] is String { below = !ConfidenceFilter.reaches(try #require(Self.printed(b["confidence"])), minimum) }
            for key in ["doc", "index", "start", "end", "text", "kind", "translation"] { #expect(try Self.canonical(b[key]) == Self.canonical(a[key])) }
            let flagsBefore = try #require(b["flags"] as? [String]), flagsAfter = try #require(a["flags"] as? [String])
            if below {
                withheld += 1
                for key in Self.speakerKeys { #expect(a[key] is NSNull, "\(key) of \(a["doc"]!) \(a["index"]!)") }
                #expect(flagsAfter == (flagsBefore + ["low-confidence"]).sorted())
            } else {
                if b["speaker"] is String { kept += 1 }
                for key in Self.speakerKeys { #expect(try Self.canonical(b[key]) == Self.canonical(a[key])) }
                #expect(flagsAfter == flagsBefore)
            }
        }
        #expect(withheld > 0 && kept > 0, "the Corpus has attributions on both sides of \(minimum)")
    }

    @Test("every format withholds the same quotes", arguments: ["json", "csv", "table"])
    func formats(format: String) throws {
        let jsonl = try Support.run(["extract", "--format", "jsonl", "--min-confidence", "0.9", "Corpus/articles"])
        let run = try Support.run(["extract", "--format", format, "--min-confidence", "0.9", "Corpus/articles"])
        #expect(run.status == 0, "\(run.stderr)")
        let withheld = try Self.records(jsonl.stdout).filter { ($0["flags"] as? [String])?.contains("low-confidence") == true }
        #expect(!withheld.isEmpty)
        switch format {
        case "json":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let quotes = try #require(object["quotes"] as? [[String: Any]])
            #expect(try Self.canonical(quotes) == Self.canonical(try Self.records(jsonl.stdout)))
        case "csv":
            // The flags cell is compact JSON: ["low-confidence"], quoted and doubled in CSV.
            let rows = run.stdout.components(separatedBy: "\r\n").filter { $0.contains("\"\"low-confidence\"\"") }
            #expect(rows.count == withheld.count)
            for row in rows { #expect(row.contains(",,,,,")) }   // speaker … cue empty
        default:
            let rows = run.stdout.split(separator: "\n").filter { $0.contains("low-confidence") }
            #expect(rows.count == withheld.count)
            for row in rows { #expect(row.contains(" — ")) }   // no speaker
        }
    }

    @Test("--min-confidence outside 0…1 is a usage error", arguments: ["1.5", "-0.1", "x"])
    func usage(value: String) throws {
        let run = try Support.run(["extract", "--min-confidence", value, "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("min-confidence"))
    }
}
