/// A readable aligned view for a terminal: one line a quote with kind,
/// speaker, confidence, rule and the start of the text; a quote held by
/// another says so after its kind (`mixed in #3`).
public struct TableWriter: QuoteWriter {
    public init() {}

    public mutating func begin() -> String { "" }

    public func render(_ result: DocumentResult) -> String {
        var out = "\(result.id) — \(result.quotes.count) quote\(result.quotes.count == 1 ? "" : "s")"
        // The decoding flag is said once, for the document, not on every row.
        if result.decoding.recordFlag != nil { out += ", read as \(result.decoding.charset)" }
        out += "\n"
        let header = ["#", "kind", "speaker", "conf", "rule", "offsets", "translation", "text"]
        var rows: [[String]] = [header]
        for quote in result.quotes {
            let a = quote.attribution
            var translation = ""
            if let note = quote.translation {
                translation = (note.original ?? "?") + (note.via.isEmpty ? "" : "→" + note.via.joined(separator: "→")) + "→" + note.quotedIn
                if note.verbatim == false { translation += " (not verbatim)" }
            }
            var flags = quote.span.flags.sorted().map(\.rawValue).joined(separator: ",")
            if !flags.isEmpty { flags = " [\(flags)]" }
            let kind = quote.span.kind.rawValue + (quote.enclosedBy.map { " in #\($0)" } ?? "")
            rows.append([String(quote.index), kind, a.speaker?.name ?? "—",
                         a.confidence?.description ?? "", a.rule?.rawValue ?? "",
                         "\(quote.range.lowerBound)-\(quote.range.upperBound)", translation,
                         Self.clip(quote.text, 70) + flags])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            out += line + "\n"
        }
        return out + "\n"
    }

    public mutating func placeUTF8(_ rendered: [UInt8]) -> [UInt8] { rendered }
    public mutating func end() -> String { "" }

    static func clip(_ text: String, _ limit: Int) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
