import Foundation

/// The character set text inputs are read in (`--encoding`). JSONL input
/// is always UTF-8, as JSON requires.
///
/// ```swift
/// try InputEncoding(argument: "latin9")     // .named("ISO-8859-15")
/// try InputEncoding(argument: "auto")       // .auto
/// try InputEncoding(argument: "latin-99")   // throws UnknownEncodingError
/// ```
public enum InputEncoding: Sendable, Equatable {
    /// UTF-8 (a UTF-8 byte-order mark stays in the text as scalar 0), or
    /// UTF-16 or UTF-32 when the file starts with their byte-order mark
    /// (the mark is not part of the text).
    case standard
    /// Every file in this character set, by the name people use for it
    /// (``Converter/name(for:)``): `windows-1252`, `ISO-8859-15`,
    /// `macintosh`, `UTF-16LE`…
    case named(String)
    /// Each file's own character set, detected (``EncodingDetector``).
    case auto

    /// The value of `--encoding`: `auto`, or any name or alias ICU has a
    /// converter for (case, `-` and `_` do not count).
    /// - Throws: ``UnknownEncodingError`` naming the likeliest spellings.
    public init(argument: String) throws(UnknownEncodingError) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "auto" { self = .auto; return }
        // Opening the converter is the test: a name can resolve without one (or carry options).
        guard !trimmed.isEmpty, (try? Converter(trimmed)) != nil, let name = Converter.name(for: trimmed) else {
            throw UnknownEncodingError(name: argument, suggestions: Self.suggestions(for: trimmed))
        }
        self = .named(name)
    }

    /// Names people most often need, shown when a name is unknown.
    public static let common = ["UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1", "ISO-8859-15", "macintosh"]

    /// Up to three names ICU knows that are spelled like `name` (at most two
    /// edits apart once case, `-`, `_` and spaces are dropped, one for names
    /// under six letters, or containing it), in the spelling people use.
    static func suggestions(for name: String) -> [String] {
        let wanted = loose(name)
        guard wanted.count >= 3 else { return [] }
        // Short names are close to too many others: one edit for them.
        let limit = wanted.count >= 6 ? 2 : 1
        var found: [(distance: Int, name: String)] = []
        for alias in Converter.knownNames {
            let key = loose(alias)
            let distance = wanted.count >= 4 && key.contains(wanted) ? 1 : editDistance(wanted, key, limit: limit)
            guard distance <= limit, let display = Converter.name(for: alias), !found.contains(where: { $0.name == display }) else { continue }
            found.append((distance, display))
        }
        // Closest first; among equals, the names people most often need.
        func rank(_ name: String) -> Int { common.firstIndex(of: name) ?? common.count }
        return found.sorted { ($0.distance, rank($0.name), $0.name.count, $0.name) < ($1.distance, rank($1.name), $1.name.count, $1.name) }
            .prefix(3).map(\.name)
    }

    /// Lower case, letters and digits only: how ICU itself compares names.
    private static func loose(_ name: String) -> [UInt8] {
        name.utf8.compactMap { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
            default: nil
            }
        }
    }

    /// Edits (insertions, deletions, substitutions, swaps of two neighbours:
    /// `1525` is one from `1552`) from `a` to `b`, or `limit + 1` once more.
    private static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 0..<a.count {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for j in 0..<b.count {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
                if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j] { current[j + 1] = min(current[j + 1], before[j - 1] + 1) }
            }
            if current.min()! > limit { return limit + 1 }
            (before, previous) = (previous, current)
        }
        return previous[b.count]
    }
}

/// `--encoding` names a character set ICU does not know (a usage error).
public struct UnknownEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name as given.
    public var name: String
    /// Known names spelled like it.
    public var suggestions: [String]

    public var description: String {
        var text = "unknown encoding '\(name)'"
        if !suggestions.isEmpty { text += " (did you mean \(suggestions.joined(separator: ", "))?)" }
        return text + "; give a name ICU knows, such as \(InputEncoding.common.joined(separator: ", ")), or auto to detect each file's"
    }
}
