/// The output contract: one quote as every format writes it.
///
/// Keys, in this order: `doc`, `index`, `start`, `end`, `text`, `kind`,
/// `speaker`, `speaker_id`, `confidence`, `rule`, `cue`, `translation`,
/// `flags`, `evidence`. Offsets are Unicode scalar offsets into the original
/// text, end exclusive; `text == original[start..<end]`.
public enum QuoteRecord {
    /// The contract keys, in order (the CSV header starts with them).
    public static let keys = ["doc", "index", "start", "end", "text", "kind", "speaker", "speaker_id",
                              "confidence", "rule", "cue", "translation", "flags", "evidence"]

    /// The JSON object of `quote` in document `doc`.
    public static func json(_ quote: ExtractedQuote, doc: String) -> JSONValue {
        let a = quote.attribution
        return .object([
            ("doc", .string(doc)),
            ("index", .int(quote.index)),
            ("start", .int(quote.range.lowerBound.value)),
            ("end", .int(quote.range.upperBound.value)),
            ("text", .string(quote.text)),
            ("kind", .string(quote.span.kind.rawValue)),
            ("speaker", a.speaker.map { .string($0.name) } ?? .null),
            ("speaker_id", a.speaker?.id.map { .string($0) } ?? .null),
            ("confidence", a.confidence.map { .number($0.description) } ?? .null),
            ("rule", a.rule.map { .string($0.rawValue) } ?? .null),
            ("cue", quote.cueText.map { .string($0) } ?? .null),
            ("translation", quote.translation.map(translationJSON) ?? .null),
            ("flags", .array(quote.span.flags.sorted().map { .string($0.rawValue) })),
            ("evidence", evidenceJSON(quote)),
        ])
    }

    static func evidenceJSON(_ quote: ExtractedQuote) -> JSONValue {
        guard quote.mentionRange != nil || quote.cueRange != nil else { return .null }
        func part(_ range: SourceRange?, _ text: String?) -> JSONValue {
            guard let range, let text else { return .null }
            return .object([("start", .int(range.lowerBound.value)), ("end", .int(range.upperBound.value)), ("text", .string(text))])
        }
        return .object([("speaker", part(quote.mentionRange, quote.mentionText)), ("cue", part(quote.cueRange, quote.cueText))])
    }

    static func translationJSON(_ note: TranslationNote) -> JSONValue {
        .object([
            ("original", note.original.map { .string($0) } ?? .null),
            ("original_source", note.originalSource.map { .string($0.rawValue) } ?? .null),
            ("via", .array(note.via.map { .string($0) })),
            ("quoted_in", .string(note.quotedIn)),
            ("verbatim", note.verbatim.map { .bool($0) } ?? .null),
            ("evidence", note.evidence.map { .object([("text", .string($0.text)), ("start", .int($0.start)), ("end", .int($0.end))]) } ?? .null),
            ("note", .string(note.note)),
            ("speaker_names", .array(note.speakerNames.map { .string($0) })),
        ])
    }
}
