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
public protocol QuoteWriter {
    mutating func begin() -> String
    mutating func write(_ result: DocumentResult) -> String
    mutating func end() -> String
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
    public mutating func write(_ result: DocumentResult) -> String {
        var out = ""
        for quote in result.quotes {
            QuoteRecord.json(quote, doc: result.id).write(to: &out)
            out += "\n"
        }
        return out
    }
    public mutating func end() -> String { "" }
}

/// `{"quotes":[…]}` with one contract object an element, one a line.
public struct JSONArrayWriter: QuoteWriter {
    private var first = true
    public init() {}
    public mutating func begin() -> String { "{\"quotes\":[" }
    public mutating func write(_ result: DocumentResult) -> String {
        var out = ""
        for quote in result.quotes {
            out += first ? "\n" : ",\n"
            first = false
            QuoteRecord.json(quote, doc: result.id).write(to: &out)
        }
        return out
    }
    public mutating func end() -> String { "\n]}\n" }
}
