import Quotes

/// What `page.mustache` renders for one article: plain values only, so that
/// every piece of article text reaches the HTML through the template's
/// escaping (`{{…}}`), never as markup.
///
/// Optional members are absent (`nil`) rather than empty: a Mustache section
/// renders for any present value, and a name missing from a value is looked
/// up in the enclosing ones, so every member name here is unique.
struct ArticlePage: Sendable {
    let pageTitle: String
    let pageSummary: String
    let backHref: String?
    let backLabel: String?
    let palette: [SpeakerPalette.ColourRule]
    let pieces: [PieceView]
    let speakerRows: [SpeakerRow]
    let quoteRows: [QuoteRow]
    let hasQuotes: Bool
    let hasSpeakers: Bool
    let lowConfidenceText: String

    struct PieceView: Sendable {
        let opening: OpeningView?
        let chars: String?
        let closing: String?
    }

    /// The start tag of a quote (`mark`) or a piece of evidence (`span`).
    struct OpeningView: Sendable {
        let tagName: String
        let classList: String
        /// The quote's index (`data-q`), on every fragment of a quote.
        let markQuote: String?
        /// `id` of the quote's first fragment, which takes keyboard focus.
        let markAnchor: String?
        /// `id` of the quote's entry in the list (`aria-describedby`).
        let markDetail: String?
        let markSpeaker: String?
        /// The speaker's number, shown before the quote.
        let markBadge: String?
        /// `tr→ru→fr` when the words are not the speaker's own.
        let markLanguages: String?
        /// The quotes a piece of evidence serves (`data-for`).
        let evidenceFor: String?
        let evidenceTitle: String?
    }

    struct SpeakerRow: Sendable {
        let speakerNumber: String
        let speakerClass: String
        let speakerName: String
        let speakerQuotes: String
        let speakerConfidence: String
        let speakerLanguages: String
    }

    struct QuoteRow: Sendable {
        let rowIndex: String
        let rowAnchor: String
        let rowDetail: String
        let rowClass: String
        let rowKind: String
        let rowSpeaker: String
        let rowBadge: String?
        let rowRule: String
        let rowCue: String
        let rowMention: String
        let rowConfidence: String
        let rowShaky: Bool
        let rowNote: String?
        let rowLanguages: String?
        let rowFlags: String?
        let rowExcerpt: String
    }
}

extension ArticlePage {
    /// The page of `article`; `back` links to the index of a set.
    init(_ article: ArticleReport, back: (href: String, label: String)?) {
        let scalars = article.source.scalars
        let quotes = article.quotes
        pageTitle = article.id
        let speakerCount = article.speakers.count
        pageSummary = "\(quotes.count) quote\(quotes.count == 1 ? "" : "s"), \(speakerCount) speaker\(speakerCount == 1 ? "" : "s")"
        backHref = back?.href
        backLabel = back?.label
        palette = SpeakerPalette.rules
        hasQuotes = !quotes.isEmpty
        hasSpeakers = !article.speakers.isEmpty
        lowConfidenceText = Self.number(ArticleReport.lowConfidence)

        let numbers = quotes.map(article.speakerNumber(of:))
        let badged = Self.badged(quotes, numbers)
        var markers: [TextMarkup.Marker] = []
        for (k, quote) in quotes.enumerated() {
            markers.append(.init(role: .quote, range: quote.range.lowerBound.value..<quote.range.upperBound.value, quotes: [k]))
            if let range = quote.mentionRange { markers.append(.init(role: .mention, range: range.lowerBound.value..<range.upperBound.value, quotes: [k])) }
            if let range = quote.cueRange { markers.append(.init(role: .cue, range: range.lowerBound.value..<range.upperBound.value, quotes: [k])) }
            if let evidence = quote.translation?.evidence { markers.append(.init(role: .translationCue, range: evidence.start..<evidence.end, quotes: [k])) }
        }
        pieces = TextMarkup.pieces(count: scalars.count, markers: markers).map { piece in
            switch piece {
            case .text(let range):
                return PieceView(opening: nil, chars: ReportText.displayable(scalars[range]), closing: nil)
            case .open(let opening):
                return PieceView(opening: Self.opening(opening, quotes, numbers, badged), chars: nil, closing: nil)
            case .close(let marker):
                return PieceView(opening: nil, chars: nil, closing: marker.role == .quote ? "mark" : "span")
            }
        }
        speakerRows = article.speakers.enumerated().map { n, speaker in
            SpeakerRow(speakerNumber: String(n + 1), speakerClass: SpeakerPalette.colourClass(n), speakerName: speaker.name,
                       speakerQuotes: String(speaker.quotes),
                       speakerConfidence: speaker.meanConfidence.map(Self.number) ?? "—",
                       speakerLanguages: speaker.languages.isEmpty ? "—" : speaker.languages.joined(separator: ", "))
        }
        quoteRows = quotes.enumerated().map { k, quote in Self.row(k, quote, numbers[k]) }
    }

