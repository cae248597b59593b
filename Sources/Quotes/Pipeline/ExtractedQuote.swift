/// One quote of a document with everything the stages found about it.
public struct ExtractedQuote: Sendable {
    /// 0-based order in the document.
    public var index: Int
    public var span: QuoteSpan
    /// The quoted words in the original text.
    public var range: SourceRange
    /// The document's original text, which the ranges point into (shared by
    /// the document's quotes: one array, retained). The texts below are read
    /// from it when asked for, and the JSONL and JSON writers copy its
    /// scalars straight out (``QuoteRecord``): extraction makes no string per quote.
    public let source: SourceText
    public var attribution: Attribution
    public var cueRange: SourceRange?
    public var mentionRange: SourceRange?
    public var relayRange: SourceRange? = nil
    public var translation: TranslationNote?
    /// The index of the quote that holds this one (a quote in marks inside
    /// an indirect clause), or nil: see ``QuoteEnclosure``.
    public var enclosedBy: Int? = nil
    /// `decoded:windows-1252` when the document was not UTF-8 (``Decoding/recordFlag``): one of the record's flags.
    public var decodingFlag: String? = nil

    /// The quoted words as written.
    public var text: String { source.text(range) }
    /// The cue as written.
    public var cueText: String? { cueRange.map { source.text($0) } }
    /// The speaker mention as written.
    public var mentionText: String? { mentionRange.map { source.text($0) } }
    /// The source that relays the speaker's words (`Selon l'agence Tass, M. Peskov a assuré que …`), as written.
    public var relayText: String? { relayRange.map { source.text($0) } }

    /// The record's `flags`, sorted: the span's and the decoding's.
    public var flagNames: [String] {
        var names = span.flags.map(\.rawValue)
        if let decodingFlag { names.append(decodingFlag) }
        return names.sorted()
    }
}

/// The result for one document.
public struct DocumentResult: Sendable {
    public var id: String
    public var quotes: [ExtractedQuote]
    /// Problems worth telling the user that did not stop processing.
    public var warnings: [String]
    /// The character set the document was read in.
    public var decoding: Decoding = .utf8
}
