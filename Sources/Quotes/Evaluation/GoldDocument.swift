import Foundation

/// One annotated article of the corpus (`quotectl-gold/1`, see
/// `Corpus/README.md` and `Corpus/gold.schema.json`).
public struct GoldDocument: Sendable, Codable, Equatable {
    public enum Split: String, Sendable, Codable, CaseIterable { case dev, test }

    public struct Mention: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct Translation: Sendable, Codable, Equatable {
        public var original: String?
        public var via: [String]
        public var quoted_in: String
    }

    public struct Quote: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
        public var kind: QuoteKind
        public var speaker: String?
        public var mentions: [Mention]
        public var cue: String?
        public var translation: Translation?
        public var phenomena: [String]
    }

    public var schema: String
    public var doc: String
    public var split: Split
    public var domain: String
    public var quotes: [Quote]
}

/// A gold file that does not follow the format, with its place.
public struct GoldError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// Reads and checks gold files.
public enum GoldReader {
    /// The phenomenon tags of `Corpus/README.md`.
    public static let tags: Set<String> = [
        "incise-pronoun-masc", "incise-pronoun-fem", "incise-name", "apposition-name-first", "apposition-role-first", "role-noun",
        "selon", "que-clause", "inverted-lede", "colon-intro", "quote-before-speaker", "continuity", "name-inside-quote",
        "organisation", "unnamed", "attitude-cue", "nonspeech-title", "multi-paragraph", "nested", "straight-quotes",
        "curly-quotes", "narrow-nbsp", "translation-relay", "translation-cue", "other-language-quote",
        "headline-attribution", "bare-surname", "incise-free-verb", "incise-uninverted", "role-periphrasis", "pronoun-chain", "relayed-speaker", "institution",
        "anonymous-source", "plural-speaker", "split-quote", "broken-marks", "interview-prose", "social-media", "language-scene",
        "participle-cue", "media-outlet", "document-source", "name-after-quote",
    ]