    /// Which quotes show their speaker's number: all but those inside a
    /// quote of the same speaker (a mixed quote in its indirect quote).
    static func badged(_ quotes: [ExtractedQuote], _ numbers: [Int?]) -> [Bool] {
        var result = [Bool](repeating: true, count: quotes.count)
        var enclosing: [Int] = []   // quotes still open at the current start, outermost first
        for (k, quote) in quotes.enumerated() {
            while let last = enclosing.last, quotes[last].range.upperBound <= quote.range.lowerBound { enclosing.removeLast() }
            if let outer = enclosing.last, quote.range.upperBound <= quotes[outer].range.upperBound, numbers[outer] == numbers[k] {
                result[k] = false
            }
            enclosing.append(k)
        }
        return result
    }

    private static func opening(_ opening: TextMarkup.Opening, _ quotes: [ExtractedQuote], _ numbers: [Int?], _ badged: [Bool]) -> OpeningView {
        let marker = opening.marker
        let k = marker.quotes[0]
        let quote = quotes[k]
        let colour = SpeakerPalette.colourClass(numbers[k])
        guard marker.role == .quote else {
            let role: (String, String) = switch marker.role {
            case .mention: ("mention", "speaker")
            case .cue: ("cue", "cue")
            default: ("tcue", "translation cue")
            }
            return OpeningView(tagName: "span", classList: "ev \(role.0) \(colour)", markQuote: nil, markAnchor: nil, markDetail: nil,
                               markSpeaker: nil, markBadge: nil, markLanguages: nil,
                               evidenceFor: marker.quotes.map(String.init).joined(separator: " "),
                               evidenceTitle: "\(role.1) of quote \(marker.quotes.map { "#\($0)" }.joined(separator: ", "))")
        }
        var classes = ["q", "k-\(quote.span.kind.rawValue)", colour]
        if ArticleReport.isShaky(quote) { classes.append("shaky") }
        if opening.isFirst { classes.append("first") }
        return OpeningView(tagName: "mark", classList: classes.joined(separator: " "), markQuote: String(k),
                           markAnchor: opening.isFirst ? "q\(k)" : nil, markDetail: opening.isFirst ? "quote-\(k)" : nil,
                           markSpeaker: quote.attribution.speaker?.name,
                           markBadge: opening.isFirst && badged[k] ? numbers[k].map { String($0 + 1) } : nil,
                           markLanguages: opening.isFirst && isTranslatedWords(quote) ? languagePath(quote.translation) : nil,
                           evidenceFor: nil, evidenceTitle: nil)
    }

    private static func row(_ k: Int, _ quote: ExtractedQuote, _ number: Int?) -> QuoteRow {
        let a = quote.attribution
        let note = quote.translation
        var flags = quote.span.flags.sorted().map(\.rawValue)
        if note?.verbatim == false { flags.append("not verbatim") }
        return QuoteRow(rowIndex: String(k), rowAnchor: "q\(k)", rowDetail: "quote-\(k)", rowClass: SpeakerPalette.colourClass(number),
                        rowKind: quote.span.kind.rawValue,
                        rowSpeaker: a.speaker?.name ?? (quote.span.kind == .nonspeech ? "no speaker (title or name)" : "no speaker found"),
                        rowBadge: number.map { String($0 + 1) },
                        rowRule: a.rule?.rawValue ?? "—", rowCue: quote.cueText ?? "—", rowMention: quote.mentionText ?? "—",
                        rowConfidence: a.confidence?.description ?? "—", rowShaky: ArticleReport.isShaky(quote),
                        rowNote: note?.note, rowLanguages: note.flatMap(languagePath), rowFlags: flags.isEmpty ? nil : flags.joined(separator: ", "),
                        rowExcerpt: ReportText.displayable(ReportText.clip(quote.text, 280).unicodeScalars[...]))
    }

    /// Words in marks, given as the speaker's, that are not what the speaker
    /// said: flagged in the text (reported speech is never verbatim, so it
    /// is not flagged; its note is in the list).
    static func isTranslatedWords(_ quote: ExtractedQuote) -> Bool {
        (quote.span.kind == .direct || quote.span.kind == .mixed) && quote.translation?.verbatim == false
    }

    /// `tr→ru→fr`: the language spoken, the relays, the language printed.
    static func languagePath(_ note: TranslationNote?) -> String? {
        guard let note else { return nil }
        return ([note.original ?? "?"] + note.via + [note.quotedIn]).joined(separator: "→")
    }

    /// Two decimals, as the side table prints confidences.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
