/// Fills the `translation` note of attributed quotes. (Placeholder stage:
/// returns nil until the translation-notes work lands.)
public final class TranslationAnnotator {
    let lexicon: FrenchLexicon

    public init(lexicon: FrenchLexicon) throws { self.lexicon = lexicon }

    public func note(for quote: ExtractedQuote, decision: Candidate?, context: AttributionContext) -> TranslationNote? {
        nil
    }
}
