/// `quotectl extract --min-confidence X`: an attribution below X is withheld.
/// The quote stays; `speaker`, `speaker_id`, `confidence`, `rule`, `cue` and
/// `evidence` (speaker, cue and relay) become null, and the quote carries the flag
/// `low-confidence`. Quotes without a speaker are left as they are.
///
/// ```swift
/// let filter = ConfidenceFilter(minimum: 0.9)
/// let kept = filter.apply(quote)   // quote.attribution.confidence 0.85 → no speaker, flag low-confidence
/// ```
public struct ConfidenceFilter: Sendable, Equatable {
    public var minimum: Double

    public init(minimum: Double) { self.minimum = minimum }

    /// Whether `confidence` reaches `minimum`, both compared as printed (three
    /// decimals), so that a printed 0.9 passes `--min-confidence 0.9`.
    public static func reaches(_ confidence: Double, _ minimum: Double) -> Bool {
        (confidence * 1000).rounded() >= (minimum * 1000).rounded()
    }

    /// The quote, with its attribution withheld when it is below the minimum.
    public func apply(_ quote: ExtractedQuote) -> ExtractedQuote {
        guard quote.attribution.speaker != nil, !Self.reaches(quote.attribution.confidence?.value ?? 0, minimum) else { return quote }
        var withheld = quote
        withheld.attribution = .none
        withheld.cueRange = nil
        withheld.mentionRange = nil
        withheld.relayRange = nil
        withheld.span.flags.insert(.lowConfidence)
        return withheld
    }
}
