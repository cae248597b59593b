/// The output contract: one quote as every format writes it.
///
/// Keys, in this order: `doc`, `index`, `start`, `end`, `text`, `kind`,
/// `enclosed_by`, `speaker`, `speaker_id`, `confidence`, `rule`, `cue`, `translation`,
/// `flags`, `evidence`. Offsets are Unicode scalar offsets into the original
/// text, end exclusive; `text == original[start..<end]`.
public enum QuoteRecord {
    /// The contract keys, in order (the CSV header starts with them).
    public static let keys = ["doc", "index", "start", "end", "text", "kind", "enclosed_by", "speaker", "speaker_id",
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
            ("enclosed_by", quote.enclosedBy.map { .int($0) } ?? .null),
            ("speaker", a.speaker.map { .string($0.name) } ?? .null),
            ("speaker_id", a.speaker?.id.map { .string($0) } ?? .null),
            ("confidence", a.confidence.map { .number($0.description) } ?? .null),
            ("rule", a.rule.map { .string($0.rawValue) } ?? .null),
            ("cue", quote.cueText.map { .string($0) } ?? .null),
            ("translation", quote.translation.map(translationJSON) ?? .null),
            ("flags", .array(quote.flagNames.map { .string($0) })),
            ("evidence", evidenceJSON(quote)),
        ])
    }

    static func evidenceJSON(_ quote: ExtractedQuote) -> JSONValue {
        guard quote.mentionRange != nil || quote.cueRange != nil else { return .null }
        func part(_ range: SourceRange?, _ text: String?) -> JSONValue {
            guard let range, let text else { return .null }
            return .object([("start", .int(range.lowerBound.value)), ("end", .int(range.upperBound.value)), ("text", .string(text))])
        }
        return .object([("speaker", part(quote.mentionRange, quote.mentionText)), ("cue", part(quote.cueRange, quote.cueText)),
                        ("relay", part(quote.relayRange, quote.relayText))])
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

extension QuoteRecord {
    /// Appends the JSON object of `quote` to `out`: the same bytes as
    /// `json(quote, doc: doc).write(into: &out)`, written straight into the
    /// buffer instead of through a ``JSONValue`` tree (the JSONL and JSON
    /// writers' hot path; `QuoteRecordTests` checks both agree on every
    /// Corpus quote).
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// QuoteRecord.write(quote, doc: "a.txt", into: &out)   // {"doc":"a.txt","index":0,…}
    /// ```
    /// - Complexity: O(n) in the length of the strings written; no
    ///   intermediate String but the sorted flags.
    public static func write(_ quote: ExtractedQuote, doc: String, into out: inout [UInt8]) {
        var sink = ByteSink(capacity: 1024)
        withUnsafePointer(to: quote) { write($0, doc: doc, into: &sink) }
        sink.append(to: &out)
    }

    /// ``write(_:doc:into:)`` for the quote at `q`, each field read where it
    /// stands: a quote handed over whole from an array's storage is copied
    /// first (every string retained, then released), as the callee might
    /// write there meanwhile for all the compiler knows.
    static func write(_ q: UnsafePointer<ExtractedQuote>, doc: String, into out: inout ByteSink) {
        JSONValue.writeRaw("{\"doc\":", into: &out)
        JSONValue.writeString(doc, into: &out)
        JSONValue.writeRaw(",\"index\":", into: &out)
        JSONValue.writeInt(q.pointee.index, into: &out)
        JSONValue.writeRaw(",\"start\":", into: &out)
        JSONValue.writeInt(q.pointee.range.lowerBound.value, into: &out)
        JSONValue.writeRaw(",\"end\":", into: &out)
        JSONValue.writeInt(q.pointee.range.upperBound.value, into: &out)
        JSONValue.writeRaw(",\"text\":", into: &out)
        writeText(q, q.pointee.range, into: &out)
        JSONValue.writeRaw(",\"kind\":", into: &out)
        JSONValue.writeString(q.pointee.span.kind.rawValue, into: &out)
        JSONValue.writeRaw(",\"enclosed_by\":", into: &out)
        if let outer = q.pointee.enclosedBy { JSONValue.writeInt(outer, into: &out) } else { JSONValue.writeRaw("null", into: &out) }
        JSONValue.writeRaw(",\"speaker\":", into: &out)
        writeOptional(q.pointee.attribution.speaker?.name, into: &out)
        JSONValue.writeRaw(",\"speaker_id\":", into: &out)
        writeOptional(q.pointee.attribution.speaker?.id, into: &out)
        JSONValue.writeRaw(",\"confidence\":", into: &out)
        if let confidence = q.pointee.attribution.confidence { writeConfidence(confidence, into: &out) } else { JSONValue.writeRaw("null", into: &out) }
        JSONValue.writeRaw(",\"rule\":", into: &out)
        writeOptional(q.pointee.attribution.rule?.rawValue, into: &out)
        JSONValue.writeRaw(",\"cue\":", into: &out)
        if let cue = q.pointee.cueRange { writeText(q, cue, into: &out) } else { JSONValue.writeRaw("null", into: &out) }
        JSONValue.writeRaw(",\"translation\":", into: &out)
        if let note = q.pointee.translation { writeTranslation(note, into: &out) } else { JSONValue.writeRaw("null", into: &out) }
        JSONValue.writeRaw(",\"flags\":[", into: &out)
        if !q.pointee.span.flags.isEmpty || q.pointee.decodingFlag != nil {
            for (i, flag) in q.pointee.flagNames.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(flag, into: &out)
            }
        }
        JSONValue.writeRaw("],\"evidence\":", into: &out)
        if q.pointee.mentionRange != nil || q.pointee.cueRange != nil {
            JSONValue.writeRaw("{\"speaker\":", into: &out)
            writePart(q, q.pointee.mentionRange, into: &out)
            JSONValue.writeRaw(",\"cue\":", into: &out)
            writePart(q, q.pointee.cueRange, into: &out)
            JSONValue.writeRaw(",\"relay\":", into: &out)
            writePart(q, q.pointee.relayRange, into: &out)
            out.append(UInt8(ascii: "}"))
        } else {
            JSONValue.writeRaw("null", into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// About how many bytes `write` takes for `quotes`, to reserve a buffer once.
    static func estimatedSize(_ quotes: [ExtractedQuote], doc: String) -> Int {
        var bytes = 0
        // Fields read in place: a copy of each quote retains and releases each of its fields.
        for i in quotes.indices {
            // Texts by their scalars: French text takes a few bytes more (the buffer grows if need be).
            bytes += 340 + doc.utf8.count + quotes[i].range.length * 9 / 8
            // Each evidence text is written twice at most (`cue` and `evidence.cue`).
            bytes += 2 * ((quotes[i].cueRange?.length ?? 0) + (quotes[i].mentionRange?.length ?? 0))
            bytes += (quotes[i].relayRange?.length ?? 0) + (quotes[i].attribution.speaker?.name.utf8.count ?? 0)
            if let note = quotes[i].translation { bytes += 160 + note.note.utf8.count + (note.evidence?.text.utf8.count ?? 0) }
        }
        return bytes
    }

    /// A string, or `null`.
    private static func writeOptional(_ text: String?, into out: inout ByteSink) {
        if let text { JSONValue.writeString(text, into: &out) } else { JSONValue.writeRaw("null", into: &out) }
    }

    /// `confidence.description` (three decimals, trailing zeros dropped), as bytes.
    static func writeConfidence(_ confidence: Confidence, into out: inout ByteSink) {
        let scaled = Int((confidence.value * 1000).rounded())
        JSONValue.writeInt(scaled / 1000, into: &out)
        var fraction = scaled % 1000
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction != 0 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// The original text of `range` in the quote's document, as a JSON string.
    private static func writeText(_ q: UnsafePointer<ExtractedQuote>, _ range: SourceRange, into out: inout ByteSink) {
        q.pointee.source.withScalars(in: range) { JSONValue.writeString(scalars: $0, into: &out) }
    }

    /// `{start, end, text}` of an evidence part, or `null` when it is missing.
    private static func writePart(_ q: UnsafePointer<ExtractedQuote>, _ range: SourceRange?, into out: inout ByteSink) {
        guard let range else { return JSONValue.writeRaw("null", into: &out) }
        JSONValue.writeRaw("{\"start\":", into: &out)
        JSONValue.writeInt(range.lowerBound.value, into: &out)
        JSONValue.writeRaw(",\"end\":", into: &out)
        JSONValue.writeInt(range.upperBound.value, into: &out)
        JSONValue.writeRaw(",\"text\":", into: &out)
        writeText(q, range, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func writeStrings(_ items: [String], into out: inout ByteSink) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(item, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func writeTranslation(_ note: TranslationNote, into out: inout ByteSink) {
        JSONValue.writeRaw("{\"original\":", into: &out)
        writeOptional(note.original, into: &out)
        JSONValue.writeRaw(",\"original_source\":", into: &out)
        writeOptional(note.originalSource?.rawValue, into: &out)
        JSONValue.writeRaw(",\"via\":", into: &out)
        writeStrings(note.via, into: &out)
        JSONValue.writeRaw(",\"quoted_in\":", into: &out)
        JSONValue.writeString(note.quotedIn, into: &out)
        JSONValue.writeRaw(",\"verbatim\":", into: &out)
        switch note.verbatim {
        case true?: JSONValue.writeRaw("true", into: &out)
        case false?: JSONValue.writeRaw("false", into: &out)
        case nil: JSONValue.writeRaw("null", into: &out)
        }
        JSONValue.writeRaw(",\"evidence\":", into: &out)
        if let evidence = note.evidence {
            JSONValue.writeRaw("{\"text\":", into: &out)
            JSONValue.writeString(evidence.text, into: &out)
            JSONValue.writeRaw(",\"start\":", into: &out)
            JSONValue.writeInt(evidence.start, into: &out)
            JSONValue.writeRaw(",\"end\":", into: &out)
            JSONValue.writeInt(evidence.end, into: &out)
            out.append(UInt8(ascii: "}"))
        } else {
            JSONValue.writeRaw("null", into: &out)
        }
        JSONValue.writeRaw(",\"note\":", into: &out)
        JSONValue.writeString(note.note, into: &out)
        JSONValue.writeRaw(",\"speaker_names\":", into: &out)
        writeStrings(note.speakerNames, into: &out)
        out.append(UInt8(ascii: "}"))
    }
}
