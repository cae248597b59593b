import Foundation
import Yams

/// An expectations file that cannot be used: `file:line:column: what is wrong`.
public struct ExpectationsError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// Reads expectations from YAML (JSON is accepted too: it is YAML).
/// Unknown keys, wrong types, an empty file or a file with no expectation
/// and no policy are errors: a broken expectations file never passes.
public enum ExpectationsReader {
    static let topKeys: Set<String> = ["version", "policies", "documents"]
    static let documentKeys: Set<String> = ["path", "quotes", "policies"]
    static let quoteKeys: Set<String> = ["text", "start", "end", "speaker", "kind", "min_confidence", "translation"]
    static let policyKeys: Set<String> = ["require_speaker", "min_confidence", "forbid_unexpected", "require_translation_note"]
    static let translationKeys: Set<String> = ["original", "via", "verbatim"]

    /// Reads the bytes of an expectations file: UTF-8, or an error at the first invalid byte.
    public static func read(data: [UInt8], file: String) throws(ExpectationsError) -> Expectations {
        let source: SourceText
        do { source = try SourceText(utf8: data) } catch {
            var line = 1, column = 1
            for byte in data[..<error.byteOffset] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            throw ExpectationsError(file: file, line: line, column: column, message: "not valid UTF-8")
        }
        return try read(source.text(SourceRange(0, source.count)), file: file)
    }

