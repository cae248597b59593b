/// Runs the pipeline over a stream of inputs and writes one format, in input
/// order, losing nothing: a document that fails is reported with where and
/// why, and every other document is still processed.
///
/// ```swift
/// let run = ExtractionRun(options: .init())
/// let summary = try run.run(paths: ["Corpus/articles"], format: .jsonl,
///                           output: { print($0, terminator: ""); return true },
///                           report: { print("error:", $0) })
/// ```
public struct ExtractionRun {
    public struct Options: Sendable {
        public var input: InputFormat
        /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
        public var lossy: Bool
        public var csv: CSVWriter.Options
        /// Keep only quotes whose words are not the speaker's own (translated or relayed).
        public var onlyTranslated: Bool
        /// The speaker registry (the bundled one merged with the user's), or nil for the bundled one.
        public var registry: Registry?

        public init(input: InputFormat = .text, lossy: Bool = false, csv: CSVWriter.Options = .init(), onlyTranslated: Bool = false,
                    registry: Registry? = nil) {
            self.input = input
            self.lossy = lossy
            self.csv = csv
            self.onlyTranslated = onlyTranslated
            self.registry = registry
        }
    }

    public struct Summary: Sendable, Equatable {
        public var documents = 0
        public var quotes = 0
        public var failures = 0
        /// The run stopped early because the output was closed.
        public var outputClosed = false
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Processes every input.
    /// - Parameters:
    ///   - output: receives formatted text; returns false when the output is closed.
    ///   - report: receives each failed document.
    public func run(paths: [String], format: OutputFormat, output: (String) -> Bool,
                    report: (InputError) -> Void) throws -> Summary {
        let extractor = try QuoteExtractor(registry: options.registry)
        var writer = format.writer(csvOptions: options.csv)
        var summary = Summary()
        guard output(writer.begin()) else { summary.outputClosed = true; return summary }
        InputReader(format: options.input).read(paths) { item in
            switch item {
            case .failure(let error):
                summary.failures += 1
                report(error)
                if format == .jsonl, !output(Self.errorRecord(error)) { summary.outputClosed = true; return false }
                return true
            case .success(let input):
                switch process(input, extractor) {
                case .failure(let error):
                    summary.failures += 1
                    report(error)
                    if format == .jsonl, !output(Self.errorRecord(error)) { summary.outputClosed = true; return false }
                case .success(var result):
                    if options.onlyTranslated { result.quotes = result.quotes.filter { $0.translation?.verbatim == false } }
                    summary.documents += 1
                    summary.quotes += result.quotes.count
                    if !output(writer.write(result)) { summary.outputClosed = true; return false }
                }
                return true
            }
        }
        if !summary.outputClosed, !output(writer.end()) { summary.outputClosed = true }
        return summary
    }

    /// Decodes and extracts one document.
    public func process(_ input: InputDocument, _ extractor: QuoteExtractor) -> Result<DocumentResult, InputError> {
        let source: SourceText
        if let text = input.text {
            source = SourceText(text)
        } else {
            do { source = try SourceText(utf8: input.bytes, lossy: options.lossy) }
            catch { return .failure(InputError(location: input.id, message: error.description)) }
        }
        do {
            return .success(try extractor.extract(id: input.id, source: source))
        } catch {
            return .failure(InputError(location: input.id, message: "\(error)"))
        }
    }

    /// The JSONL record that stands for a failed document: `{"error": …}`.
    static func errorRecord(_ error: InputError) -> String {
        JSONValue.object([("doc", .string(error.location)), ("error", .string(error.message))]).serialized() + "\n"
    }
}