    /// Parses and validates gold JSON `text` for `article` (its original text).
    /// - Throws: ``GoldError`` at the first problem, with line and column.
    /// - Parameter stem: the file name without `.json`, which `doc` must equal (nil: not checked).
    public static func read(_ text: String, file: String, article: SourceText?, stem: String? = nil) throws(GoldError) -> GoldDocument {
        let root: PositionedJSON
        do { root = try PositionedJSON.parse(text) } catch {
            throw GoldError(file: file, line: error.line, column: error.column, message: error.message)
        }
        func fail(_ node: PositionedJSON, _ message: String) -> GoldError {
            GoldError(file: file, line: node.line, column: node.column, message: message)
        }
        func string(_ node: PositionedJSON, _ key: String, nullable: Bool = false) throws(GoldError) -> String? {
            guard let value = node[key] else { throw fail(node, "missing \"\(key)\"") }
            if nullable, value.isNull { return nil }
            guard let s = value.string else { throw fail(value, "\"\(key)\" must be a string\(nullable ? " or null" : "")") }
            return s
        }
        func int(_ node: PositionedJSON, _ key: String) throws(GoldError) -> Int {
            guard let value = node[key] else { throw fail(node, "missing \"\(key)\"") }
            guard let n = value.int, n >= 0 else { throw fail(value, "\"\(key)\" must be a non-negative integer") }
            return n
        }
        /// A required array member: the gold format writes `[]` for none.
        func array(_ node: PositionedJSON, _ key: String) throws(GoldError) -> [PositionedJSON] {
            guard let value = node[key] else { throw fail(node, "missing \"\(key)\"") }
            guard let items = value.array else { throw fail(value, "\"\(key)\" must be an array") }
            return items
        }
        func checkRange(_ node: PositionedJSON, start: Int, end: Int, text: String) throws(GoldError) {
            guard start < end else { throw fail(node["end"] ?? node, "end \(end) must be after start \(start) (a span is never empty)") }
            guard let article else { return }
            guard end <= article.count else { throw fail(node["end"] ?? node, "end \(end) is past the end of the article (\(article.count) scalars)") }
            let found = article.text(SourceRange(start, end))
            guard found == text else { throw fail(node["text"] ?? node, "text does not match the article at \(start)..<\(end): found \"\(found)\"") }
        }

        /// Keys outside the format are refused: a misspelt `"speakr"` must not pass for a missing speaker.
        func checkKeys(_ node: PositionedJSON, _ allowed: [String], _ what: String) throws(GoldError) {
            guard case .object(let members) = node.node else { return }
            for (key, value) in members where !allowed.contains(key) {
                throw fail(value, "unknown key \"\(key)\" in \(what) (expected \(allowed.joined(separator: ", ")))")
            }
        }

        guard case .object = root.node else { throw fail(root, "expected a JSON object") }
        try checkKeys(root, ["schema", "doc", "split", "domain", "quotes"], "the document")
        guard try string(root, "schema") == "quotectl-gold/1" else { throw fail(root["schema"]!, "schema must be \"quotectl-gold/1\"") }
        let doc = try string(root, "doc")!
        if let stem, doc != stem { throw fail(root["doc"]!, "doc \"\(doc)\" does not match the file name \"\(stem)\"") }
        guard let split = GoldDocument.Split(rawValue: try string(root, "split")!) else { throw fail(root["split"]!, "split must be dev or test") }
        let domain = try string(root, "domain")!
        guard let quoteNodes = root["quotes"]?.array else { throw fail(root["quotes"] ?? root, "\"quotes\" must be an array") }
        var quotes: [GoldDocument.Quote] = []
        var previousStart = -1
        for node in quoteNodes {
            guard case .object = node.node else { throw fail(node, "a quote must be an object") }
            try checkKeys(node, ["start", "end", "text", "kind", "speaker", "mentions", "cue", "translation", "phenomena"], "a quote")
            let start = try int(node, "start"), end = try int(node, "end")
            let text = try string(node, "text")!
            try checkRange(node, start: start, end: end, text: text)
            guard start >= previousStart else { throw fail(node, "quotes must be sorted by start") }
            previousStart = start
            guard let kind = QuoteKind(rawValue: try string(node, "kind")!) else {
                throw fail(node["kind"]!, "kind must be one of \(QuoteKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let speaker = try string(node, "speaker", nullable: true)
            if (speaker == nil) != (kind == .nonspeech) { throw fail(node["speaker"]!, "speaker must be null exactly for nonspeech quotes") }
            var mentions: [GoldDocument.Mention] = []
            for m in try array(node, "mentions") {
                try checkKeys(m, ["start", "end", "text"], "a mention")
                let ms = try int(m, "start"), me = try int(m, "end")
                let mt = try string(m, "text")!
                try checkRange(m, start: ms, end: me, text: mt)
                mentions.append(.init(start: ms, end: me, text: mt))
            }
            let cue = try string(node, "cue", nullable: true)
            if kind == .nonspeech, let first = node["mentions"]?.array?.first { throw fail(first, "a nonspeech quote has no speaker mentions") }
            var translation: GoldDocument.Translation? = nil
            guard let t = node["translation"] else { throw fail(node, "missing \"translation\"") }
            if !t.isNull {
                guard case .object = t.node else { throw fail(t, "\"translation\" must be an object or null") }
                try checkKeys(t, ["original", "via", "quoted_in"], "a translation")
                let original = try string(t, "original", nullable: true)
                guard let viaNodes = t["via"]?.array else { throw fail(t, "translation.via must be an array") }
                var via: [String] = []
                for v in viaNodes {
                    guard let code = v.string else { throw fail(v, "translation.via holds language codes") }
                    via.append(code)
                }
                translation = .init(original: original, via: via, quoted_in: try string(t, "quoted_in")!)
            }
            var phenomena: [String] = []
            for p in try array(node, "phenomena") {
                guard let tag = p.string, tags.contains(tag) else { throw fail(p, "unknown phenomenon tag \(p.string.map { "\"\($0)\"" } ?? "")") }
                phenomena.append(tag)
            }
            quotes.append(.init(start: start, end: end, text: text, kind: kind, speaker: speaker, mentions: mentions,
                                cue: cue, translation: translation, phenomena: phenomena))
        }
        return GoldDocument(schema: "quotectl-gold/1", doc: doc, split: split, domain: domain, quotes: quotes)
    }
}

/// The corpus: articles with their gold annotations.
public struct GoldCorpus: Sendable {
    public struct Entry: Sendable {
        public var gold: GoldDocument
        public var articlePath: String
        public var source: SourceText
    }

    public var entries: [Entry]

    /// Loads `DIR/gold/*.json` with their `DIR/articles/<doc>.txt`.
    public static func load(directory: String) throws -> GoldCorpus {
        let goldDir = directory + "/gold"
        let files = try FileManager.default.contentsOfDirectory(atPath: goldDir).filter { $0.hasSuffix(".json") && $0 != "gold.schema.json" }.sorted()
        guard !files.isEmpty else { throw GoldError(file: goldDir, line: 0, column: 0, message: "no gold files") }
        return GoldCorpus(entries: try files.map { try entry(file: goldDir + "/" + $0, articles: directory + "/articles") })
    }

    /// Reads one gold file, whose article is `articles/<file stem>.txt`.
    public static func entry(file path: String, articles: String) throws(GoldError) -> Entry {
        guard let data = FileManager.default.contents(atPath: path) else { throw GoldError(file: path, line: 0, column: 0, message: "cannot be read") }
        let stem = String((path as NSString).lastPathComponent.dropLast(5))
        let articlePath = articles + "/" + stem + ".txt"
        guard let articleData = FileManager.default.contents(atPath: articlePath) else {
            throw GoldError(file: path, line: 1, column: 1, message: "no article \(articlePath)")
        }
        let source: SourceText
        do { source = try SourceText(utf8: [UInt8](articleData)) } catch {
            throw GoldError(file: articlePath, line: 0, column: 0, message: error.description)
        }
        let gold = try GoldReader.read(String(decoding: data, as: UTF8.self), file: path, article: source, stem: stem)
        return Entry(gold: gold, articlePath: articlePath, source: source)
    }

    public func split(_ split: GoldDocument.Split?) -> [Entry] {
        guard let split else { return entries }
        return entries.filter { $0.gold.split == split }
    }
}