    public static func read(_ text: String, file: String) throws(ExpectationsError) -> Expectations {
        let root: Node
        do {
            // Nothing but spaces and comments: as empty as an empty file.
            guard let node = try Yams.compose(yaml: text) else {
                throw ExpectationsError(file: file, line: 1, column: 1, message: "the file is empty: it lists no expectation")
            }
            root = node
        } catch let error as ExpectationsError {
            throw error
        } catch let error as YamlError {
            throw located(error, file: file, text: text)
        } catch {
            throw ExpectationsError(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
        func fail(_ node: Node, _ message: String) -> ExpectationsError {
            ExpectationsError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
        }
        func place(_ node: Node) -> Expectations.Place { .init(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0) }
        func mapping(_ node: Node, _ what: String, keys allowed: Set<String>) throws(ExpectationsError) -> [(String, Node)] {
            guard case .mapping(let map) = node else { throw fail(node, "\(what) must be a mapping") }
            var pairs: [(String, Node)] = []
            for (key, value) in map {
                guard let name = key.string, allowed.contains(name) else {
                    throw fail(key, "unknown key \"\(key.string ?? "?")\" in \(what) (expected one of \(allowed.sorted().joined(separator: ", ")))")
                }
                pairs.append((name, value))
            }
            return pairs
        }
        func string(_ node: Node, _ what: String) throws(ExpectationsError) -> String {
            guard case .scalar(let scalar) = node else { throw fail(node, "\(what) must be a string") }
            return scalar.string
        }
        func bool(_ node: Node, _ what: String) throws(ExpectationsError) -> Bool {
            guard let value = node.bool else { throw fail(node, "\(what) must be true or false") }
            return value
        }
        func int(_ node: Node, _ what: String) throws(ExpectationsError) -> Int {
            guard let value = node.int, value >= 0 else { throw fail(node, "\(what) must be a non-negative integer") }
            return value
        }
        func confidence(_ node: Node, _ what: String) throws(ExpectationsError) -> Double {
            guard let value = node.float, value >= 0, value <= 1 else { throw fail(node, "\(what) must be a number from 0 to 1") }
            return value
        }
        func policies(_ node: Node) throws(ExpectationsError) -> Expectations.Policies {
            var result = Expectations.Policies()
            for (key, value) in try mapping(node, "policies", keys: policyKeys) {
                switch key {
                case "require_speaker": result.requireSpeaker = try bool(value, key)
                case "min_confidence": result.minConfidence = try confidence(value, key)
                case "forbid_unexpected": result.forbidUnexpected = try bool(value, key)
                default: result.requireTranslationNote = try bool(value, key)
                }
            }
            return result
        }

        var expectations = Expectations(policies: .init(), documents: [])
        var sawDocuments = false
        for (key, value) in try mapping(root, "the file", keys: topKeys) {
            switch key {
            case "version":
                guard value.int == 1 else { throw fail(value, "version must be 1") }
            case "policies":
                expectations.policies = try policies(value)
            default:
                sawDocuments = true
                guard case .sequence(let documents) = value else { throw fail(value, "documents must be a list") }
                for documentNode in documents {
                    var path: String? = nil
                    var quotes: [Expectations.Quote] = []
                    var documentPolicies: Expectations.Policies? = nil
                    for (dkey, dvalue) in try mapping(documentNode, "a document", keys: documentKeys) {
                        switch dkey {
                        case "path": path = try string(dvalue, "path")
                        case "policies": documentPolicies = try policies(dvalue)
                        default:
                            guard case .sequence(let quoteNodes) = dvalue else { throw fail(dvalue, "quotes must be a list") }
                            for quoteNode in quoteNodes {
                                var quote = Expectations.Quote(text: nil, start: nil, end: nil, speaker: nil, speakerGiven: false, kind: nil,
                                                               minConfidence: nil, translation: nil, place: place(quoteNode))
                                for (qkey, qvalue) in try mapping(quoteNode, "a quote", keys: quoteKeys) {
                                    switch qkey {
                                    case "text":
                                        let snippet = try string(qvalue, "text")
                                        // Blank words would match any quote.
                                        guard !snippet.allSatisfy(\.isWhitespace) else { throw fail(qvalue, "text must not be empty") }
                                        quote.text = snippet
                                    case "start": quote.start = try int(qvalue, "start")
                                    case "end": quote.end = try int(qvalue, "end")
                                    case "speaker":
                                        quote.speakerGiven = true
                                        if qvalue.null != nil {
                                            quote.speaker = nil   // "speaker: null": expects no speaker
                                        } else {
                                            quote.speaker = try string(qvalue, "speaker")
                                        }
                                    case "kind":
                                        guard let kind = QuoteKind(rawValue: try string(qvalue, "kind")) else {
                                            throw fail(qvalue, "kind must be one of \(QuoteKind.allCases.map(\.rawValue).joined(separator: ", "))")
                                        }
                                        quote.kind = kind
                                    case "min_confidence": quote.minConfidence = try confidence(qvalue, "min_confidence")
                                    default:
                                        var translation = Expectations.Translation()
                                        for (tkey, tvalue) in try mapping(qvalue, "translation", keys: translationKeys) {
                                            switch tkey {
                                            case "original": translation.original = try string(tvalue, "original")
                                            case "verbatim": translation.verbatim = try bool(tvalue, "verbatim")
                                            default:
                                                guard case .sequence(let codes) = tvalue else { throw fail(tvalue, "via must be a list of language codes") }
                                                var via: [String] = []
                                                for code in codes { via.append(try string(code, "a language code")) }
                                                translation.via = via
                                            }
                                        }
                                        quote.translation = translation
                                    }
                                }
                                guard quote.text != nil || (quote.start != nil && quote.end != nil) else {
                                    throw fail(quoteNode, "a quote needs text (a piece of its words) or start and end")
                                }
                                if let start = quote.start, let end = quote.end, end <= start { throw fail(quoteNode, "end must be after start") }
                                if (quote.start == nil) != (quote.end == nil) { throw fail(quoteNode, "start and end go together") }
                                quotes.append(quote)
                            }
                        }
                    }
                    guard let path, !path.isEmpty else { throw fail(documentNode, "a document needs a path") }
                    expectations.documents.append(.init(path: path, quotes: quotes, policies: documentPolicies, place: place(documentNode)))
                }
            }
        }
        guard sawDocuments || !expectations.policies.isEmpty else {
            throw fail(root, "no documents and no policies: nothing to verify")
        }
        if expectations.policies.isEmpty, expectations.documents.allSatisfy({ $0.quotes.isEmpty && ($0.policies?.isEmpty ?? true) }) {
            throw fail(root, "no expectation and no policy: nothing to verify")
        }
        // A listing that checks nothing is a mistake (quotes forgotten), not a pass.
        if let idle = expectations.documents.first(where: { $0.quotes.isEmpty && ($0.policies ?? expectations.policies).isEmpty }) {
            throw ExpectationsError(file: file, line: idle.place.line, column: idle.place.column,
                                    message: "document \(idle.path) lists no quote and no policy: nothing to check")
        }
        return expectations
    }

    /// A Yams error as `file:line:column: not valid YAML: …`, at the place it names.
    static func located(_ error: YamlError, file: String, text: String) -> ExpectationsError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ExpectationsError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .reader(let problem, let offset, _, _):
            // `offset` counts characters from the start of the text.
            var line = 1, column = 1
            for character in text.prefix(offset ?? 0) {
                if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
            return ExpectationsError(file: file, line: line, column: column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the first of the keys; the mistake is the repeat, further down at the same indentation.
            let key = duplicates.sorted()[0]
            let first = context.mark
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let repeated = lines.indices.dropFirst(first.line).first { index in
                let scalars = Array(lines[index].unicodeScalars)
                guard scalars.count >= first.column else { return false }
                let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
                return scalars[..<(first.column - 1)].allSatisfy { $0 == " " || $0 == "-" }
                    && (rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':"))
            }
            return ExpectationsError(file: file, line: repeated.map { $0 + 1 } ?? first.line, column: first.column,
                                     message: "duplicate key \"\(key)\" (first at line \(first.line))")
        default:
            return ExpectationsError(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
