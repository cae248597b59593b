import ArgumentParser
import Foundation
import Quotes

extension OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// `quotectl extract`: quotes of each document in the chosen format.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract quotations with their speakers.",
        discussion: """
        Reads articles (files, folders of .txt files, or - for standard input) and writes \
        one record per quote. Exit status: 0 success, 1 when a document could not be \
        processed (the others still are), 2 for usage errors.
        """
    )

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: table on a terminal, jsonl otherwise.")
    var format: OutputFormat?

    @Option(help: "Input format: text (each file is an article) or jsonl (each line is {\"id\":…, \"text\":…}).")
    var input: InputFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically: a failed run leaves no partial file).")
    var output: String?

    @Flag(help: "Replace bytes that are invalid in the input's encoding with U+FFFD (and flag the document's quotes) instead of failing the document.")
    var lossy = false

    @OptionGroup var decoding: EncodingOption

    @Flag(help: "Say on standard error which encoding each file was read in (and, when detected, with what confidence).")
    var verbose = false

    @Flag(name: .customLong("raw-csv"), help: "Do not neutralise CSV cells that a spreadsheet would run as formulas.")
    var rawCSV = false

    @Flag(name: .customLong("csv-bom"), help: "Start CSV output with a UTF-8 byte-order mark.")
    var csvBOM = false

    @Flag(name: .customLong("only-translated"), help: "List only quotes that are not verbatim (translated or relayed).")
    var onlyTranslated = false

    @Option(name: .customLong("speakers"), help: "A registry of speakers (JSON, {\"speakers\": [...]}) merged over the bundled one.")
    var speakers: String?

    @Option(name: .customLong("min-confidence"), help: ArgumentHelp("Withhold attributions below X (0…1, compared as printed): the quote stays, without speaker, speaker_id, confidence, rule, cue and evidence, flagged low-confidence.", valueName: "X"))
    var minConfidence: Double?

    @Option(help: "Which engine picks the speakers: scored (the shipped speaker model) or first-match (the ordered rules).")
    var engine: AttributionEngine.Mode = .scored

    @Option(help: "Documents processed at once (default: the number of cores). The output is the same for any value.")
    var jobs: Int?

    @Flag(help: "At the end, print the counts on standard error: quotectl: summary {\"documents\":…,\"failures\":…,\"quotes\":…} (documents processed, documents that failed, quotes written).")
    var summary = false

    @Argument(help: "Articles: files, folders, or - for standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, folder, or - for standard input") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let minConfidence, !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
        if decoding.encoding != nil, input == .jsonl { throw ValidationError("--encoding applies to text input; JSONL input is always UTF-8") }
    }

    func run() throws {
        let chosen = format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .jsonl)
        let registry: Registry?
        do { registry = try speakers.map(Registry.bundled(merging:)) } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
        let options = ExtractionRun.Options(input: input, lossy: lossy, csv: .init(raw: rawCSV, byteOrderMark: csvBOM),
                                            onlyTranslated: onlyTranslated, registry: registry, minConfidence: minConfidence, engine: engine,
                                            encoding: try decoding.inputEncoding())
        let sink = try OutputSink(path: output)
        let summary: ExtractionRun.Summary
        do {
            summary = try ExtractionRun(options: options).run(
                paths: files, format: chosen, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                output: { sink.write($0) },
                report: { Diagnostics.error($0.description) },
                decoded: { id, read in if verbose { Diagnostics.note("\(id): \(read)") } })
        } catch {
            sink.abandon()
            Diagnostics.error("\(error)")
            throw ExitCode(1)
        }
        if self.summary { Diagnostics.summary(summary) }
        if summary.outputClosed { sink.abandon(); return }
        try sink.commit()
        if summary.failures > 0 {
            Diagnostics.note("\(summary.failures) input\(summary.failures == 1 ? "" : "s") failed; \(summary.documents) processed")
            throw ExitCode(1)
        }
    }
}
