import Foundation
import Testing
@testable import Quotes

/// Safe CSV: RFC 4180 quoting, formula cells neutralised unless --raw-csv,
/// and a round trip through Python's `csv` module that must give back the
/// JSONL output field by field.
@Suite struct CSVSafetyTests {
    @Test("one field: quoting and formula neutralisation", arguments: [
        ("plain", "plain", "plain"),
        ("", "", ""),
        ("a,b", "\"a,b\"", "\"a,b\""),
        ("il a dit \"non\"", "\"il a dit \"\"non\"\"\"", "\"il a dit \"\"non\"\"\""),
        ("deux\nlignes", "\"deux\nlignes\"", "\"deux\nlignes\""),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)", "=SUM(A1:A9)"),
        ("+33 6 12 34 56 78", "'+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("-5 degrés", "'-5 degrés", "-5 degrés"),
        ("@SUM(1)", "'@SUM(1)", "@SUM(1)"),
        ("\tcmd", "'\tcmd", "\tcmd"),
        ("\rcmd", "\"'\rcmd\"", "\"\rcmd\""),
        ("=HYPERLINK(\"http://x\",\"clic\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\"", "\"=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\""),
        ("a=b", "a=b", "a=b"),
    ])
    func field(value: String, neutralised: String, raw: String) {
        #expect(CSVWriter(options: .init()).field(value) == neutralised)
        #expect(CSVWriter(options: .init(raw: true)).field(value) == raw)
    }

    /// Documents whose fields hold every hazard: ids that look like formulas
    /// (the `doc` column), quotes with commas, double quotes and line breaks.
    static let hostileJSONL: String = {
        let texts: [(String, String)] = [
            ("=1+1", "«Oui, et \"non\"», a dit M. Dupont."),
            ("+33", "«Nous irons,\n\nà Paris», a-t-il ajouté."),
            ("-2", "«-5 degrés», a dit Mme Kis."),
            ("@SUM(A1)", "«=SUM(A1:A9)», a dit M. Roux."),
            ("\ttab", "«@home», a dit M. Roux."),
            ("\rcr", "«+1 point», a dit M. Roux."),
            ("plain", "Selon M. Roux, «tout, vraiment tout, ira bien»."),
        ]
        return texts.map { id, text in
            JSONValue.object([("id", .string(id)), ("text", .string(text))]).serialized()
        }.joined(separator: "\n") + "\n"
    }()

    /// Rows of `csv` as Python's `csv` module reads them (header first).
    static func python(_ csv: String, encoding: String = "utf-8") throws -> [[String]] {
        let directory = Support.scratch.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("quotes.csv")
        try Data(csv.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:
                json.dump(list(csv.reader(f, strict=True)), sys.stdout)
            """, file.path, encoding]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    }

    /// A JSONL value as the CSV cell must hold it (nested values as compact JSON, compared parsed).
    static func matches(_ cell: String, _ value: Any?, raw: Bool) throws -> Bool {
        var cell = cell
        switch value {
        case nil, is NSNull: return cell.isEmpty
        case let text as String:
            if !raw, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return cell == "'" + text }
            return cell == text
        case let number as NSNumber:   // index, start, end, confidence (no top-level key is a boolean)
            return Double(cell) == number.doubleValue
        default:
            if !raw, cell.hasPrefix("'") { cell.removeFirst() }
            let parsed = try JSONSerialization.jsonObject(with: Data(cell.utf8), options: [.fragmentsAllowed])
            return NSDictionary(dictionary: ["v": parsed]).isEqual(to: ["v": value!])
        }
    }

    @Test("Python's csv module reads back every JSONL field", arguments: [false, true])
    func roundTrip(raw: Bool) throws {
        let input = Support.scratch.appendingPathComponent("hostile-\(UUID().uuidString).jsonl")
        try Data(Self.hostileJSONL.utf8).write(to: input)
        var sources = ["Corpus/articles"]
        var jsonl = try Support.run(["extract", "--format", "jsonl"] + sources)
        var csv = try Support.run(["extract", "--format", "csv"] + (raw ? ["--raw-csv"] : []) + sources)
        let hostileJSONL = try Support.run(["extract", "--input", "jsonl", "--format", "jsonl", input.path])
        let hostileCSV = try Support.run(["extract", "--input", "jsonl", "--format", "csv"] + (raw ? ["--raw-csv"] : []) + [input.path])
        sources.append(input.path)
        for run in [jsonl, csv, hostileJSONL, hostileCSV] { #expect(run.status == 0, "\(run.stderr)") }
        jsonl.stdout += hostileJSONL.stdout
        csv.stdout += hostileCSV.stdout.split(separator: "\r\n", maxSplits: 1).last.map(String.init) ?? ""

        let rows = try Self.python(csv.stdout)
        let header = try #require(rows.first)
        #expect(Array(header.prefix(QuoteRecord.keys.count)) == QuoteRecord.keys)
        let records = try jsonl.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(rows.count - 1 == records.count)
        #expect(records.count > 400)
        var hazards = 0
        for (row, record) in zip(rows.dropFirst(), records) {
            #expect(row.count == header.count)
            for (column, key) in QuoteRecord.keys.enumerated() {
                #expect(try Self.matches(row[column], record[key], raw: raw), "\(key): \(row[column]) vs \(String(describing: record[key]))")
            }
            if let doc = record["doc"] as? String, let first = doc.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { hazards += 1 }
        }
        #expect(hazards >= 5)   // the formula-like ids did reach the CSV
    }

    @Test("--csv-bom starts with a byte-order mark that spreadsheet readers skip")
    func byteOrderMark() throws {
        let run = try Support.run(["extract", "--format", "csv", "--csv-bom", "Corpus/articles/sotchi-2020-12.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.unicodeScalars.first == "\u{FEFF}")
        let rows = try Self.python(run.stdout, encoding: "utf-8-sig")
        #expect(rows.first?.first == "doc")
        #expect(rows.count > 1)
    }
}
