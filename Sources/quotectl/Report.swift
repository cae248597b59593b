import ArgumentParser
import Foundation
import Quotes
import QuotesReport

/// `quotectl report`: the quotes highlighted in the article text, as HTML.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: each article with its quotes highlighted in their speaker's colour.",
        discussion: """
        One article makes one self-contained page (standard output, or --output FILE); several make \
        a folder (--output DIR) with a page per article and an index.html of the articles and their \
        speakers. Pages work offline. Exit status: 0 success, 1 when a document could not be \
        processed (the others still are), 2 for usage errors.
        """
    )

    @Option(name: .shortAndLong, help: "A file for one article; a folder for several (created if needed, or any existing folder, or a path ending in /).")
    var output: String?

    @Option(help: "Input format: text (each file is an article) or jsonl (each line is {\"id\":…, \"text\":…}).")
    var input: InputFormat = .text

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (and flag the document's quotes) instead of failing the document.")
    var lossy = false

    @Option(name: .customLong("speakers"), help: "A registry of speakers (JSON, {\"speakers\": [...]}) merged over the bundled one.")
    var speakers: String?

    @Argument(help: "Articles: files, folders, or - for standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, folder, or - for standard input") }
    }

    func run() throws {
        let registry: Registry?
        do { registry = try speakers.map(Registry.bundled(merging:)) } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
        let run = ReportRun(options: .init(input: input, lossy: lossy, registry: registry, output: output))
        let summary: ReportRun.Summary
        do {
            summary = try run.run(paths: files, standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
                                  report: { Diagnostics.error($0.description) })
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(error.isUsage ? 2 : 1)
        }
        if let written = summary.written { Diagnostics.note("wrote \(written)") }
        if summary.failures > 0 {
            Diagnostics.note("\(summary.failures) input\(summary.failures == 1 ? "" : "s") failed; \(summary.documents) processed")
            throw ExitCode(1)
        }
    }
}
