import Quotes

/// One article as the report shows it: its original text and the quotes the
/// engine found, with the speakers they add up to.
///
/// ```swift
/// let source = SourceText("«Oui», a dit M. Dupont.")
/// let result = try QuoteExtractor().extract(id: "a.txt", source: source)
/// let article = ArticleReport(id: "a.txt", source: source, quotes: result.quotes)
/// article.speakers[0].name   // "Dupont"
/// ```
public struct ArticleReport: Sendable {
    public var id: String
    public var source: SourceText
    public var quotes: [ExtractedQuote]
    /// Every speaker quoted, in the order of their first quote.
    public let speakers: [SpeakerSummary]

    /// Below this, an attribution is drawn as shaky (dashed). Confidence is
    /// calibrated, so 0.7 means about three chances in ten of being wrong.
    public static let lowConfidence = 0.7

    public init(id: String, source: SourceText, quotes: [ExtractedQuote]) {
        self.id = id
        self.source = source
        self.quotes = quotes
        var speakers: [SpeakerSummary] = []
        var position: [String: Int] = [:]
        for quote in quotes {
            guard let speaker = quote.attribution.speaker else { continue }
            let key = SpeakerSummary.key(of: speaker)
            let k = position[key] ?? {
                position[key] = speakers.count
                speakers.append(SpeakerSummary(key: key, name: speaker.name))
                return speakers.count - 1
            }()
            speakers[k].add(quote)
        }
        self.speakers = speakers
    }

    /// The position in ``speakers`` of a quote's speaker, or nil when it has none.
    public func speakerNumber(of quote: ExtractedQuote) -> Int? {
        guard let speaker = quote.attribution.speaker else { return nil }
        let key = SpeakerSummary.key(of: speaker)
        return speakers.firstIndex { $0.key == key }
    }

    /// Whether the report draws the quote's attribution as shaky: a speech
    /// quote with no speaker, or a confidence below ``lowConfidence``.
    public static func isShaky(_ quote: ExtractedQuote) -> Bool {
        guard quote.span.kind != .nonspeech else { return false }
        guard quote.attribution.speaker != nil, let confidence = quote.attribution.confidence else { return true }
        return confidence.value < lowConfidence
    }
}

/// A speaker's quotes in an article or across a set of articles.
public struct SpeakerSummary: Sendable, Equatable {
    /// The registry id, or else the display name: what makes two quotes one speaker's.
    public var key: String
    public var name: String
    public var quotes = 0
    /// Sum and count of the confidences given (an attribution may have none).
    public var confidenceSum = 0.0
    public var confidenceCount = 0
    /// Languages the speaker spoke, as BCP 47 codes, sorted (from the translation notes).
    public var languages: [String] = []

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    public var meanConfidence: Double? { confidenceCount == 0 ? nil : confidenceSum / Double(confidenceCount) }

    static func key(of speaker: Speaker) -> String { speaker.id ?? speaker.name }

    mutating func add(_ quote: ExtractedQuote) {
        quotes += 1
        if let confidence = quote.attribution.confidence {
            confidenceSum += confidence.value
            confidenceCount += 1
        }
        if let language = quote.translation?.original, !languages.contains(language) {
            languages.append(language)
            languages.sort()
        }
    }

    /// Adds another summary of the same speaker (from another article).
    mutating func merge(_ other: SpeakerSummary) {
        quotes += other.quotes
        confidenceSum += other.confidenceSum
        confidenceCount += other.confidenceCount
        languages = Array(Set(languages + other.languages)).sorted()
    }
}
