import Foundation
@testable import Quotes

/// Shared helpers for the table tests.
enum Support {
    /// A fresh extractor (ICU handles are per instance).
    static func extractor() throws -> QuoteExtractor { try QuoteExtractor() }

    /// The quotes of `text`, as (text, kind) pairs.
    static func quotes(_ text: String) throws -> [ExtractedQuote] {
        try extractor().extract(id: "test", source: SourceText(text)).quotes
    }

    /// A folder of this test process's own in the system's temporary folder,
    /// removed when the process exits: the tests write their files and
    /// folders here, not loose in the temporary folder, where every run of
    /// the suite used to leave some 150 behind.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quotectl-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Support.scratch) }
        return url
    }()

    /// The repository root (this file is Tests/QuotesTests/TestSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus = root.appendingPathComponent("Corpus")

    /// Every article of the corpus.
    static func articles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus.appendingPathComponent("articles"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static let fixtures = root.appendingPathComponent("Tests/QuotesTests/Fixtures")

    /// An article's stages up to attribution, run one by one as the extractor
    /// runs them (marked quotes only), for tests that build contexts of their own.
    struct Stages {
        let document: Document
        let lexicon: FrenchLexicon
        let quotes: [QuoteSpan]
        let cues: [Cue]
        let mentions: [Mention]
        let entities: EntityTable

        /// A fresh context over the stages (each has its own decision log).
        func context() -> AttributionContext {
            AttributionContext(document: document, lexicon: lexicon, quotes: quotes, quoteCue: quotes.map { _ in nil },
                               mentions: mentions, entities: entities, cues: cues)
        }
    }

    static func stages(_ article: URL) throws -> Stages {
        let lexicon = try FrenchLexicon.shared()
        var document = try extractor().analyze(id: article.lastPathComponent, source: SourceText(String(contentsOf: article, encoding: .utf8)))
        document.contentWords = lexicon.words(of: document)
        let marked = SpanClassifier(lexicon: lexicon).classify(QuoteScanner.scan(document), in: document)
        let cues = CueFinder(lexicon: lexicon).cues(in: document, quotes: marked)
        let mentions = MentionFinder(lexicon: lexicon).mentions(in: document, quotes: marked, cues: cues)
        let entities = EntityResolver(lexicon: lexicon, registry: try Registry.bundled(), folding: Folding()).resolve(mentions, in: document)
        return Stages(document: document, lexicon: lexicon, quotes: marked, cues: cues, mentions: mentions, entities: entities)
    }

    /// The built `quotectl` binary next to the test bundle.
    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("quotectl")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        struct Missing: Error, CustomStringConvertible { var description: String }
        throw Missing(description: "quotectl binary not found near \(CommandLine.arguments[0])")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `quotectl` with `arguments` and optional standard input.
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension String {
    /// Scalar-offset slice, as Python's `str[start:end]`.
    func scalars(_ start: Int, _ end: Int) -> String {
        let s = Array(unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[start..<end])
        return String(view)
    }
}
