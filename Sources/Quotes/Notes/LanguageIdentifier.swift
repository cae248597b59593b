import Foundation

/// Tells the language a short quotation is printed in, without any
/// dependency: the script (Cyrillic → Russian), letters proper to one
/// language (ğ ş ı → Turkish, ß → German, ñ → Spanish, ã õ → Portuguese),
/// and frequent words (`Resources/langid/stopwords.tsv`).
///
/// ```swift
/// let id = try LanguageIdentifier.bundled()
/// id.identify("We are not against Europe.")      // "en"
/// id.identify("Nous ne céderons pas.")            // "fr"
/// id.identify("Da")                               // "unknown"
/// ```
/// Russian in Latin letters is reported as `ru`. "unknown" when the quote
/// is too short or the evidence too thin to tell.
public struct LanguageIdentifier: Sendable {
    /// Word → languages it is frequent in.
    let words: [String: [String]]

    public init(words: [String: [String]]) { self.words = words }

    public static func bundled() throws -> LanguageIdentifier {
        guard let url = Bundle.module.url(forResource: "stopwords", withExtension: "tsv", subdirectory: "langid")
                ?? Bundle.module.url(forResource: "langid/stopwords", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LexiconError(file: "langid/stopwords.tsv", line: 0, column: nil, message: "missing from the Quotes bundle")
        }
        return try parse(text, file: "stopwords.tsv")
    }

    public static func parse(_ text: String, file: String) throws(LexiconError) -> LanguageIdentifier {
        var words: [String: [String]] = [:]
        for row in try LexiconTable.rows(text, file: file, columns: 2) {
            let code = row.fields[0] == "ru-Latn" ? "ru" : row.fields[0]
            for word in row.list(1) where !(words[word]?.contains(code) ?? false) { words[word, default: []].append(code) }
        }
        return LanguageIdentifier(words: words)
    }

    /// The BCP 47 code of the language `text` is printed in, or `unknown`.
    /// - Parameter prior: the language of the surrounding text; it wins a tie,
    ///   and a weak lead, when the quote has at least two words.
    public func identify(_ text: String, prior: String? = nil) -> String {
        var scores: [String: Double] = [:]
        var letters = 0
        var cyrillic = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if CharacterClass.isLetter(scalar) { letters += 1 }
            if (0x0400...0x04FF).contains(v) { cyrillic += 1 }
            switch v {
            case 0x011F, 0x015F, 0x0131, 0x0130, 0x011E, 0x015E: scores["tr", default: 0] += 1.5   // ğ ş ı İ Ğ Ş
            case 0x00DF: scores["de", default: 0] += 1.5                                             // ß
            case 0x00F1, 0x00BF, 0x00A1: scores["es", default: 0] += 1.5                             // ñ ¿ ¡
            case 0x00E3, 0x00F5: scores["pt", default: 0] += 1.5                                     // ã õ
            case 0x0153, 0x00EA, 0x00E8, 0x00E0, 0x00F9, 0x00EE, 0x00EF: scores["fr", default: 0] += 0.5 // œ ê è à ù î ï
            default: break
            }
        }
        if letters > 0, cyrillic * 2 > letters { return letters >= 4 ? "ru" : "unknown" }
        // Words, lowercased scalar by scalar; an elided article or pronoun
        // counts on its own ("n'ont" → "n'", "ont").
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
        }
        for scalar in text.unicodeScalars {
            let s = Folding.unifyApostrophe(scalar)
            if CharacterClass.isLetter(s) {
                if s.value < 0x80 {
                    current.append((s.value >= 0x41 && s.value <= 0x5A) ? Unicode.Scalar(s.value + 0x20)! : s)
                } else {
                    current.append(contentsOf: String(s).lowercased().unicodeScalars)
                }
            } else if s == "'", !current.isEmpty {
                current.append(s)
                flush()
            } else {
                flush()
            }
        }
        flush()
        var matched = 0
        for token in tokens {
            guard let languages = words[token] else { continue }
            matched += 1
            for language in languages { scores[language, default: 0] += 1 / Double(languages.count) }
        }
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first, best.value > 0 else { return "unknown" }
        // The surrounding language wins when nothing beats it (two words at least).
        if let prior, tokens.count >= 2, (scores[prior] ?? 0) > 0, (scores[prior] ?? 0) >= best.value { return prior }
        guard tokens.count >= 3 || matched >= 2, best.value >= 1 else { return "unknown" }
        if ranked.count > 1, ranked[1].value >= best.value * 0.8, best.value < 2 { return "unknown" }
        return best.key
    }
}
