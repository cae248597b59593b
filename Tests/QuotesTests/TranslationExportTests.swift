import Foundation
import Testing
@testable import Quotes

/// Translation facts in the CSV flat columns and the table view, through the real binary.
@Suite struct TranslationExportTests {
    /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
    static func csv(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, iterator = Array(text).makeIterator(), pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r\n", "\n": record.append(field); field = ""; records.append(record); record = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    @Test("CSV flat columns carry original, via, quoted_in, verbatim and the note")
    func csvColumns() throws {
        let run = try Support.run(["extract", "--format", "csv", "--raw-csv", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        let records = Self.csv(run.stdout)
        let header = try #require(records.first)
        var column: [String: Int] = [:]
        for name in ["text", "translation", "original", "via", "quoted_in", "verbatim", "translation_note"] {
            column[name] = try #require(header.firstIndex(of: name), "no column \(name)")
        }
        let rows = records.dropFirst().filter { $0.count == header.count }
        let relayed = try #require(rows.first { $0[column["text"]!].hasPrefix("Quel que soit le sujet") })
        #expect(relayed[column["original"]!] == "tr")
        #expect(relayed[column["via"]!] == "ru")
        #expect(relayed[column["quoted_in"]!] == "fr")
        #expect(relayed[column["verbatim"]!] == "false")
        #expect(relayed[column["translation_note"]!] == "Said in Turkish (registry), relayed through a Russian translation (text), printed in French (identified): not verbatim.")
        // A quote with nothing known (a French speaker the registry does not know, words printed in
        // French) leaves the columns empty; every quote of the seed now has a note.
        let path = Support.scratch.appendingPathComponent("quotectl-unknown-\(getpid()).txt").path
        try "«Nous verrons bien la semaine prochaine», a dit Paul Martin, maire de Quimperlé.\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = Self.csv(try Support.run(["extract", "--format", "csv", "--raw-csv", path]).stdout)
        let unknown = try #require(plain.dropFirst().first { $0.count == header.count })
        #expect(unknown[column["translation"]!] == "")
        #expect(unknown[column["original"]!] == "")
        #expect(unknown[column["verbatim"]!] == "")
    }

    @Test("the table view shows the path and the verdict")
    func table() throws {
        let run = try Support.run(["extract", "--format", "table", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("Quel que soit le sujet") })
        #expect(line.contains("tr→ru→fr (not verbatim)"))
    }

    @Test("--only-translated keeps a relayed quote from standard input and drops a French one")
    func onlyTranslatedStdin() throws {
        let text = "«Nous ne céderons pas», a dit M. Arslan, selon une traduction en anglais de ses propos. «Le marché ouvre à huit heures», a précisé le maire Luc Tanguy."
        let run = try Support.run(["extract", "--format", "jsonl", "--only-translated", "-"], stdin: Data(text.utf8))
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"via\":[\"en\"]") == true)
    }
}
