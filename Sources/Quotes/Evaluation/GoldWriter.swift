import Foundation

/// Writes a gold document the way the corpus files are laid out (two-space
/// indent, keys in format order, UTF-8 unescaped, a final newline — what
/// Python's `json.dumps(d, indent=2, ensure_ascii=False)` prints), so an
/// imported or regenerated file differs from the original only where the
/// annotations do.
///
/// ```swift
/// let text = GoldWriter.serialize(gold)
/// try GoldReader.read(text, file: "x.json", article: nil) == gold   // true
/// ```
public enum GoldWriter {
    public static func serialize(_ gold: GoldDocument) -> String {
        var out = ""
        write(value(gold), indent: 0, to: &out)
        return out + "\n"
    }

    /// Writes each document as `directory/gold/<doc>.json` and its article as
    /// `directory/articles/<doc>.txt`, creating the folders.
    public static func write(_ documents: [(gold: GoldDocument, article: SourceText)], to directory: String) throws {
        let gold = (directory as NSString).appendingPathComponent("gold")
        let articles = (directory as NSString).appendingPathComponent("articles")
        for folder in [gold, articles] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for (document, article) in documents {
            try serialize(document).write(toFile: (gold as NSString).appendingPathComponent(document.doc + ".json"), atomically: true, encoding: .utf8)
            try String(String.UnicodeScalarView(article.scalars))
                .write(toFile: (articles as NSString).appendingPathComponent(document.doc + ".txt"), atomically: true, encoding: .utf8)
        }
    }

    static func value(_ gold: GoldDocument) -> JSONValue {
        .object([
            ("schema", .string(gold.schema)), ("doc", .string(gold.doc)), ("split", .string(gold.split.rawValue)),
            ("domain", .string(gold.domain)), ("quotes", .array(gold.quotes.map(value))),
        ])
    }

    static func value(_ quote: GoldDocument.Quote) -> JSONValue {
        .object([
            ("start", .int(quote.start)), ("end", .int(quote.end)), ("text", .string(quote.text)),
            ("kind", .string(quote.kind.rawValue)), ("speaker", quote.speaker.map(JSONValue.string) ?? .null),
            ("mentions", .array(quote.mentions.map { .object([("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text))]) })),
            ("cue", quote.cue.map(JSONValue.string) ?? .null),
            ("translation", quote.translation.map { translation in
                .object([("original", translation.original.map(JSONValue.string) ?? .null),
                         ("via", .array(translation.via.map(JSONValue.string))), ("quoted_in", .string(translation.quoted_in))])
            } ?? .null),
            ("phenomena", .array(quote.phenomena.map(JSONValue.string))),
        ])
    }

    static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        let inner = String(repeating: " ", count: indent + 2)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                write(item, indent: indent + 2, to: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, (key, member)) in members.enumerated() {
                out += inner
                writeString(key, to: &out)
                out += ": "
                write(member, indent: indent + 2, to: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .string(let text):
            writeString(text, to: &out)
        default:
            value.write(to: &out)
        }
    }

    /// Escapes quotes, backslashes and control characters only.
    static func writeString(_ text: String, to out: inout String) {
        var view = String.UnicodeScalarView()
        view.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": view.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": view.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": view.append(contentsOf: "\\n".unicodeScalars)
            case "\r": view.append(contentsOf: "\\r".unicodeScalars)
            case "\t": view.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": view.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": view.append(contentsOf: "\\f".unicodeScalars)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    view.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
                } else {
                    view.append(scalar)
                }
            }
        }
        view.append("\"")
        out += String(view)
    }
}
