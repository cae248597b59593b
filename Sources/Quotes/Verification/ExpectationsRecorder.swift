/// Writes an expectations file from the current output (a snapshot), so a
/// regression check starts in one command, and says what changed since the
/// previous snapshot.
public enum ExpectationsRecorder {
    /// YAML for `outputs`: every quote but titles, by a snippet of its words,
    /// with its speaker and kind; `forbid_unexpected` so new quotes show up.
    public static func record(_ outputs: [Verifier.Output]) -> String {
        var out = "# Recorded by `quotectl verify --record`; edit freely.\nversion: 1\npolicies:\n  forbid_unexpected: true\ndocuments:\n"
        for output in outputs {
            out += "  - path: \(quoted(output.path))\n"
            let quotes = output.quotes.filter { $0.span.kind != .nonspeech }
            if quotes.isEmpty { out += "    quotes: []\n"; continue }
            out += "    quotes:\n"
            let snippets = uniqueSnippets(quotes.map(\.text))
            for (quote, snippet) in zip(quotes, snippets) {
                out += "      - text: \(quoted(snippet))\n"
                out += "        speaker: \(quote.attribution.speaker.map { quoted($0.name) } ?? "null")\n"
                out += "        kind: \(quote.span.kind.rawValue)\n"
            }
        }
        return out
    }

    /// The shortest prefix of at least six words (or the whole text) that no other quote contains.
    static func uniqueSnippets(_ texts: [String]) -> [String] {
        let flat = texts.map(Verifier.flat)
        return flat.enumerated().map { index, text in
            let words = text.split(separator: " ")
            var count = min(6, words.count)
            while true {
                let snippet = words.prefix(count).joined(separator: " ")
                let clash = flat.enumerated().contains { $0.offset < index && $0.element.contains(snippet) }
                if !clash || count >= words.count { return snippet }
                count += 1
            }
        }
    }

    /// A double-quoted YAML string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += "\\x" + String(format2(scalar.value)) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func format2(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return hex.count == 1 ? "0" + hex : hex
    }

    /// Lines saying what a new snapshot changes against the old one.
    public static func changes(old: Expectations, new: Expectations) -> [String] {
        var lines: [String] = []
        for document in new.documents {
            let before = old.documents.first { $0.path == document.path }?.quotes ?? []
            for quote in document.quotes {
                if let previous = before.first(where: { $0.text == quote.text }) {
                    if previous.speaker != quote.speaker {
                        lines.append("\(document.path): «\(quote.text ?? "")» speaker \(previous.speaker ?? "none") → \(quote.speaker ?? "none")")
                    }
                    if previous.kind != quote.kind, let kind = quote.kind {
                        lines.append("\(document.path): «\(quote.text ?? "")» kind \(previous.kind?.rawValue ?? "any") → \(kind.rawValue)")
                    }
                } else {
                    lines.append("\(document.path): + «\(quote.text ?? "")» \(quote.speaker ?? "none")")
                }
            }
            for quote in before where !document.quotes.contains(where: { $0.text == quote.text }) {
                lines.append("\(document.path): - «\(quote.text ?? "")» \(quote.speaker ?? "none")")
            }
        }
        for document in old.documents where !new.documents.contains(where: { $0.path == document.path }) {
            lines.append("\(document.path): - document")
        }
        return lines
    }
}
