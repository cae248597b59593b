/// One quote of a document with everything the stages found about it.
public struct ExtractedQuote: Sendable {
    /// 0-based order in the document.
    public var index: Int
    public var span: QuoteSpan
    /// The quoted words in the original text.
    public var range: SourceRange
    public var text: String
    public var attribution: Attribution
    /// The cue as written in the original text.
    public var cueText: String?
    public var cueRange: SourceRange?
    /// The speaker mention as written in the original text.
    public var mentionText: String?
    public var mentionRange: SourceRange?
    /// The source that relays the speaker's words (`Selon l'agence Tass, M. Peskov a assuré que …`), as written.
    public var relayText: String? = nil
    public var relayRange: SourceRange? = nil
    public var translation: TranslationNote?
    /// The index of the quote that holds this one (a quote in marks inside
    /// an indirect clause), or nil: see ``QuoteEnclosure``.
    public var enclosedBy: Int? = nil
    /// `decoded:windows-1252` when the document was not UTF-8 (``Decoding/recordFlag``): one of the record's flags.
    public var decodingFlag: String? = nil

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
