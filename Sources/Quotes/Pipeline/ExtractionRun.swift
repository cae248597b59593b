/// Runs the pipeline over a stream of inputs and writes one format, in input
/// order, losing nothing: a document that fails is reported with where and
/// why, and every other document is still processed.
///
/// ```swift
/// let run = ExtractionRun(options: .init())
/// let summary = try run.run(paths: ["Corpus/articles"], format: .jsonl,
///                           output: { print(String(decoding: $0, as: UTF8.self), terminator: ""); return true },
///                           report: { print("error:", $0) })
/// ```
public struct ExtractionRun: Sendable {
    public struct Options: Sendable {
        public var input: InputFormat
        /// Replace bytes that are invalid in the character set with U+FFFD instead of failing the document.
        public var lossy: Bool
        /// The character set of text inputs (JSONL is always UTF-8).
        public var encoding: InputEncoding
        public var csv: CSVWriter.Options
        /// Keep only quotes whose words are not the speaker's own (translated or relayed).
        public var onlyTranslated: Bool
        /// The speaker registry (the bundled one merged with the user's), or nil for the bundled one.
        public var registry: Registry?
        /// Withhold attributions below this confidence (``ConfidenceFilter``), or nil to keep them all.
        public var minConfidence: Double?
        /// Which engine picks the speaker: the shipped model (`scored`) or the ordered sieve.
        public var engine: AttributionEngine.Mode

