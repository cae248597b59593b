import ArgumentParser
import Foundation
import Quotes

extension AttributionEngine.Mode: ExpressibleByArgument {}

/// `quotectl eval`: scores the engine against the gold corpus, prints the
/// phenomenon matrix, or moves gold annotations to and from brat standoff.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the engine against gold annotations (spans, speakers, rules, translation, calibration).",
        discussion: """
        A prediction matches a gold quote when it covers at least --overlap of the gold span and more than \
        half of it lies within the gold span (one-to-one, largest overlap first). --fit FILE (with \
        --split dev) fits the speaker model on dev and writes its weights. Exit 1 with \
        file:line:column when a gold or brat file is malformed, 2 for usage errors.
        """
    )

    enum Split: String, ExpressibleByArgument, CaseIterable { case dev, test, all }
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "The corpus folder, holding gold/ and articles/.")
    var gold: String = "Corpus"

    @Option(help: "Share of a gold span a prediction must cover to match it.")
    var overlap: Double = 0.5

    @Option(help: "Which documents: dev, test or all.")
    var split: Split = .all

    @Option(help: "table (for people) or json (the report for machines).")
    var format: Format = .table

    @Option(name: .customLong("errors"), help: "How many errors of each kind to list in the table (json lists them all).")
    var errorLimit: Int = 25

    @Option(name: .customLong("write-calibration"), help: "Write the per-rule counts of this split as a calibration table to FILE.")
    var calibrationFile: String?

    @Option(help: "Which engine picks the speakers: scored (the shipped speaker model) or first-match (the ordered rules).")
    var engine: AttributionEngine.Mode = .scored

    @Option(name: .customLong("fit"), help: ArgumentHelp("Fit the speaker model on the dev split (--split dev) and write its weights to FILE, then score with it.", valueName: "FILE"))
    var fitFile: String?

    @Flag(help: "Print the phenomenon matrix of the gold annotations (Markdown) instead of scoring.")
    var matrix = false

    @Option(name: .customLong("export-brat"), help: "Write the split's gold annotations as brat standoff into DIR instead of scoring.")
    var exportBrat: String?

    @Option(name: .customLong("import-brat"), help: "Read brat standoff from DIR (.txt, .ann, documents.tsv) and write gold files into --out.")
    var importBrat: String?

    @Option(help: "With --import-brat: the corpus folder to write gold/ and articles/ into.")
    var out: String?

    func validate() throws {
        guard overlap > 0, overlap <= 1 else { throw ValidationError("--overlap must be in (0, 1]") }
        guard errorLimit >= 0 else { throw ValidationError("--errors must be 0 or more") }
        if [matrix, exportBrat != nil, importBrat != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --matrix, --export-brat and --import-brat")
        }
        if (importBrat == nil) != (out == nil) { throw ValidationError("--import-brat and --out go together") }
        if fitFile != nil {
            guard split == .dev else {
                throw ValidationError("--fit fits the speaker model on the dev split only: add --split dev (the test split stays unseen)")
            }
            guard !matrix, exportBrat == nil, importBrat == nil else { throw ValidationError("--fit scores the engine: leave out --matrix, --export-brat and --import-brat") }
        }
    }

    func run() throws {
        if let importBrat, let out {
            do { try GoldWriter.write(try BratReader.importDirectory(importBrat), to: out) } catch let error as GoldError {
                Diagnostics.error("\(error)")
                throw ExitCode(1)
            }
            return
        }
        let corpus: GoldCorpus
        do { corpus = try GoldCorpus.load(directory: gold) } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(1)
        }
        let selected = corpus.split(split == .all ? nil : GoldDocument.Split(rawValue: split.rawValue))
        if matrix {
            print(PhenomenonMatrix(entries: corpus.entries).markdown(), terminator: "")
            return
        }
        if let exportBrat {
            try BratWriter.export(selected, to: exportBrat)
            return
        }
        var model: SpeakerModel? = nil
        if let fitFile {
            let fit = try SpeakerModelFitter(overlap: overlap).fit(selected)
            do { try fit.model.serialized(header: fit.summary).write(toFile: fitFile, atomically: true, encoding: .utf8) } catch {
                Diagnostics.error("cannot write \(fitFile): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            Diagnostics.note("wrote \(fitFile): \(fit.summary)")
            model = fit.model
        }
        let extractor = try QuoteExtractor(model: model, mode: engine)
        if engine == .scored, extractor.engineMode != .scored {
            Diagnostics.note("no speaker model is shipped (Resources/model/speaker-model.tsv): scoring the first-match engine")
        }
        let evaluator = try Evaluator(extractor: extractor, overlap: overlap)
        let report = try evaluator.evaluate(selected, split: split.rawValue)
        if let calibrationFile {
            try evaluator.calibrationTable(report).serialized().write(toFile: calibrationFile, atomically: true, encoding: .utf8)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table:
            print(EvalTable.render(report, errorLimit: errorLimit), terminator: "")
        }
    }
}

