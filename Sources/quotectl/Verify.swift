import ArgumentParser
import Foundation
import Quotes

/// `quotectl verify`: fails a CI build when attributions break expectations.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check attributions against an expectations file and policies (for CI).",
        discussion: """
        Exit status: 0 all checks pass; 1 some expectation or policy failed; 2 usage error, unreadable \
        input, or a malformed or empty expectations file (reported as file:line:column).
        """
    )

    @Option(name: .customLong("expect"), help: "The expectations file (YAML or JSON). Without it, give --policy.")
    var expectationsFile: String?

    @Option(name: .customLong("policy"), help: "A policy for every document: require_speaker, forbid_unexpected, require_translation_note, min_confidence=0.6. Repeatable.")
    var policies: [String] = []

    @Option(help: "Write JUnit XML to this file.")
    var junit: String?

    @Flag(help: "Print GitHub Actions annotations (::error file=…,line=…,col=…::…).")
    var github = false

    @Flag(help: "Write the expectations file from the current output instead of checking, and say what changed.")
    var record = false

    @Option(name: .customLong("speakers"), help: "A registry of speakers merged over the bundled one.")
    var speakers: String?

    @OptionGroup var decoding: EncodingOption

    @Argument(help: "Articles to check: files, folders of .txt files, or - for standard input; by default the documents listed in the expectations file.")
    var files: [String] = []

    func validate() throws {
        if record, expectationsFile == nil { throw ValidationError("--record writes the file given with --expect") }
        if expectationsFile == nil, policies.isEmpty { throw ValidationError("nothing to verify: give --expect FILE or --policy") }
        if expectationsFile == nil, files.isEmpty { throw ValidationError("give the articles to check (files or folders)") }
    }

    func run() throws {
        let extractor: QuoteExtractor
        do { extractor = try QuoteExtractor(registry: try speakers.map(Registry.bundled(merging:))) } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
        if record { return try recordSnapshot(extractor) }

        var expectations = Expectations()
        if let expectationsFile {
            guard let data = FileManager.default.contents(atPath: expectationsFile) else {
                Diagnostics.error("\(expectationsFile): cannot be read")
                throw ExitCode(2)
            }
            do { expectations = try ExpectationsReader.read(data: [UInt8](data), file: expectationsFile) } catch {
                Diagnostics.error("\(error)")
                throw ExitCode(2)
            }
        }
        do { for policy in policies { try expectations.apply(policy: policy) } } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
        let outputs: [Verifier.Output]
        var missing: [Expectations.Document] = []
        if files.isEmpty {
            outputs = try expectations.documents.map { try output(for: $0.path, extractor) }
        } else {
            outputs = try read(files, extractor)
            (expectations, missing) = expectations.selecting(paths: outputs.map(\.path))
        }
        let report = try Verifier().verify(expectations, outputs: outputs, expectationsFile: expectationsFile ?? "--policy", missing: missing)
        print(report.text(), terminator: "")
        if github { print(report.githubAnnotations(), terminator: "") }
        if let junit {
            do { try report.junit().write(toFile: junit, atomically: true, encoding: .utf8) } catch {
                Diagnostics.error("cannot write \(junit): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if report.failed > 0 { throw ExitCode(1) }
    }

    /// The articles given on the command line; any that cannot be read stops the run (exit 2).
    private func read(_ paths: [String], _ extractor: QuoteExtractor) throws -> [Verifier.Output] {
        let (outputs, errors) = Verifier.outputs(paths: paths, extractor: extractor, decoder: SourceDecoder(encoding: try decoding.inputEncoding()))
        guard errors.isEmpty else {
            for error in errors { Diagnostics.error(error.description) }
            throw ExitCode(2)
        }
        return outputs
    }

    /// A document listed in the expectations file, found from here or from the file's folder.
    private func output(for path: String, _ extractor: QuoteExtractor) throws -> Verifier.Output {
        let expectationsFile = expectationsFile ?? "."
        let base = URL(fileURLWithPath: expectationsFile).deletingLastPathComponent()
        let candidates = [path, base.appendingPathComponent(path).path]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let data = FileManager.default.contents(atPath: found) else {
            Diagnostics.error("\(path): no such file (listed in \(expectationsFile))")
            throw ExitCode(2)
        }
        do {
            let source = try SourceDecoder(encoding: try decoding.inputEncoding()).decode([UInt8](data))
            return Verifier.Output(path: path, source: source, quotes: try extractor.extract(id: path, source: source).quotes)
        } catch {
            Diagnostics.error("\(path): \(error)")
            throw ExitCode(2)
        }
    }

    private func recordSnapshot(_ extractor: QuoteExtractor) throws {
        let expectationsFile = expectationsFile!
        var paths = files
        let previous: Expectations? = FileManager.default.contents(atPath: expectationsFile).flatMap {
            try? ExpectationsReader.read(String(decoding: $0, as: UTF8.self), file: expectationsFile)
        }
        if paths.isEmpty { paths = previous?.documents.map(\.path) ?? [] }
        guard !paths.isEmpty else { throw ValidationError("--record needs the articles to record (or an existing expectations file listing them)") }
        let outputs = files.isEmpty ? try paths.map { try output(for: $0, extractor) } : try read(files, extractor)
        let yaml = ExpectationsRecorder.record(outputs)
        if let previous, let recorded = try? ExpectationsReader.read(yaml, file: expectationsFile) {
            let changes = ExpectationsRecorder.changes(old: previous, new: recorded)
            print(changes.isEmpty ? "no change since the last recording" : changes.joined(separator: "\n"))
        }
        do { try yaml.write(toFile: expectationsFile, atomically: true, encoding: .utf8) } catch {
            Diagnostics.error("cannot write \(expectationsFile): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print("recorded \(outputs.reduce(0) { $0 + $1.quotes.filter { $0.span.kind != .nonspeech }.count }) quotes of \(outputs.count) document\(outputs.count == 1 ? "" : "s") in \(expectationsFile)")
    }
}
