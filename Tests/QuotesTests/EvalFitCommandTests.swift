import Foundation
import Testing
@testable import Quotes

/// `quotectl eval --fit FILE`, `--engine`, and the coverage section, end to end.
@Suite(.serialized) struct EvalFitCommandTests {
    static func dev() throws -> [GoldCorpus.Entry] { try GoldCorpus.load(directory: Support.corpus.path).split(.dev) }

    @Test("--fit writes the library's weights file and scores the fitted model")
    func fit() throws {
        let folder = Support.scratch.appendingPathComponent("fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("speaker-model.tsv")
        let run = try Support.run(["eval", "--split", "dev", "--fit", file.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let fit = try SpeakerModelFitter().fit(try Self.dev())
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == fit.model.serialized(header: fit.summary))
        #expect(try SpeakerModel.parse(written, file: "speaker-model.tsv") == fit.model)
        #expect(run.stderr == "quotectl: wrote \(file.path): \(fit.summary)\n")
        let report = try JSONDecoder().decode(EvaluationReport.self, from: Data(run.stdout.utf8))
        let expected = try Evaluator(extractor: QuoteExtractor(model: fit.model)).evaluate(try Self.dev(), split: "dev")
        #expect(report == expected)
        #expect(report.engine == "scored")
    }

    @Test("--fit refuses every split but dev, and the other modes", arguments: [
        (["eval", "--fit", "m.tsv"], "--fit fits the speaker model on the dev split only"),
        (["eval", "--split", "test", "--fit", "m.tsv"], "--fit fits the speaker model on the dev split only"),
        (["eval", "--split", "all", "--fit", "m.tsv"], "--fit fits the speaker model on the dev split only"),
        (["eval", "--split", "dev", "--fit", "m.tsv", "--matrix"], "--fit scores the engine"),
        (["eval", "--engine", "best"], "engine"),
    ])
    func refused(arguments: [String], message: String) throws {
        let folder = Support.scratch.appendingPathComponent("fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Support.run(arguments + ["--gold", Support.corpus.path], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.tsv").path))
    }

    @Test("--engine scores either engine on the same commit", arguments: [
        ("scored", AttributionEngine.Mode.scored), ("first-match", .firstMatch),
    ])
    func engine(name: String, mode: AttributionEngine.Mode) throws {
        let run = try Support.run(["eval", "--split", "test", "--engine", name, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(EvaluationReport.self, from: Data(run.stdout.utf8))
        let extractor = try QuoteExtractor(mode: mode)
        let corpus = try GoldCorpus.load(directory: Support.corpus.path)
        #expect(report == (try Evaluator(extractor: extractor).evaluate(corpus.split(.test), split: "test")))
        #expect(report.engine == extractor.engineMode.rawValue)
        #expect(report.coverage.map(\.threshold) == [0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
    }

    @Test("the table has the coverage–precision section and the null-speaker rate")
    func table() throws {
        let run = try Support.run(["eval", "--split", "dev", "--errors", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Evaluator(extractor: QuoteExtractor()).evaluate(try Self.dev(), split: "dev")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for row in report.coverage {
            let expected = String(format: "%.2f", row.threshold).padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(row.kept).padding(toLength: 7, withPad: " ", startingAt: 0)
                + String(format: "%.3f  %.3f      (%d/%d)", row.share, row.precision.value, row.precision.correct, row.kept)
            #expect(lines.contains(expected), "\(expected)")
        }
        #expect(lines.contains("No speaker on matched speech quotes: \(report.nullSpeaker.count)/\(report.nullSpeaker.total) "
                               + "(\(String(format: "%.3f", report.nullSpeaker.value)))"))
        #expect(lines[0].contains("engine \(report.engine!)"))
    }
}