/// The readable view of an ``EvaluationReport``.
enum EvalTable {
    static func pct(_ x: Double) -> String { String(format: "%.3f", x) }

    static func render(_ r: EvaluationReport, errorLimit: Int) -> String {
        var out = "quotectl eval — split \(r.split)\(r.engine.map { ", engine \($0)" } ?? ""), \(r.documents) documents, \(r.goldQuotes) gold quotes, \(r.predictedQuotes) predicted, overlap \(r.overlap)\n\n"
        out += "Spans              P      R      F1     (tp/fp/fn)\n"
        func line(_ name: String, _ s: EvaluationReport.Scores) -> String {
            name.padding(toLength: 17, withPad: " ", startingAt: 0) + "  \(pct(s.precision))  \(pct(s.recall))  \(pct(s.f1))  (\(s.truePositives)/\(s.falsePositives)/\(s.falseNegatives))\n"
        }
        out += line("any kind", r.spans)
        for kind in QuoteKind.allCases { if let s = r.spansByKind[kind.rawValue] { out += line(kind.rawValue, s) } }
        out += line("end to end", r.endToEnd)
        out += "\nSpeaker accuracy on matched quotes: \(pct(r.speakerAccuracy.value)) (\(r.speakerAccuracy.correct)/\(r.speakerAccuracy.total))\n"
        out += "Translation facts right: \(r.translation.correct)/\(r.translation.total)\n"
        out += "\nRule               predicted  precision  (right/matched)\n"
        for rule in r.rules {
            out += rule.rule.padding(toLength: 17, withPad: " ", startingAt: 0) + "  " + String(rule.predicted).padding(toLength: 9, withPad: " ", startingAt: 0)
                + "  \(pct(rule.precision.value))      (\(rule.precision.correct)/\(rule.precision.total))\n"
        }
        out += "\nCalibration: ECE \(pct(r.calibration.expectedCalibrationError)), Brier \(pct(r.calibration.brierScore)) over \(r.calibration.count) attributions\n"
        out += "bin          n    mean conf  accuracy\n"
        for bin in r.calibration.bins {
            out += "\(pct(bin.lower))–\(pct(bin.upper))".padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(bin.count).padding(toLength: 5, withPad: " ", startingAt: 0) + "\(pct(bin.meanConfidence))      \(pct(bin.accuracy))\n"
        }
        out += "\nConfidence ≥  kept   share  precision  (right/kept of \(r.coverage.first?.total ?? 0) matched speech quotes)\n"
        for row in r.coverage {
            out += String(format: "%.2f", row.threshold).padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(row.kept).padding(toLength: 7, withPad: " ", startingAt: 0)
                + "\(pct(row.share))  \(pct(row.precision.value))      (\(row.precision.correct)/\(row.kept))\n"
        }
        out += "No speaker on matched speech quotes: \(r.nullSpeaker.count)/\(r.nullSpeaker.total) (\(pct(r.nullSpeaker.value)))\n"
        out += "\nPhenomenon              gold  found  speaker right\n"
        for p in r.phenomena {
            out += p.tag.padding(toLength: 22, withPad: " ", startingAt: 0) + String(p.gold).padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(p.found).padding(toLength: 7, withPad: " ", startingAt: 0) + "\(p.speakerRight)\n"
        }
        for kind in [EvaluationReport.ErrorKind.wrongSpeaker, .missed, .spurious, .wrongKind] {
            let items = r.errors.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            out += "\n\(kind.rawValue) (\(items.count)):\n"
            for item in items.prefix(errorLimit) {
                let text = item.text.count > 70 ? String(item.text.prefix(69)) + "…" : item.text
                var detail = ""
                if kind == .wrongSpeaker { detail = " — expected \(item.expected ?? "none"), found \(item.found ?? "none") [\(item.rule ?? "-")]" }
                if kind == .wrongKind { detail = " — expected \(item.expected ?? ""), found \(item.found ?? "")" }
                out += "  \(item.doc) \(item.start)-\(item.end) «\(text.replacingOccurrences(of: "\n", with: " "))»\(detail)\n"
            }
            if items.count > errorLimit { out += "  … \(items.count - errorLimit) more (--errors N, or --format json)\n" }
        }
        return out
    }
}
