/// RFC 4180 CSV: a header row, fields quoted when they hold a comma, a
/// quote or a line break, CRLF line ends, UTF-8.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) are prefixed with `'` unless
/// ``Options/raw`` is set. Nested values (`translation`, `flags`,
/// `evidence`) are compact JSON; translation facts also get flat columns.
public struct CSVWriter: QuoteWriter {
    public struct Options: Sendable {
        /// Leave formula-like cells as they are.
        public var raw: Bool
        /// Start with a UTF-8 byte-order mark, for spreadsheet programs that need it.
        public var byteOrderMark: Bool
        public init(raw: Bool = false, byteOrderMark: Bool = false) {
            self.raw = raw
            self.byteOrderMark = byteOrderMark
        }
    }

    /// Flat translation columns after the contract keys.
    public static let extraColumns = ["original", "via", "quoted_in", "verbatim", "translation_note"]

    let options: Options

    public init(options: Options = .init()) { self.options = options }

    public mutating func begin() -> String {
        (options.byteOrderMark ? "\u{FEFF}" : "") + row(QuoteRecord.keys + Self.extraColumns)
    }

    public func render(_ result: DocumentResult) -> String {
        var out = ""
        for quote in result.quotes {
            guard case .object(let members) = QuoteRecord.json(quote, doc: result.id) else { continue }
            var cells = members.map { (_, value) -> String in
                switch value {
                case .null: return ""
                case .string(let text): return text
                case .int(let n): return String(n)
                case .number(let text): return text
                case .bool(let b): return b ? "true" : "false"
                default: return value.serialized()
                }
            }
            let note = quote.translation
            cells += [note?.original ?? "", note.map { $0.via.joined(separator: ";") } ?? "", note?.quotedIn ?? "",
                      note?.verbatim.map { $0 ? "true" : "false" } ?? "", note?.note ?? ""]
            out += row(cells)
        }
        return out
    }

    public mutating func placeUTF8(_ rendered: [UInt8]) -> [UInt8] { rendered }
    public mutating func end() -> String { "" }

    func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, neutralised and quoted as needed.
    func field(_ value: String) -> String {
        var text = value
        if !options.raw, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
