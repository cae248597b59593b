import Foundation
import Testing
@testable import Quotes

/// `quotectl eval` end to end: the built binary against the library.
@Suite(.serialized) struct EvalCommandTests {
    static func temporaryFolder() throws -> URL {
        let folder = Support.scratch.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func evaluator() throws -> Evaluator { try Evaluator(extractor: Support.extractor()) }

    static func libraryReport(_ split: String) throws -> EvaluationReport {
        let corpus = try GoldCorpus.load(directory: Support.corpus.path)
        return try evaluator().evaluate(corpus.split(GoldDocument.Split(rawValue: split)), split: split)
    }

    static func decode(_ json: String) throws -> EvaluationReport {
        try JSONDecoder().decode(EvaluationReport.self, from: Data(json.utf8))
    }

    @Test("--format json prints the library's report", arguments: ["dev", "test", "all"])
    func json(split: String) throws {
        let run = try Support.run(["eval", "--split", split, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Self.decode(run.stdout)
        #expect(report == (try Self.libraryReport(split)))
        let corpus = try GoldCorpus.load(directory: Support.corpus.path)
        #expect(report.goldQuotes == corpus.split(GoldDocument.Split(rawValue: split)).map(\.gold.quotes.count).reduce(0, +))
        #expect(run.stdout.contains("\"brierScore\""))
    }

    @Test("the table has every section and the report's figures")
    func table() throws {
        let run = try Support.run(["eval", "--split", "test", "--errors", "3"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Self.libraryReport("test")
        for heading in ["Spans", "any kind", "end to end", "Speaker accuracy", "Translation facts", "Rule", "Calibration: ECE",
                        "Phenomenon", "wrong-speaker (", "missed ("] {
            #expect(run.stdout.contains(heading), "\(heading)")
        }
        let f1 = String(format: "%.3f", report.spans.f1), e2e = String(format: "%.3f", report.endToEnd.f1)
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("any kind") && $0.contains(f1) })
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("end to end") && $0.contains(e2e) })
        #expect(run.stdout.contains("Speaker accuracy on matched quotes: \(String(format: "%.3f", report.speakerAccuracy.value)) "
                                    + "(\(report.speakerAccuracy.correct)/\(report.speakerAccuracy.total))"))
    }

    @Test("--write-calibration writes the split's per-rule counts")
    func calibration() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("calibration.tsv")
        let run = try Support.run(["eval", "--split", "dev", "--format", "json", "--write-calibration", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try String(contentsOf: file, encoding: .utf8)
        let report = try Self.decode(run.stdout)
        #expect(written == (try Self.evaluator()).calibrationTable(report).serialized())
        let table = try Calibration.parse(written, file: "calibration.tsv")
        for rule in report.rules where rule.precision.total > 0 {
            #expect(table.entries[RuleID(rawValue: rule.rule)] == .init(correct: rule.precision.correct, total: rule.precision.total))
        }
        #expect(!table.entries.isEmpty)
    }

    @Test("a malformed gold file: exit 1 with file:line:column")
    func malformed() throws {
        let run = try Support.run(["eval", "--gold", "Tests/QuotesTests/Fixtures/eval/gold-malformed"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "quotectl: error: Tests/QuotesTests/Fixtures/eval/gold-malformed/gold/bad-kind.json:31:15: "
                + "kind must be one of direct, mixed, indirect, nonspeech\n")
    }

    @Test("usage errors exit 2", arguments: [
        ["eval", "--overlap", "0"],
        ["eval", "--overlap", "1.5"],
        ["eval", "--split", "train"],
        ["eval", "--format", "xml"],
        ["eval", "--out", "/tmp/x"],
        ["eval", "--matrix", "--export-brat", "/tmp/x"],
        ["eval", "--import-brat", "/tmp/x"],
        ["eval", "--errors=-1"],
    ])
    func usage(arguments: [String]) throws {
        let run = try Support.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stdout == "")
    }

    @Test("--matrix prints the README's phenomenon matrix")
    func matrix() throws {
        let run = try Support.run(["eval", "--matrix"])
        #expect(run.status == 0)
        #expect(run.stdout == (try PhenomenonMatrixTests.readmeTable()))
    }

    @Test("--export-brat then --import-brat gives back the gold files byte for byte")
    func brat() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let brat = folder.appendingPathComponent("brat"), corpus = folder.appendingPathComponent("corpus")
        let export = try Support.run(["eval", "--export-brat", brat.path])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try Support.run(["eval", "--import-brat", brat.path, "--out", corpus.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        for sub in ["gold", "articles"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Support.corpus.appendingPathComponent(sub).path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(sub).path).sorted() == names)
            for name in names {
                let original = try Data(contentsOf: Support.corpus.appendingPathComponent("\(sub)/\(name)"))
                #expect(try Data(contentsOf: corpus.appendingPathComponent("\(sub)/\(name)")) == original, "\(sub)/\(name)")
            }
        }
    }

    @Test("a bad .ann file: exit 1 with its place")
    func badBrat() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "La maire a parlé.\n".write(to: folder.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        try "T1\tDirect 3 90\tmaire\n".write(to: folder.appendingPathComponent("x.ann"), atomically: true, encoding: .utf8)
        try "x\tdev\tlocal\n".write(to: folder.appendingPathComponent("documents.tsv"), atomically: true, encoding: .utf8)
        let run = try Support.run(["eval", "--import-brat", folder.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 1)
        #expect(run.stderr == "quotectl: error: \(folder.path)/x.ann:1:11: \"3 90\" is not START END within the article (18 scalars)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
