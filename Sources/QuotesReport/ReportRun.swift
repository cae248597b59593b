import Foundation
import Quotes

/// `quotectl report`: articles through the engine into HTML pages. One
/// article makes one self-contained page; several make a folder with a page
/// per article and an `index.html`. A document that fails is reported with
/// where and why, listed as failed in the index, and every other document is
/// still processed.
///
/// ```swift
/// let run = ReportRun(options: .init(output: "report"))
/// let summary = try run.run(paths: ["Corpus/articles"], standardOutput: { print($0) }, report: { print("error:", $0) })
/// summary.written   // "report/index.html"
/// ```
public struct ReportRun: Sendable {
    public struct Options: Sendable {
        public var input: InputFormat
        /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
        public var lossy: Bool
        /// The speaker registry (the bundled one merged with the user's), or nil for the bundled one.
        public var registry: Registry?
        /// A file for one article, a folder for several; nil for standard output (one article only).
        public var output: String?

        public init(input: InputFormat = .text, lossy: Bool = false, registry: Registry? = nil, output: String? = nil) {
            self.input = input
            self.lossy = lossy
            self.registry = registry
            self.output = output
        }
    }

    public struct Summary: Sendable, Equatable {
        public var documents = 0
        public var failures = 0
        /// The page or the folder's `index.html`, or nil for standard output or when nothing was written.
        public var written: String?
    }

    /// Why a run could not go on; ``isUsage`` when the command line asked for something impossible.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
        public let isUsage: Bool
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Whether `output` asks for a folder whatever the number of articles:
    /// an existing folder, or a path ending in `/`.
    static func namesFolder(_ output: String?) -> Bool {
        guard let output else { return false }
        var isDirectory: ObjCBool = false
        return output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    public func run(paths: [String], standardOutput: (String) -> Void, report: (InputError) -> Void) throws(Failure) -> Summary {
        let reader = InputReader(format: options.input)
        if options.output == nil, let count = reader.documentCount(paths), count > 1 {
            throw Failure(description: Self.needsFolder, isUsage: true)
        }
        let renderer: ReportRenderer
        let extractor: QuoteExtractor
        do {
            renderer = try ReportRenderer.bundled()
            extractor = try QuoteExtractor(registry: options.registry ?? Registry.bundled(), keepingCandidates: false)
        } catch {
            throw Failure(description: "\(error)", isUsage: false)
        }

        var summary = Summary()
        var folder: ReportFolder?
        // Until a second article shows whether this is one page or a folder, what was read waits here, in order.
        var held: [Result<ArticleReport, InputError>] = []
        var stop: Failure?
        do {
            if Self.namesFolder(options.output), let output = options.output { folder = try ReportFolder(path: output) }
        } catch {
            throw Failure(description: error.description, isUsage: false)
        }
        reader.read(paths) { item in
            let outcome = item.flatMap { article(from: $0, extractor) }
            switch outcome {
            case .failure(let error):
                summary.failures += 1
                report(error)
            case .success:
                summary.documents += 1
            }
            do throws(ReportError) {
                if var opened = folder {
                    try opened.add(outcome, renderer)
                    folder = opened
                    return true
                }
                let articles = held.filter { (try? $0.get()) != nil }.count
                guard case .success = outcome, articles == 1 else { held.append(outcome); return true }
                guard let output = options.output else { stop = Failure(description: Self.needsFolder, isUsage: true); return false }
                var opened = try ReportFolder(path: output)
                for earlier in held + [outcome] { try opened.add(earlier, renderer) }
                held = []
                folder = opened
            } catch {
                stop = Failure(description: error.description, isUsage: false)
                return false
            }
            return true
        }
        if let stop { throw stop }
        do {
            if let folder {
                summary.written = try folder.finish(renderer)
            } else if let article = held.lazy.compactMap({ try? $0.get() }).first {
                let page = renderer.page(article)
                if let output = options.output {
                    try ReportFolder.write(page, to: output)
                    summary.written = output
                } else {
                    standardOutput(page)
                }
            }
        } catch {
            throw Failure(description: error.description, isUsage: false)
        }
        return summary
    }

    /// Decodes one document and runs the engine on it.
    func article(from input: InputDocument, _ extractor: QuoteExtractor) -> Result<ArticleReport, InputError> {
        let source: SourceText
        if let decoded = input.source {
            source = decoded
        } else {
            do { source = try SourceText(utf8: input.bytes, lossy: options.lossy) } catch {
                return .failure(InputError(location: input.id, message: error.description))
            }
        }
        do {
            let result = try extractor.extract(id: input.id, source: source)
            return .success(ArticleReport(id: input.id, source: source, quotes: result.quotes))
        } catch {
            return .failure(InputError(location: input.id, message: "\(error)"))
        }
    }

    static let needsFolder = "several articles make a folder of pages: give --output DIR"
}
