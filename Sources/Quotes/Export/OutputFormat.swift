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
    /// The text to write for a rendered document, called in input order.
    mutating func place(_ rendered: String) -> String
    mutating func end() -> String
}

extension QuoteWriter {
    public mutating func place(_ rendered: String) -> String { rendered }

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
    public func render(_ result: DocumentResult) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(QuoteRecord.estimatedSize(result.quotes, doc: result.id))
        for quote in result.quotes {
            QuoteRecord.write(quote, doc: result.id, into: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }
    public mutating func end() -> String { "" }
}

/// `{"quotes":[…]}` with one contract object an element, one a line.
public struct JSONArrayWriter: QuoteWriter {
    private var first = true
    public init() {}
    public mutating func begin() -> String { "{\"quotes\":[" }
    /// Each element starts with `,\n`; ``place(_:)`` drops the very first comma.
    public func render(_ result: DocumentResult) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(QuoteRecord.estimatedSize(result.quotes, doc: result.id))
        for quote in result.quotes {
            out.append(contentsOf: ",\n".utf8)
            QuoteRecord.write(quote, doc: result.id, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
    public mutating func place(_ rendered: String) -> String {
        guard first, !rendered.isEmpty else { return rendered }
        first = false
        return String(rendered.dropFirst())
    }
    public mutating func end() -> String { "\n]}\n" }
}
