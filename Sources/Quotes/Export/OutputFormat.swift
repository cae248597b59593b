/// The output formats of `quotectl extract`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// One JSON object a line (the contract).
    case jsonl
    /// One JSON document: `{"quotes": [...]}`.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
    /// An aligned view for a terminal.
    case table
}

/// Writes document results in one format, as a stream: `begin`, then
/// `write` for each document in order, then `end`.
///
/// `write` is split in two so documents can be formatted on worker threads:
/// ``render(_:)`` formats one document on its own (any thread, any order),
/// and ``place(_:)`` puts the rendered text into the stream, in input order
/// (only the JSON array needs it, to drop its first separator).
///
/// ```swift
/// var writer = OutputFormat.jsonl.writer()
/// let text = writer.render(result)   // on a worker
/// out += writer.place(text)           // in input order
/// ```
public protocol QuoteWriter: Sendable {
    mutating func begin() -> String
    /// The text of one document, independent of every other document.
    func render(_ result: DocumentResult) -> String
    /// ``render(_:)`` as UTF-8 bytes: what the pipeline hands to the
    /// output, so a writer that builds bytes never turns them into a
    /// `String` (which would check them again).
    func renderUTF8(_ result: DocumentResult) -> [UInt8]
    /// The text to write for a rendered document, called in input order.
    mutating func place(_ rendered: String) -> String
    /// ``place(_:)`` over ``renderUTF8(_:)``'s bytes.
    mutating func placeUTF8(_ rendered: [UInt8]) -> [UInt8]
    mutating func end() -> String
}

extension QuoteWriter {
    public mutating func place(_ rendered: String) -> String { rendered }

    public func renderUTF8(_ result: DocumentResult) -> [UInt8] { Array(render(result).utf8) }

    /// Through ``place(_:)``, so that it answers as `place` does whatever a writer's `place` does.
    public mutating func placeUTF8(_ rendered: [UInt8]) -> [UInt8] {
        Array(place(String(decoding: rendered, as: UTF8.self)).utf8)
    }

    /// Renders and places one document.
    public mutating func write(_ result: DocumentResult) -> String { place(render(result)) }
}

extension OutputFormat {
    /// A writer for this format.
    public func writer(csvOptions: CSVWriter.Options = .init()) -> any QuoteWriter {
        switch self {
        case .jsonl: return JSONLWriter()
        case .json: return JSONArrayWriter()
        case .csv: return CSVWriter(options: csvOptions)
        case .table: return TableWriter()
        }
    }
}

/// One contract object a line.
public struct JSONLWriter: QuoteWriter {
    public init() {}
    public mutating func begin() -> String { "" }
    public func render(_ result: DocumentResult) -> String { String(decoding: renderUTF8(result), as: UTF8.self) }
    public func renderUTF8(_ result: DocumentResult) -> [UInt8] {
        var out = ByteSink(capacity: QuoteRecord.estimatedSize(result.quotes, doc: result.id))
        // Each quote read in place (``QuoteRecord/write(_:doc:into:)-(UnsafePointer<ExtractedQuote>,_,_)``):
        // `for quote in`, or a quote handed over whole, copied each one, retaining and releasing its strings.
        result.quotes.withUnsafeBufferPointer { quotes in
            for i in quotes.indices {
                QuoteRecord.write(quotes.baseAddress! + i, doc: result.id, into: &out)
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out.bytes()
    }
    public mutating func placeUTF8(_ rendered: [UInt8]) -> [UInt8] { rendered }
    public mutating func end() -> String { "" }
}

/// `{"quotes":[…]}` with one contract object an element, one a line.
public struct JSONArrayWriter: QuoteWriter {
    private var first = true
    public init() {}
    public mutating func begin() -> String { "{\"quotes\":[" }
    /// Each element starts with `,\n`; ``place(_:)`` drops the very first comma.
    public func render(_ result: DocumentResult) -> String { String(decoding: renderUTF8(result), as: UTF8.self) }
    public func renderUTF8(_ result: DocumentResult) -> [UInt8] {
        var out = ByteSink(capacity: QuoteRecord.estimatedSize(result.quotes, doc: result.id))
        result.quotes.withUnsafeBufferPointer { quotes in
            for i in quotes.indices {
                out.append(",\n")
                QuoteRecord.write(quotes.baseAddress! + i, doc: result.id, into: &out)
            }
        }
        return out.bytes()
    }
    public mutating func place(_ rendered: String) -> String {
        guard first, !rendered.isEmpty else { return rendered }
        first = false
        return String(rendered.dropFirst())
    }
    public mutating func placeUTF8(_ rendered: [UInt8]) -> [UInt8] {
        guard first, !rendered.isEmpty else { return rendered }
        first = false
        return Array(rendered.dropFirst())
    }
    public mutating func end() -> String { "\n]}\n" }
}
