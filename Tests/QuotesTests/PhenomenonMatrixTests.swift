import Foundation
import Testing
@testable import Quotes

/// The phenomenon matrix in Corpus/README.md states exactly the counts of
/// the gold files, and the corpus meets the minimums.
@Suite struct PhenomenonMatrixTests {
    /// Counts recomputed straight from the JSON, without the library:
    /// row name (a tag, a kind, "all quotes" or "documents") → [dev, test].
    static func recount() throws -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        func add(_ key: String, _ split: String) {
            var row = counts[key] ?? [0, 0]
            row[split == "dev" ? 0 : 1] += 1
            counts[key] = row
        }
        let folder = Support.corpus.appendingPathComponent("gold")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let split = try #require(document["split"] as? String)
            add("documents", split)
            for quote in try #require(document["quotes"] as? [[String: Any]]) {
                add("all quotes", split)
                add(try #require(quote["kind"] as? String), split)
                for tag in Set(try #require(quote["phenomena"] as? [String])) { add(tag, split) }
            }
        }
        return counts
    }

    /// The table lines of the README's "Phenomenon matrix" section.
    static func readmeTable() throws -> String {
        let readme = try String(contentsOf: Support.corpus.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Phenomenon matrix\n").dropFirst().first)
        let body = section.components(separatedBy: "\n## ").first ?? section
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("|") })
        let last = try #require(lines.lastIndex { $0.hasPrefix("|") })
        return lines[first...last].joined(separator: "\n") + "\n"
    }

    @Test("the README table states the counts of the gold files")
    func readmeCounts() throws {
        let counts = try Self.recount()
        var stated: [String: [Int]] = [:]
        for line in try Self.readmeTable().split(separator: "\n") where !line.hasPrefix("|---") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let dev = Int(cells[1]), let test = Int(cells[2]), let total = Int(cells[3]) else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`*"))
            #expect(stated[name] == nil, "\(name) twice")
            #expect(dev + test == total, "\(name)")
            stated[name] = [dev, test]
        }
        #expect(Set(stated.keys) == Set(counts.keys).union(GoldReader.tags))
        for (name, row) in stated { #expect(row == (counts[name] ?? [0, 0]), "\(name)") }
    }

    @Test("every phenomenon at least 8 times, at least 1,030 quotes")
    func minimums() throws {
        let counts = try Self.recount()
        for tag in GoldReader.tags { #expect((counts[tag]?.reduce(0, +) ?? 0) >= 8, "\(tag)") }
        #expect(try #require(counts["all quotes"]).reduce(0, +) >= 1030)
    }

    @Test("the library's matrix is the README's table")
    func markdown() throws {
        let corpus = try GoldCorpus.load(directory: Support.corpus.path)
        #expect(PhenomenonMatrix(entries: corpus.entries).markdown() == (try Self.readmeTable()))
    }
}