        public init(input: InputFormat = .text, lossy: Bool = false, csv: CSVWriter.Options = .init(), onlyTranslated: Bool = false,
                    registry: Registry? = nil, minConfidence: Double? = nil, engine: AttributionEngine.Mode = .scored,
                    encoding: InputEncoding = .standard) {
            self.input = input
            self.lossy = lossy
            self.encoding = encoding
            self.csv = csv
            self.onlyTranslated = onlyTranslated
            self.registry = registry
            self.minConfidence = minConfidence
            self.engine = engine
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

    /// What one input became, ready to be written in input order.
    public enum Outcome: Sendable {
        /// A processed document: its rendered text (UTF-8, from
        /// ``QuoteWriter/renderUTF8(_:)``), how many quotes it holds, and, for
        /// a text file or standard input, the character set it was read in.
        case document(rendered: [UInt8], quotes: Int, decoded: (id: String, decoding: Decoding)?)
        case failure(InputError)
    }

    /// What a worker owns: the pipeline and the decoder, with their ICU handles.
    private struct Worker {
        let extractor: QuoteExtractor
        let decoder: SourceDecoder
    }

    /// Processes every input, `jobs` documents at a time, and writes the
    /// results in input order: the output does not depend on `jobs`.
    ///
    /// Documents are read, processed and written as a stream: at most
    /// `4 × jobs` are held at once, whatever the number or size of the inputs.
    /// - Parameters:
    ///   - jobs: worker threads (1 processes on the calling thread).
    ///   - output: receives formatted text as UTF-8; returns false when the output is closed.
    ///   - report: receives each failed document.
    ///   - decoded: receives, for each text document processed, its id and the character set it was read in.
    public func run(paths: [String], format: OutputFormat, jobs: Int = 1, output: ([UInt8]) -> Bool,
                    report: (InputError) -> Void, decoded: (String, Decoding) -> Void = { _, _ in }) throws -> Summary {
        // The lexicon and the registry are loaded once and shared; ICU handles are per worker.
        let registry = try options.registry ?? Registry.bundled()
        var writer = format.writer(csvOptions: options.csv)
        var summary = Summary()
        guard output(Array(writer.begin().utf8)) else { summary.outputClosed = true; return summary }

        /// Writes one outcome; false once the output is closed.
        func deliver(_ outcome: Outcome) -> Bool {
            switch outcome {
            case .failure(let error):
                summary.failures += 1
                report(error)
                if format == .jsonl, !output(Array(Self.errorRecord(error).utf8)) { summary.outputClosed = true; return false }
            case .document(let rendered, let quotes, let decoding):
                if let decoding { decoded(decoding.id, decoding.decoding) }
                summary.documents += 1
                summary.quotes += quotes
                if !output(writer.placeUTF8(rendered)) { summary.outputClosed = true; return false }
            }
            return true
        }

        let reader = InputReader(format: options.input)
        // No more workers than documents when the count is known.
        let jobs = reader.documentCount(paths).map { min(jobs, $0) } ?? jobs
        if jobs <= 1 {
            let extractor = try QuoteExtractor(registry: registry, mode: options.engine, keepingCandidates: false)
            let decoder = SourceDecoder(encoding: options.encoding, lossy: options.lossy)
            reader.read(paths) { item in deliver(outcome(of: consume item, extractor, writer, decoder: decoder)) }
        } else {
            let workers = try (0..<jobs).map { _ in
                Worker(extractor: try QuoteExtractor(registry: registry, mode: options.engine, keepingCandidates: false), decoder: SourceDecoder(encoding: options.encoding, lossy: options.lossy))
            }
            let renderer = writer
            let pool = OrderedPool(states: workers, window: 4 * jobs) { (worker: Worker, item: Result<InputDocument, InputError>) in
                self.outcome(of: item, worker.extractor, renderer, decoder: worker.decoder)
            }
            reader.read(paths) { item in
                while !pool.hasRoom {
                    guard let ready = pool.next(waiting: true), deliver(ready) else { return false }
                }
                pool.submit(item)
                while let ready = pool.next(waiting: false) {
                    guard deliver(ready) else { return false }
                }
                return true
            }
            if summary.outputClosed {
                pool.cancel()
            } else {
                pool.close()
                while let ready = pool.next(waiting: true) {
                    guard deliver(ready) else { break }
                }
                if summary.outputClosed { pool.cancel() } else { pool.join() }
            }
        }
        if !summary.outputClosed, !output(Array(writer.end().utf8)) { summary.outputClosed = true }
        return summary
    }

    /// One input through the pipeline and the writer's ``QuoteWriter/renderUTF8(_:)``:
    /// the work of one document, on whichever thread owns `extractor` and `decoder`.
    /// - Parameter decoder: the worker's decoder; nil for one made for this document from the options.
    /// `item` is taken, not lent, so that its bytes go once decoded (a long
    /// document's input is not held while it is processed).
    public func outcome(of item: consuming Result<InputDocument, InputError>, _ extractor: QuoteExtractor,
                        _ writer: any QuoteWriter, decoder: SourceDecoder? = nil) -> Outcome {
        switch consume item {
        case .failure(let error):
            return .failure(error)
        case .success(let input):
            let id = input.id
            let fromBytes = input.source == nil
            switch process(consume input, extractor, decoder: decoder) {
            case .failure(let error):
                return .failure(error)
            case .success(var result):
                if let minimum = options.minConfidence {
                    let filter = ConfidenceFilter(minimum: minimum)
                    result.quotes = result.quotes.map(filter.apply)
                }
                if options.onlyTranslated { result.quotes = result.quotes.filter { $0.translation?.verbatim == false } }
                return .document(rendered: writer.renderUTF8(result), quotes: result.quotes.count,
                                 decoded: fromBytes ? (id, result.decoding) : nil)
            }
        }
    }

    /// Decodes and extracts one document: text inputs in ``Options/encoding``, JSONL text as given.
    /// - Parameter decoder: the worker's decoder; nil for one made for this document from the options.
    /// The input's bytes or text are let go once decoded: only the scalars
    /// are held while the document is processed.
    public func process(_ input: consuming InputDocument, _ extractor: QuoteExtractor, decoder: SourceDecoder? = nil) -> Result<DocumentResult, InputError> {
        let source: SourceText
        if let decoded = input.source {
            input.source = nil
            source = decoded
        } else {
            var bytes: [UInt8] = []
            swap(&bytes, &input.bytes)
            let decoder = decoder ?? SourceDecoder(encoding: options.encoding, lossy: options.lossy)
            do { source = try decoder.decode(bytes) }
            catch { return .failure(InputError(location: input.id, message: error.description)) }
            bytes = []
        }
        do {
            return .success(try extractor.extract(id: input.id, source: source))
        } catch {
            return .failure(InputError(location: input.id, message: "\(error)"))
        }
    }

    /// The JSONL record that stands for a failed document: `{"error": …}`.
    public static func errorRecord(_ error: InputError) -> String {
        JSONValue.object([("doc", .string(error.location)), ("error", .string(error.message))]).serialized() + "\n"
    }
}
